package org.yiwang.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.evaluation.ReEvaluationKind;
import org.yiwang.kernel.RegionCode;

/**
 * A regulator's act: prepared with its text fixed ({@code content}, the exact UTF-8 text the regulator signs), then
 * signed, which makes it take effect.
 *
 * @param targetName what people see of the target: a section's trade code and name, an entity's name
 * @param reevaluation which re-evaluation an {@link ActKind#ORDER_RE_EVALUATION} orders; null for other acts
 */
public record ActView(UUID id, ActKind kind, boolean signed, RegionCode region, Department department, String target,
		String targetName, UUID section, UUID complaint, UUID entity, UUID expert, RulingOutcome outcome,
		LocalDate until, String reason, String content, boolean published, String preparedBy, String preparedByName,
		Instant preparedAt, String algorithm, String signerSubject, String signerFingerprint, Instant signedAt,
		ReEvaluationKind reevaluation) {
}
