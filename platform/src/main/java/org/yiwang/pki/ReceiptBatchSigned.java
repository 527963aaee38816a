package org.yiwang.pki;

import java.time.Instant;
import java.util.List;

/**
 * A batch of receipts was signed: each statement's SHA-256 (lower-case hex, in the batch's leaf order), so that the
 * transparency log can take every receipt in as it stands, without the statement's content.
 */
public record ReceiptBatchSigned(long batch, List<String> statementSha256, Instant signedAt) {

	public ReceiptBatchSigned {
		statementSha256 = List.copyOf(statementSha256);
	}
}
