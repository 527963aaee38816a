package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A deposit arrival as the bank's system reports it.
 *
 * @param bankReference the bank's own unique reference of the transfer; reported once
 */
public record ArrivalReport(
		@Schema(description = "The deposit sub-account paid into", example = "61234567890123456789") String accountNumber,
		@Schema(description = "Yuan, at most two decimals", example = "50000.00") BigDecimal amount,
		@Schema(description = "The payer's bank account", example = "6222000011112222") String payerAccount,
		@Schema(description = "The payer's name as the bank has it; must be the bidder's registered name") String payerName,
		@Schema(description = "When the money arrived (ISO-8601 instant)", example = "2026-11-27T02:15:00Z") Instant paidAt,
		@Schema(description = "The bank's own unique reference of the transfer") String bankReference) {
}
