package org.yiwang.analytics;

import static org.yiwang.analytics.TenderFacts.yuan;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.evaluation.CommitteeDrawn;
import org.yiwang.guarantee.GuaranteeChanged;
import org.yiwang.registry.RegistryChanged;
import org.yiwang.supervision.AlertChanged;
import org.yiwang.supervision.SupervisionChanged;

/**
 * The facts around the trades: bid securities (e-guarantee or cash), market entities approved, complaints, alerts and
 * expert seats. Those whose event names no category take the category of the trade's recorded notice.
 */
@Component
class ObservedFacts {

	private final Facts facts;

	private final Winners winners;

	ObservedFacts(Facts facts, Winners winners) {
		this.facts = facts;
		this.winners = winners;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(GuaranteeChanged change) {
		if (change instanceof GuaranteeChanged.GuaranteeIssued g) {
			security("guarantee:" + g.guarantee(), g.tradeCode().value(), g.region().value(), g.occurredAt(),
					yuan(g.amount()), true);
		}
		else if (change instanceof GuaranteeChanged.DepositAccountOpened d) {
			security("deposit:" + d.accountNumber(), d.tradeCode().value(), d.region().value(), d.occurredAt(),
					yuan(d.required()), false);
		}
	}

	private void security(String key, String tradeCode, String region, java.time.Instant at, java.math.BigDecimal amount,
			boolean eGuarantee) {
		var published = facts.published(tradeCode);
		facts.record(Fact.of(key, Stage.SECURITY, at, region, published.map(Facts.Published::category).orElse(""),
				published.map(Facts.Published::procedure).orElse(""), tradeCode, tradeCode)
			.withAmounts(null, amount)
			.withSecurity(eGuarantee));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RegistryChanged change) {
		if (change instanceof RegistryChanged.EntityApproved a) {
			facts.record(Fact.of("entity:" + a.entity().value(), Stage.ENTITY, a.occurredAt(), a.region().value(), "", "",
					"", winners.name(a.entity()).orElse(""))
				.by(TenderFacts.staff(a.actor())));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SupervisionChanged change) {
		if (change instanceof SupervisionChanged.ComplaintFiled c) {
			var subject = facts.ofSubject(c.section());
			facts.record(Fact.of("complaint:" + c.complaint(), Stage.COMPLAINT, c.occurredAt(), c.region().value(),
					subject.map(s -> s[0]).orElse(""), subject.map(s -> s[1]).orElse(""), subject.map(s -> s[2]).orElse(""),
					subject.map(s -> s[2]).orElse("")).withIds(c.section(), null));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AlertChanged alert) {
		if ("RAISED".equals(alert.step())) {
			var published = facts.published(alert.tradeCode());
			facts.record(Fact.of("alert:" + alert.alert(), Stage.ALERT, alert.occurredAt(), alert.region().value(),
					alert.category() == null ? "" : alert.category().value(),
					published.map(Facts.Published::procedure).orElse(""), alert.tradeCode(), alert.tradeCode()));
		}
	}

	/** One fact per seat: the expert's workload is the count of its seats. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CommitteeDrawn drawn) {
		var subject = facts.ofSubject(drawn.section().value());
		for (CommitteeDrawn.Seat seat : drawn.seats()) {
			facts.record(Fact.of("seat:" + drawn.drawId() + ":" + seat.expertId(), Stage.EXPERT_SEAT, drawn.occurredAt(),
					drawn.region().value(), subject.map(s -> s[0]).orElse(""), subject.map(s -> s[1]).orElse(""),
					subject.map(s -> s[2]).orElse(""), seat.name())
				.withIds(drawn.section().value(), null)
				.by(seat.username()));
		}
	}
}
