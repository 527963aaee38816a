package org.yiwang.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.procurement.ProcurementChanged.FrameworkOfferSealed;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The second stage of a framework agreement in force: a purchaser orders a quantity from the entrants by the rule the
 * call announced. Directly (直接选定) it names the entrant and its reason, and pays the entry price; in rotation
 * (顺序轮候) the entrant with fewest orders so far gets it, rank breaking ties; by re-competition (二次竞价) every entrant
 * may offer a sealed unit price no higher than its entry price until the deadline, and the lowest wins (the earlier
 * offer on a tie). Each placed order is a platform-signed public record.
 */
@Service
public class FrameworkOrders {

	private record Opened(EntityId supplier, BigDecimal price, Instant at) {
	}

	static final int MAX_QUANTITY = 1_000_000;

	static final int MAX_OFFER_HOURS = 720;

	private final CaseParties parties;

	private final Frameworks frameworks;

	private final FrameworkSealedOffers sealedOffers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FrameworkOrders(CaseParties parties, Frameworks frameworks, FrameworkSealedOffers sealedOffers,
			ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.frameworks = frameworks;
		this.sealedOffers = sealedOffers;
		this.events = events;
		this.clock = clock;
	}

	/** A purchaser places an order (or opens its re-competition); a refusal names the field to fix. */
	public FrameworkOrderView order(UUID frameworkId, NewFrameworkOrder request) {
		EntityView buyer = parties.approvedPurchaser();
		if (request == null || request.quantity() == null || request.quantity() < 1
				|| request.quantity() > MAX_QUANTITY) {
			throw Refusal.invalid("quantity", "procurement.framework.quantity", 1, MAX_QUANTITY);
		}
		Acting acting = Actors.required();
		UUID orderId = UUID.randomUUID();
		parties.platform(() -> {
			FrameworkView f = frameworks.forUpdate(frameworkId);
			Instant now = clock.instant();
			if (!f.inForceAt(now)) {
				throw Refusal.conflict(null, "procurement.framework.notInForce");
			}
			List<Frameworks.Response> entrants = frameworks.responses(frameworkId).stream()
				.filter(Frameworks.Response::entered).toList();
			String reason = null;
			Frameworks.Response chosen = null;
			Instant deadline = null;
			switch (f.secondStage()) {
				case DIRECT_SELECTION -> {
					String code = request.supplier() == null ? "" : request.supplier().strip().toUpperCase();
					chosen = entrants.stream().filter(r -> code.equals(r.creditCode())).findFirst()
						.orElseThrow(() -> Refusal.invalid("supplier", "procurement.framework.notEntrant"));
					reason = CaseParties.text("reason", request.reason(), 1000);
				}
				case ROTATION -> chosen = entrants.stream()
					.min(Comparator.comparingInt((Frameworks.Response r) -> frameworks.placedWith(frameworkId, r.supplier()))
						.thenComparing(Frameworks.Response::rank))
					// an open framework may have no member yet (or all left)
					.orElseThrow(() -> Refusal.conflict(null, "procurement.framework.noMembers"));
				case RE_COMPETITION -> {
					Integer hours = request.offerHours();
					if (hours == null || hours < 1 || hours > MAX_OFFER_HOURS) {
						throw Refusal.invalid("offerHours", "procurement.framework.offerHours", 1, MAX_OFFER_HOURS);
					}
					deadline = now.plus(Duration.ofHours(hours));
				}
			}
			FrameworkOrderView o = new FrameworkOrderView(orderId, frameworkId, buyer.id(), buyer.name(),
					request.quantity(), reason, FrameworkOrderStatus.COMPETING, deadline, null, null, null, null, null, null,
					null, now, null);
			frameworks.addOrder(o, f.region(), buyer.creditCode(), acting.actor().username());
			if (f.secondStage() == SecondStage.RE_COMPETITION) {
				// the entrants seal their offers to this order's own key, split among the key custodians
				sealedOffers.offerKey(o, f);
			}
			if (chosen != null) {
				place(acting, f, o, buyer.creditCode(), chosen, chosen.unitPrice(), now);
			}
			return null;
		});
		return get(orderId);
	}

