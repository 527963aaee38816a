package org.yiwang.supervision;

import java.time.LocalDate;

import org.yiwang.evaluation.ReEvaluationKind;

/**
 * What a regulator prepares to sign: the kind of act, its target (a section id, a complaint id, an entity's credit
 * code or an expert id, as the kind needs), a ruling's outcome, an end day for penalties and bars, the reasons, and
 * for a re-evaluation order which kind it is (a new committee, or the original one re-checking).
 */
public record ActRequest(ActKind kind, String target, RulingOutcome outcome, LocalDate until, String reason,
		ReEvaluationKind reevaluation) {

	/** An act that is no re-evaluation order. */
	public ActRequest(ActKind kind, String target, RulingOutcome outcome, LocalDate until, String reason) {
		this(kind, target, outcome, until, reason, null);
	}
}
