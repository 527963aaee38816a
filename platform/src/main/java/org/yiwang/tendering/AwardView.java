package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * The winner (中标人) the tenderer confirmed after the publicity, and the award notice (中标通知书) the platform signed.
 *
 * @param rank the candidate's rank; another than 1 only with {@code reason} (实施条例 Art. 55)
 * @param pdfSha256 hex SHA-256 of the award notice PDF, whose detached SM2 signature the platform made
 * @param contractDue the contract is to be signed by both within 30 days of the award notice (招标投标法 Art. 46)
 */
public record AwardView(SectionId section, int round, EntityId winner, String winnerName, String winnerCreditCode,
		int rank, Money price, String reason, String confirmedBy, Instant confirmedAt, UUID noticeId, String pdfSha256,
		Instant contractDue) {
}
