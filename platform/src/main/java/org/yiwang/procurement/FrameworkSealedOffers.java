package org.yiwang.procurement;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Refusal;

/**
 * A framework's prices sealed by the supplier ({@link OfferEnvelopes} does the sealing work): a closed framework's
 * responses (stage {@code response}: the unit price a supplier answers the call with, sealed to the key made when the
 * call is published, opened by the custodians after the response deadline for the entry selection) and a
 * re-competition's offers (stage {@code recompetition}: each order its own key, made when the purchaser opens the
 * re-competition, opened after its deadline). The sheet's {@code totalPrice} is the unit price (单价) and its
 * {@code tradeCode} the framework's. A price above the call's maximum, or above the entrant's entry price in a
 * re-competition, can only be seen at opening: it is refused there ({@code procurement.offer.aboveMax},
 * {@code procurement.offer.aboveEntry}). Frameworks published and orders opened before migration 3020 keep their
 * platform-sealed prices.
 */
@Service
public class FrameworkSealedOffers {

	static final String RESPONSE = "response";

	static final String RECOMPETITION = "recompetition";

	private final CaseParties parties;

	private final Frameworks frameworks;

	private final OfferEnvelopes envelopes;

	private final Clock clock;

	FrameworkSealedOffers(CaseParties parties, Frameworks frameworks, OfferEnvelopes envelopes, Clock clock) {
		this.parties = parties;
		this.frameworks = frameworks;
		this.envelopes = envelopes;
		this.clock = clock;
	}

	/** A supplier that responded to the call submits its sealed unit price until the response deadline (replaceable). */
	public OfferReceipt submitResponse(UUID frameworkId, InputStream envelope) {
		return envelopes.submit(envelope, () -> {
			FrameworkView f = frameworks.find(frameworkId)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			EntityView me = parties.registry.myEntity().orElseThrow(() -> Refusal.conflict(null, "procurement.noEntity"));
			Frameworks.Response mine = frameworks.responses(frameworkId).stream()
				.filter(r -> r.supplier().equals(me.id())).findFirst().orElse(null);
			responseOpen(f, clock.instant());
			if (mine == null) {
				throw Refusal.conflict(null, "procurement.quote.respondFirst");
			}
			UUID key = envelopes.key(frameworkId, RESPONSE)
				.orElseThrow(() -> Refusal.conflict(null, "procurement.sealed.noKey"));
			return new OfferEnvelopes.Seat(responseStage(f, key), new OfferEnvelopes.Sealer(me.id(), mine.name(),
					mine.creditCode()));
		}, (seat, now) -> responseOpen(frameworks.forUpdate(frameworkId), now));
	}

	/** An entrant submits its sealed unit price in a re-competition until the order's deadline (replaceable). */
	public OfferReceipt submitOffer(UUID orderId, InputStream envelope) {
		return envelopes.submit(envelope, () -> {
			FrameworkOrderView o = frameworks.order(orderId, false)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			FrameworkView f = frameworks.find(o.framework()).orElseThrow();
			EntityView me = parties.registry.myEntity().orElseThrow(() -> Refusal.conflict(null, "procurement.noEntity"));
			Frameworks.Response entrant = frameworks.responses(f.id()).stream()
				.filter(r -> r.entered() && r.supplier().equals(me.id())).findFirst()
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			offerOpen(o, clock.instant());
			UUID key = envelopes.key(orderId, RECOMPETITION)
				.orElseThrow(() -> Refusal.conflict(null, "procurement.sealed.noKey"));
			return new OfferEnvelopes.Seat(offerStage(o, f, key), new OfferEnvelopes.Sealer(me.id(), entrant.name(),
					entrant.creditCode()));
		}, (seat, now) -> offerOpen(frameworks.order(orderId, true).orElseThrow(), now));
	}

	/** A custodian's share for a framework's sealed responses, after the response deadline. */
	public SealingView giveResponseShare(UUID frameworkId, String share) {
		envelopes.giveShare(() -> {
			FrameworkView f = frameworks.find(frameworkId)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			UUID key = envelopes.key(frameworkId, RESPONSE)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			return new OfferEnvelopes.Due(responseStage(f, key), f.status() == FrameworkStatus.PUBLISHED);
		}, share);
		return responses(frameworkId).orElseThrow();
	}

