package org.yiwang.guarantee;

import java.time.LocalDate;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;

/**
 * What the public authenticity check shows. It names no applicant: who bids on a trade stays secret until the bids
 * are opened.
 */
public record PublicGuaranteeView(String letterNumber, String issuerName, String beneficiaryName, TradeCode tradeCode,
		Money amount, LocalDate validFrom, LocalDate validUntil, GuaranteeStatus status, boolean inForce) {
}
