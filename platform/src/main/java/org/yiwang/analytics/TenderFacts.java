package org.yiwang.analytics;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.OpeningChanged;

/**
 * The facts of tenders: the notice, the opening, the award or failure and the contract, each from the public record
 * or event that states it.
 */
@Component
class TenderFacts {

	/** The procedure every section of the tendering module follows (open tender: 公开招标). */
	static final String TENDER = "TENDER";

	private final Facts facts;

	private final Winners winners;

	TenderFacts(Facts facts, Winners winners) {
		this.facts = facts;
		this.winners = winners;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticePublished n) {
		Stage stage = switch (n.type()) {
			case TENDER -> Stage.PUBLISHED;
			case AWARD_RESULT -> Stage.AWARDED;
			case FAILED -> Stage.FAILED;
			case CONTRACT -> Stage.CONTRACT;
			default -> null;
		};
		if (stage == null) {
			return;
		}
		Fact fact = Fact.of("notice:" + n.noticeId(), stage, n.occurredAt(), n.region().value(), n.category().value(),
				TENDER, n.tradeCode().value(), n.sectionName() == null ? n.projectName() : n.projectName() + " " + n.sectionName())
			.withIds(null, n.noticeId())
			.by(staff(n.actor()));
		var published = facts.published(n.tradeCode().value());
		fact = switch (stage) {
			case PUBLISHED -> fact.withAmounts(yuan(n.estimatedPrice()), null).withTiming(n.bidDeadline(), null);
			case AWARDED -> winners.winner(fact.withAmounts(yuan(n.estimatedPrice()), yuan(n.amount()))
				.withTiming(null, published.map(p -> p.daysTo(n.occurredAt())).orElse(null)),
					n.winnerCreditCode() == null ? null : n.winnerCreditCode().value());
			case CONTRACT -> fact.withAmounts(null, yuan(n.amount()))
				.withTiming(null, published.map(p -> p.daysFromDeadlineTo(n.occurredAt())).orElse(null));
			default -> fact.withAmounts(yuan(n.estimatedPrice()), null);
		};
		facts.record(fact);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BidsOpened o) {
		var published = facts.published(o.tradeCode().value());
		facts.record(Fact.of("opened:" + o.section().value() + ":" + o.round(), Stage.OPENED, o.occurredAt(),
				o.region().value(), o.category().value(), TENDER, o.tradeCode().value(), o.tradeCode().value())
			.withIds(o.section().value(), o.openingRecordId())
			.withAmounts(yuan(o.estimatedPrice()), null)
			.withBidders(o.bids().size())
			.withTiming(null, published.map(p -> p.daysTo(o.occurredAt())).orElse(null))
			.by(staff(o.actor())));
	}

	/**
	 * A failed section re-tendered: counted apart from the failure (the re-tendered share), in the category and district
	 * its first notice was recorded under. A section whose notice analytics never saw is not counted.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OpeningChanged change) {
		if (change instanceof OpeningChanged.SectionRetendered r) {
			facts.published(r.tradeCode().value()).ifPresent(p -> facts.record(Fact.of(
					"retendered:" + r.section().value() + ":" + r.round(), Stage.RETENDERED, r.occurredAt(),
					r.region().value(), p.category(), TENDER, r.tradeCode().value(), r.tradeCode().value())
				.withIds(r.section().value(), null)
				.by(staff(r.actor()))));
		}
	}

	/** The staff member who acted, when one did (not the tenderer, not the platform itself). */
	static String staff(Actor actor) {
		return actor != null && ("CENTER_STAFF".equals(actor.role()) || "PLATFORM_ADMIN".equals(actor.role()))
				? actor.username() : null;
	}

	static java.math.BigDecimal yuan(Money money) {
		return money == null ? null : money.yuan();
	}
}
