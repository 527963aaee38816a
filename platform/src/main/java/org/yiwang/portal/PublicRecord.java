package org.yiwang.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A public record as published: what the portal shows at {@code /notices/{id}} and open data exports.
 *
 * @param estimatedPrice the section's estimated price; null when not disclosed
 * @param amount the amount the record states (winning price, contract amount); null when none
 * @param signedContent the exact text the platform signed
 * @param signature the platform's SM2 signature over {@code signedContent} (UTF-8), base64 DER
 * @param receivedAt when the portal recorded it (the open-data feed pages by it)
 */
public record PublicRecord(UUID id, RecordType type, String tradeCode, String projectName, String sectionName,
		String regionCode, String categoryCode, String title, String body, BigDecimal estimatedPrice, BigDecimal amount,
		List<Party> parties, Instant bidDeadline, String signedContent, String signature, Instant publishedAt,
		Instant receivedAt) {

	/**
	 * The amount people compare and filter by: the stated amount, else the estimated price; null when neither is above
	 * zero (nothing to show, never ¥0.00). A tender notice states no amount of its own: those published before issue 18
	 * carried the section's bid security there, which is not what a reader compares, so its estimate counts.
	 */
	public BigDecimal effectiveAmount() {
		BigDecimal stated = type == RecordType.TENDER ? null : positive(amount);
		return stated != null ? stated : positive(estimatedPrice);
	}

	private static BigDecimal positive(BigDecimal value) {
		return value != null && value.signum() > 0 ? value : null;
	}

	public Party party(String role) {
		return parties.stream().filter(p -> p.role().equals(role)).findFirst().orElse(null);
	}
}
