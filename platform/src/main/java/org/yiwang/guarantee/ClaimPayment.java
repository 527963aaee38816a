package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The issuer's system records what it paid on an approved claim. */
public record ClaimPayment(
		@Schema(description = "Yuan, more than zero, at most the guarantee amount, at most two decimals") BigDecimal paidAmount,
		@Schema(description = "When it was paid (ISO-8601 instant)") Instant paidAt) {
}
