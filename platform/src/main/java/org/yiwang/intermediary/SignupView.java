package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An intermediary's sign-up to a request. {@code quote} is null until the quotes are opened after the deadline;
 * {@code quoteSha256} is the receipt's fingerprint of the sealed quote. {@code score} is the price–quality score once
 * computed; {@code excludedReason} says why it did not take part in the selection.
 */
public record SignupView(UUID id, UUID request, String intermediaryName, java.util.UUID intermediary, Instant signedAt,
		String quoteSha256, BigDecimal quote, BigDecimal score, String excludedReason) {
}
