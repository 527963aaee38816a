package org.yiwang.guarantee;

/**
 * The answer to a posted guarantee letter.
 *
 * @param replayed the same idempotency key and body were posted before: this is the first answer again
 */
public record LetterReceipt(GuaranteeView guarantee, boolean replayed) {
}
