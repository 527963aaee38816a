package org.yiwang.guarantee;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bank's system confirms it executed a refund instruction. */
public record RefundExecution(
		@Schema(description = "The bank's own unique reference of the refund transfer") String bankReference,
		@Schema(description = "When the refund was paid out (ISO-8601 instant)", example = "2026-12-01T02:15:00Z")
		Instant executedAt) {
}
