package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an owner publishes. For a direct selection: the basis, the statement of facts and the chosen intermediary's
 * credit code; for price and quality: the weight of price in percent (the rest is the public rating score).
 */
public record NewServiceRequest(String region, String serviceType, String title, String scope, BigDecimal feeCeiling,
		String requiredGrade, Instant deadline, String method, Integer priceWeight, String directBasis,
		String directReason, String directCreditCode) {
}
