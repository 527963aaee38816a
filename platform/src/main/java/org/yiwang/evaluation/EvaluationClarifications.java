package org.yiwang.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Clarifications (澄清) during the evaluation: a member asks a bidder of the case a question with a deadline; the bidder
 * sees only the questions put to its own entity and answers once, before the deadline.
 */
@Service
public class EvaluationClarifications {

	static final int MAX_QUESTION = 2000;

	static final int MAX_ANSWER = 4000;

	static final Duration MAX_CLARIFICATION_PERIOD = Duration.ofDays(30);

	private final EvaluationCases cases;

	private final CaseWork work;

	private final EntityRegistry registry;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EvaluationClarifications(EvaluationCases cases, CaseWork work, EntityRegistry registry,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.work = work;
		this.registry = registry;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** A member asks a bidder of the case a question, to be answered on the platform before the deadline. */
	public UUID askBidder(UUID id, UUID bidId, String question, Instant deadline) {
		UUID clarification = UUID.randomUUID();
		work.memberChange("clarification", id, (l, me) -> {
			CaseWork.requireEvaluating(l);
			ScoreBoard.Bid bid = l.board().bids().stream().filter(b -> b.bidId().equals(bidId) && b.opened()).findFirst()
				.orElseThrow(() -> Refusal.invalid("bid", "evaluation.scoring.bid.unknown"));
			String text = question == null ? "" : question.strip();
			if (text.isEmpty() || text.length() > MAX_QUESTION) {
				throw Refusal.invalid("question", "evaluation.scoring.clarification.question", MAX_QUESTION);
			}
			Instant now = clock.instant();
			if (deadline == null || !deadline.isAfter(now) || deadline.isAfter(now.plus(MAX_CLARIFICATION_PERIOD))) {
				throw Refusal.invalid("deadline", "evaluation.scoring.clarification.deadline");
			}
			cases.ask(new EvaluationCases.Clarification(clarification, id, bidId, bid.bidder(), text, deadline, me, now,
					null, null, l.c().region()));
			work.changed("evaluation.clarification.asked", l.c(), "clarification:" + clarification);
		});
		return clarification;
	}

	/** The clarifications put to the signed-in bidder's entity (only its own). */
	public List<EvaluationClarification> myClarifications() {
		Actors.requireAnyRole("evaluation.scoring.clarification.bidderOnly", Role.BIDDER);
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> {
			EntityView bidder = registry.myEntity().orElse(null);
			if (bidder == null) {
				return List.<EvaluationClarification>of();
			}
			Instant now = clock.instant();
			return cases.clarificationsTo(bidder.id().value()).stream().map(c -> {
				EvaluationCases.Case owner = cases.byId(c.caseId()).orElseThrow();
				return new EvaluationClarification(c.id(), owner.tradeCode(), owner.round(), c.question(), c.deadline(),
						c.askedAt(), c.answer(), c.answeredAt(), c.answer() == null && now.isBefore(c.deadline()));
			}).toList();
		}));
	}

	/** The bidder answers a clarification put to it, once, before its deadline. */
	public void answer(UUID clarificationId, String answer) {
		Acting acting = Actors.requireAnyRole("evaluation.scoring.clarification.bidderOnly", Role.BIDDER);
		work.audited("answer", clarificationId, () -> RegionScopes.callAsPlatform(() -> transactions.execute(s -> {
			EntityView bidder = registry.myEntity().orElseThrow(CaseWork::notFound);
			EvaluationCases.Clarification c = cases.clarification(clarificationId)
				.filter(x -> x.bidder().equals(bidder.id().value()))
				.orElseThrow(CaseWork::notFound);
			if (c.answer() != null) {
				throw Refusal.conflict(null, "evaluation.scoring.clarification.answered");
			}
			if (!clock.instant().isBefore(c.deadline())) {
				throw Refusal.conflict(null, "evaluation.scoring.clarification.late");
			}
			String text = answer == null ? "" : answer.strip();
			if (text.isEmpty() || text.length() > MAX_ANSWER) {
				throw Refusal.invalid("answer", "evaluation.scoring.clarification.answer", MAX_ANSWER);
			}
			cases.answer(clarificationId, text, acting.actor().username(), clock.instant());
			events.publishEvent(new EvaluationChanged(Actors.actor(), "evaluation.clarification.answered",
					"clarification:" + clarificationId, null, c.region(), clock.instant()));
			return null;
		})));
	}
}
