package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The bid security a trade asks for. The beneficiary is the tenderer's registry entity, named by its id or by its
 * unified social credit code (one of the two).
 *
 * @param amount in yuan, more than zero, at most two decimals
 * @param bidValidityEnd the last day bids must stay valid; a guarantee must cover it
 */
public record NewRequirement(
		@NotBlank(message = "{guarantee.tradeCode.form}") String tradeCode,
		@NotBlank(message = "{guarantee.sectionName.required}") @Size(max = 200, message = "{guarantee.sectionName.required}") String sectionName,
		@NotBlank(message = "{guarantee.region.unknown}") String region,
		@NotBlank(message = "{guarantee.category.unknown}") String category,
		String beneficiaryId,
		String beneficiaryCreditCode,
		@NotNull(message = "{guarantee.amount.required}") BigDecimal amount,
		@NotNull(message = "{guarantee.bidValidityEnd.required}") LocalDate bidValidityEnd) {
}