	/** A custodian's share for a re-competition's sealed offers, after its deadline. */
	public SealingView giveOfferShare(UUID orderId, String share) {
		envelopes.giveShare(() -> {
			FrameworkOrderView o = frameworks.order(orderId, false)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			FrameworkView f = frameworks.find(o.framework()).orElseThrow();
			UUID key = envelopes.key(orderId, RECOMPETITION)
				.orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
			return new OfferEnvelopes.Due(offerStage(o, f, key), o.status() == FrameworkOrderStatus.COMPETING);
		}, share);
		return offers(orderId).orElseThrow();
	}

	/** The framework's response key as the reader may see it (envelopes for its team and the custodians); empty without. */
	public Optional<SealingView> responses(UUID frameworkId) {
		return parties.platform(() -> frameworks.find(frameworkId)
			.filter(f -> f.status() != FrameworkStatus.SUBMITTED)
			.flatMap(f -> envelopes.key(frameworkId, RESPONSE).map(key -> envelopes.view(responseStage(f, key),
					parties.onTeam(f.purchaser(), f.region())))));
	}

	/** A re-competition's key as the reader may see it (envelopes for the buyer's side, staff and custodians). */
	public Optional<SealingView> offers(UUID orderId) {
		return parties.platform(() -> frameworks.order(orderId, false).flatMap(o -> envelopes.key(orderId, RECOMPETITION)
			.map(key -> {
				FrameworkView f = frameworks.find(o.framework()).orElseThrow();
				return envelopes.view(offerStage(o, f, key), parties.onTeam(o.buyer(), f.region()));
			})));
	}

	/** Publishing a closed framework's call makes the key its responses are sealed to. */
	void responseKey(FrameworkView f) {
		envelopes.createKey(f.id(), RESPONSE, f.region(), f.tradeCode().value() + " 框架协议响应");
	}

	/** Opening a re-competition makes its own key. */
	void offerKey(FrameworkOrderView o, FrameworkView f) {
		envelopes.createKey(o.id(), RECOMPETITION, f.region(), f.tradeCode().value() + " 二次竞价 " + o.id());
	}

	boolean seals(UUID subject, String stage) {
		return envelopes.key(subject, stage).isPresent();
	}

	boolean pending(UUID subject, String stage) {
		return envelopes.pending(subject, stage);
	}

	/** The stage's opened envelopes (amount and receive time), by supplier; refused ones left out. */
	Map<EntityId, OfferRows.Row> opened(UUID subject, String stage) {
		return envelopes.opened(subject, stage);
	}

	private static void responseOpen(FrameworkView f, Instant now) {
		if (f.status() != FrameworkStatus.PUBLISHED || !now.isBefore(f.responseDeadline())) {
			throw Refusal.conflict(null, "procurement.respond.closed");
		}
	}

	private static void offerOpen(FrameworkOrderView o, Instant now) {
		if (o.status() != FrameworkOrderStatus.COMPETING || o.offerDeadline() == null || !now.isBefore(o.offerDeadline())) {
			throw Refusal.conflict(null, "procurement.framework.offersClosed");
		}
	}

	private static OfferEnvelopes.Stage responseStage(FrameworkView f, UUID key) {
		BigDecimal max = f.maxUnitPrice().yuan();
		return new OfferEnvelopes.Stage(f.id(), RESPONSE, f.tradeCode().value(), f.region(), key,
				f.responseDeadline() == null ? Instant.MAX : f.responseDeadline(),
				(supplier, amount) -> amount.compareTo(max) > 0 ? "procurement.offer.aboveMax" : null);
	}

	private OfferEnvelopes.Stage offerStage(FrameworkOrderView o, FrameworkView f, UUID key) {
		Map<EntityId, BigDecimal> entry = new HashMap<>();
		for (Frameworks.Response r : frameworks.responses(f.id())) {
			if (r.entered() && r.unitPrice() != null) {
				entry.put(r.supplier(), r.unitPrice());
			}
		}
		return new OfferEnvelopes.Stage(o.id(), RECOMPETITION, f.tradeCode().value(), f.region(), key,
				o.offerDeadline() == null ? Instant.MAX : o.offerDeadline(), (supplier, amount) -> {
					BigDecimal limit = entry.get(supplier);
					return limit == null || amount.compareTo(limit) > 0 ? "procurement.offer.aboveEntry" : null;
				});
	}
}
