package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deposit arrival as the bank's system reports it.
 *
 * @param bankReference the bank's own unique reference of the transfer; reported once
 */
public record ArrivalReport(String accountNumber, BigDecimal amount, String payerAccount, String payerName,
		Instant paidAt, String bankReference) {
}
