package org.yiwang.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionId;

/**
 * A regulator's re-evaluation order (责令重新评标) carried out in the evaluation: the section round's reported case is
 * superseded (its scores, sheets and report stay readable, marked so) and the round's next attempt opens with the same
 * bids, scoring table and price basis. Who evaluates it depends on the order's kind ({@link ReEvaluationKind}): a new
 * committee, drawn as usual with every original member left out of the draw; or the original committee, seated again.
 * Staff then schedule and begin the attempt as any evaluation. Called by the supervision module in the transaction
 * that signs the order, with the regulator's region scope.
 */
@Service
public class Reevaluations {

	private final EvaluationCases cases;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reevaluations(EvaluationCases cases, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** What an order opened: the round, the attempt it superseded and the new one (its case still to be begun). */
	public record Reopened(SectionId section, int round, int superseded, int attempt, UUID caseId) {
	}

	/**
	 * Refused (409 naming {@code target}) unless the section's current evaluation has a signed report: nothing else can
	 * be evaluated again. For the regulator preparing an order (and checked again when it is carried out).
	 */
	public void requireReported(SectionId section) {
		Acting regulator = requireRegulator();
		transactions.execute(s -> reported(regulator, section));
	}

	/** Supersedes the section's reported evaluation and opens the round's next attempt; see the class comment. */
	public Reopened reopen(SectionId section, ReEvaluationKind kind, UUID decision) {
		Acting regulator = requireRegulator();
		if (kind == null) {
			throw Refusal.invalid("reevaluation", "evaluation.reevaluation.kind");
		}
		if (decision == null) {
			throw Refusal.invalid("decision", "evaluation.reevaluation.decision");
		}
		return transactions.execute(s -> {
			EvaluationCases.Case old = reported(regulator, section);
			if (cases.decisionCarried(decision)) {
				throw Refusal.conflict(null, "evaluation.reevaluation.already");
			}
			Instant now = clock.instant();
			int attempt = old.attempt() + 1;
			UUID id = UUID.randomUUID();
			EvaluationCases.Case next = new EvaluationCases.Case(id, old.section(), old.round(), old.region(),
					old.tradeCode(), old.category(), old.tenderer(), old.tableCategory(), old.method(), old.tableVersion(),
					"OPENED", null, null, null, 1, attempt, null);
			if (!cases.add(next, cases.openingRecord(old.id()), now)) {
				throw Refusal.conflict(null, "evaluation.reevaluation.already");
			}
			cases.copyBids(old.id(), id);
			cases.supersede(old.id(), decision, now);
			String by = regulator.actor().username();
			cases.addReevaluation(UUID.randomUUID(), old, attempt, kind, decision, by, now);
			if (kind == ReEvaluationKind.SAME_COMMITTEE) {
				cases.copySeats(old.section(), old.round(), old.attempt(), attempt, by, now);
			}
			else {
				cases.exclude(old.section(), old.round(), old.attempt());
			}
			events.publishEvent(new EvaluationChanged(Actors.actor(), "evaluation.case.reopened", "case:" + id,
					"round " + old.round() + " attempt " + attempt + " " + kind + " decision:" + decision + " superseded case:"
							+ old.id(),
					old.region(), now));
			return new Reopened(old.section(), old.round(), old.attempt(), attempt, id);
		});
	}

	private EvaluationCases.Case reported(Acting regulator, SectionId section) {
		// row-level security hides another region's case; another industry's is treated the same
		EvaluationCases.Case c = cases.latest(section)
			.filter(x -> regulator.regionScope().covers(x.region()) && regulator.industries().contains(x.category()))
			.orElseThrow(() -> Refusal.conflict("target", "evaluation.reevaluation.notReported"));
		if (!"REPORTED".equals(c.status())) {
			throw Refusal.conflict("target", "evaluation.reevaluation.notReported");
		}
		return c;
	}

	private static Acting requireRegulator() {
		return Actors.requireAnyRole("evaluation.reevaluation.regulatorOnly", Role.REGULATOR);
	}
}
