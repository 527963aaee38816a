package org.yiwang.supervision;

import java.time.LocalDate;

/**
 * What a regulator prepares to sign: the kind of act, its target (a section id, a complaint id, an entity's credit
 * code or an expert id, as the kind needs), a ruling's outcome, an end day for penalties and bars, and the reasons.
 */
public record ActRequest(ActKind kind, String target, RulingOutcome outcome, LocalDate until, String reason) {
}