	/**
	 * An entrant offers a typed unit price in a re-competition, sealed by the platform until the deadline and no higher
	 * than its entry price: only for an order opened before migration 3020. Since, the entrant seals its offer itself
	 * ({@link FrameworkSealedOffers#submitOffer}).
	 */
	public void offer(UUID orderId, BigDecimal unitPrice) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		Money price = CaseParties.amount("unitPrice", unitPrice);
		EntityView me = parties.registry.myEntity().orElseThrow(() -> Refusal.conflict(null, "procurement.noEntity"));
		parties.platform(() -> {
			FrameworkOrderView o = frameworks.order(orderId, true)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			FrameworkView f = frameworks.find(o.framework()).orElseThrow();
			Frameworks.Response entrant = frameworks.responses(f.id()).stream()
				.filter(r -> r.entered() && r.supplier().equals(me.id())).findFirst()
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			Instant now = clock.instant();
			if (o.status() != FrameworkOrderStatus.COMPETING || !now.isBefore(o.offerDeadline())) {
				throw Refusal.conflict(null, "procurement.framework.offersClosed");
			}
			if (sealedOffers.seals(orderId, FrameworkSealedOffers.RECOMPETITION)) {
				throw Refusal.conflict(null, "procurement.framework.sealOffer");
			}
			if (price.yuan().compareTo(entrant.unitPrice()) > 0) {
				throw Refusal.invalid("unitPrice", "procurement.framework.aboveEntry", entrant.unitPrice().toPlainString());
			}
			byte[] sealed = parties.seal(context(orderId, me.id()), price);
			frameworks.offer(orderId, f.region(), me.id(), sealed, now);
			events.publishEvent(new FrameworkOfferSealed(acting.actor(), f.id(), orderId, me.id().toString(),
					Sha256.hex(sealed), f.region(), now));
			return null;
		});
	}

	/**
	 * The buyer closes a re-competition after its deadline: the offers open and the lowest
	 * wins; without any offer the order fails and the buyer may order again.
	 */
	public FrameworkOrderView award(UUID orderId) {
		Acting acting = Actors.required();
		EntityView buyer = parties.purchaserEntity();
		parties.platform(() -> {
			FrameworkOrderView o = frameworks.order(orderId, true)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			if (!buyer.id().equals(o.buyer())) {
				throw Refusal.notFound("procurement.framework.notFound");
			}
			FrameworkView f = frameworks.find(o.framework()).orElseThrow();
			Instant now = clock.instant();
			if (o.status() != FrameworkOrderStatus.COMPETING) {
				throw Refusal.conflict(null, "procurement.framework.orderClosed");
			}
			if (now.isBefore(o.offerDeadline())) {
				throw Refusal.conflict(null, "procurement.open.beforeDeadline", CaseParties.shown(o.offerDeadline()));
			}
			// offers sealed by the entrants: the custodians open them first; a refused one (above the entry price,
			// tampered, another supplier's) is no offer
			boolean envelopes = sealedOffers.seals(orderId, FrameworkSealedOffers.RECOMPETITION);
			if (envelopes && sealedOffers.pending(orderId, FrameworkSealedOffers.RECOMPETITION)) {
				throw Refusal.conflict(null, "procurement.open.sharesNeeded");
			}
			List<Opened> opened = (envelopes
					? sealedOffers.opened(orderId, FrameworkSealedOffers.RECOMPETITION).values().stream()
						.map(row -> new Opened(row.supplier(), row.amount(), row.receivedAt()))
					: frameworks.offers(orderId).stream().map(x -> new Opened(x.supplier(),
							parties.open(context(orderId, x.supplier()), x.sealed()), x.offeredAt())))
				.sorted(Comparator.comparing(Opened::price).thenComparing(Opened::at)).toList();
			if (opened.isEmpty()) {
				frameworks.placeOrder(orderId, FrameworkOrderStatus.FAILED, null, null, null, null, null, null, null, now);
				return null;
			}
			Opened best = opened.get(0);
			Frameworks.Response winner = frameworks.responses(f.id()).stream()
				.filter(r -> r.supplier().equals(best.supplier())).findFirst().orElseThrow();
			place(acting, f, o, buyer.creditCode(), winner, best.price(), now);
			return null;
		});
		return get(orderId);
	}

	private void place(Acting acting, FrameworkView f, FrameworkOrderView o, String buyerCode, Frameworks.Response s,
			BigDecimal unitPrice, Instant now) {
		BigDecimal amount = unitPrice.multiply(BigDecimal.valueOf(o.quantity())).setScale(2, RoundingMode.HALF_UP);
		String text = String.join("\n", "框架协议采购成交记录（第二阶段）", "框架协议：" + f.title(),
				"交易编码：" + f.tradeCode().value(), "采购人：" + o.buyerName(),
				"成交方式：" + FrameworkAgreements.stageName(f.secondStage()),
				"成交供应商：" + s.name() + (s.creditCode() == null ? "" : "（统一社会信用代码 " + s.creditCode() + "）"),
				"成交单价：" + unitPrice.toPlainString() + " 元/" + f.unit(), "数量：" + o.quantity() + " " + f.unit(),
				"成交金额：" + amount.toPlainString() + " 元",
				o.reason() == null ? "选定理由：按框架协议约定的规则确定" : "选定理由：" + o.reason(),
				"成交时间：" + CaseParties.shown(now));
		String signature = parties.sign(text);
		frameworks.placeOrder(o.id(), FrameworkOrderStatus.PLACED, s.supplier(), s.name(), s.creditCode(), unitPrice, amount,
				text, signature, now);
		events.publishEvent(new FrameworkOrderPlaced(acting.actor(), o.id(), f.id(), f.tradeCode(), f.region(),
				f.category(), f.title(), f.secondStage(), o.buyerName(), buyerCode, s.name(), s.creditCode(),
				Money.of(unitPrice), o.quantity(), Money.of(amount), text, signature, now));
	}

	// --- reads ------------------------------------------------------------------------------------------------------

	/** An order of a published framework: placed orders are public records; a re-competition shows no amount. */
	public FrameworkOrderView get(UUID orderId) {
		return parties.platform(() -> frameworks.order(orderId, false))
			.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
	}

	/** The framework's orders, newest first (the framework must be readable by the caller). */
	public List<FrameworkOrderView> orders(UUID frameworkId) {
		return parties.platform(() -> frameworks.orders(frameworkId));
	}

	static String context(UUID order, EntityId supplier) {
		return "framework-order:" + order + ":" + supplier.value();
	}
}
