package org.yiwang.tendering;

import java.time.Instant;

import org.yiwang.kernel.Money;

/**
 * The contract the tenderer uploaded after the award and the two parties' signatures over its exact bytes.
 *
 * @param tendererSigner subject of the certificate the tenderer's signature was verified under; null until signed
 * @param winnerSigner the same for the winner
 * @param late concluded more than 30 days after the award notice (招标投标法 Art. 46); null until concluded
 * @param summary the contract's main content (合同主要内容) as the uploader summarised it; null for contracts uploaded
 * before it was asked
 */
public record ContractView(SectionId section, int round, String fileName, long size, String sha256, String sm3,
		Money amount, String uploadedBy, Instant uploadedAt, String tendererSigner, Instant tendererSignedAt,
		String winnerSigner, Instant winnerSignedAt, Instant concludedAt, Boolean late, String summary) {

	public boolean concluded() {
		return concludedAt != null;
	}

	public boolean signedByAnyone() {
		return tendererSignedAt != null || winnerSignedAt != null;
	}
}
