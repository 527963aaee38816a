package org.yiwang.guarantee;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The tenderer's claim on a bidder's security for a trade.
 *
 * @param text required for {@link ClaimGround#OTHER}, at most 500 characters
 */
public record NewClaim(
		@Schema(example = "CQ-500103-2026-00017-01") String tradeCode,
		@Schema(description = "The bidder's registry entity id") String bidder,
		@Schema(allowableValues = { "WITHDREW_AFTER_DEADLINE", "REFUSED_TO_SIGN", "OTHER" }) String ground,
		@Schema(description = "What happened; required for OTHER") String text) {
}
