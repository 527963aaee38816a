package org.yiwang.guarantee;

/** The answer to a bank's confirmation; {@code replayed} when the same confirmation came before under its key. */
public record RefundReceipt(RefundView refund, boolean replayed) {
}
