package org.yiwang.audit;

import java.time.Instant;

/**
 * The outcome of recomputing the whole chain.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the first entry altered or removed; null when the chain is intact
 * @param problem why that entry breaks the chain (a message key: {@code audit.broken.*}); null when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem,
		Instant checkedAt, long millis) {
}
