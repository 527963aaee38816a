package org.yiwang.intermediary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * After selection: the selected intermediary confirms the contract (a public record) and reports delivery; the owner
 * accepts and rates (the rating feeds the intermediary's public score); the district's staff record a breach into
 * the registry's credit records, where a blacklisting bars the intermediary from signing up.
 */
@Service
public class ServiceDelivery {

	private final SelectionDesk desk;

	private final Requests requests;

	private final IntermediaryMarket market;

	private final EntityRegistry registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceDelivery(SelectionDesk desk, Requests requests, IntermediaryMarket market, EntityRegistry registry,
			ApplicationEventPublisher events, Clock clock) {
		this.desk = desk;
		this.requests = requests;
		this.market = market;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/** The selected intermediary confirms the contract at the selected fee: a public record. */
	public RequestView confirmContract(UUID requestId) {
		Acting member = Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView firm = market.myIntermediary();
		return desk.platform(() -> {
			RequestView r = desk.forSelected(firm, requestId, RequestStatus.SELECTED);
			Instant now = clock.instant();
			requests.contract(requestId, r.selectedPrice(), now);
			String text = "中介服务合同公示\n交易标识码：" + r.tradeCode().value() + "\n项目：" + r.title() + "\n业主："
					+ r.ownerName() + "\n中介机构：" + r.selectedName() + "\n合同金额：" + r.selectedPrice().toPlainString()
					+ " 元\n确认时间：" + SelectionDesk.SHOWN.format(now) + "（北京时间）\n";
			events.publishEvent(new ServiceContractConfirmed(member.actor(), requestId, r.tradeCode(), r.region(),
					r.title(), r.ownerName(), r.selectedName(), firm.creditCode(), r.selectedPrice(), text, desk.sign(text), now));
			return requests.byId(requestId).orElseThrow();
		});
	}

	/** The selected intermediary reports the delivery, with a note of what was delivered. */
	public RequestView deliver(UUID requestId, String note) {
		Acting member = Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView firm = market.myIntermediary();
		String delivered = SelectionDesk.text(note, 1000, "deliveryNote", "intermediary.delivery.required");
		return desk.platform(() -> {
			RequestView r = desk.forSelected(firm, requestId, RequestStatus.CONTRACTED);
			Instant now = clock.instant();
			requests.deliver(requestId, delivered, now);
			events.publishEvent(new IntermediaryChanged.RequestStep(member.actor(), "intermediary.service.delivered",
					requestId, null, r.region(), now));
			return requests.byId(requestId).orElseThrow();
		});
	}

	/** The owner accepts the delivered service. */
	public RequestView accept(UUID requestId) {
		Acting owner = Actors.requireAnyRole("intermediary.ownerOnly", Role.TENDERER);
		return desk.platform(() -> {
			RequestView r = desk.forOwnerOrStaff(owner, requestId);
			if (r.status() != RequestStatus.DELIVERED) {
				throw Refusal.conflict("status", "intermediary.accept.notDelivered");
			}
			Instant now = clock.instant();
			requests.accept(requestId, now);
			events.publishEvent(new IntermediaryChanged.RequestStep(owner.actor(), "intermediary.service.accepted",
					requestId, null, r.region(), now));
			return requests.byId(requestId).orElseThrow();
		});
	}

	/** The owner rates the accepted service: quality, timeliness and attitude 1–5 with a comment; it feeds the score. */
	public RatingView rate(UUID requestId, NewRating rating) {
		Acting owner = Actors.requireAnyRole("intermediary.ownerOnly", Role.TENDERER);
		for (var dimension : Map.of("quality", Optional.ofNullable(rating.quality()), "timeliness",
				Optional.ofNullable(rating.timeliness()), "attitude", Optional.ofNullable(rating.attitude())).entrySet()) {
			if (dimension.getValue().filter(v -> v >= 1 && v <= 5).isEmpty()) {
				throw Refusal.invalid(dimension.getKey(), "intermediary.rating.range");
			}
		}
		String comment = SelectionDesk.text(rating.comment(), 1000, "comment", "intermediary.rating.comment");
		return desk.platform(() -> {
			RequestView r = desk.forOwnerOrStaff(owner, requestId);
			if (r.status() != RequestStatus.ACCEPTED) {
				throw Refusal.conflict("status", "intermediary.rate.notAccepted");
			}
			Instant now = clock.instant();
			requests.addRating(requestId, r.region(), r.selected(), rating, comment, owner.actor().username(), now);
			requests.rated(requestId);
			events.publishEvent(new IntermediaryChanged.RequestStep(owner.actor(), "intermediary.service.rated",
					requestId, rating.quality() + "/" + rating.timeliness() + "/" + rating.attitude(), r.region(), now));
			return requests.rating(requestId).orElseThrow();
		});
	}

	/**
	 * The district's staff record a breach by the selected intermediary into the registry's credit records (bad
	 * conduct, or a blacklisting with an end date that bars it from signing up).
	 */
	public void recordBreach(UUID requestId, String kind, String description, LocalDate endsOn) {
		Acting staff = Actors.requireAnyRole("intermediary.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		RequestView r = desk.platform(() -> desk.forOwnerOrStaff(staff, requestId));
		if (r.selected() == null) {
			throw Refusal.conflict("status", "intermediary.breach.noneSelected");
		}
		CreditKind credit = SelectionDesk.parse(CreditKind.class, kind, "kind", "intermediary.breach.kind");
		if (credit == CreditKind.GOOD) {
			throw Refusal.invalid("kind", "intermediary.breach.kind");
		}
		String what = SelectionDesk.text(description, 400, "description", "intermediary.breach.description");
		LocalDate today = LocalDate.now(clock.withZone(IntermediaryMarket.CHINA));
		registry.recordCredit(new EntityId(r.selected()), new NewCreditRecord(credit, what + "（" + r.tradeCode().value()
				+ "）", "中介超市", java.util.Set.of(r.region().value()), java.util.Set.of(SelectionDesk.CATEGORY.value()), today, endsOn));
	}
}
