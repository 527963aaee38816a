package org.yiwang.auction;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A listing as the transferor (or its agency) submits it. The listing price is the starting price.
 *
 * @param transferorCreditCode only when an agency submits: the transferor it acts for
 * @param listingDays the disclosure period, in working days when the category's template counts working days; at
 *        least the template's minimum (state-owned property: 20 working days)
 * @param autoExtend when the period ends without a qualified transferee, extend it (by five working days, at most
 *        three times) instead of failing
 * @param assetClass the asset class (资产类别（实物）): an {@link AssetClass} code, 1 to 9
 * @param appraisedValue the appraised value or, without an appraisal, the book value (转让标的评估值或账面净值), in yuan
 */
public record NewListing(
		@NotBlank(message = "{auction.tradeCode.form}") String tradeCode,
		@NotBlank(message = "{auction.region.unknown}") String region,
		@NotBlank(message = "{auction.category.unknown}") String category,
		@NotBlank(message = "{auction.title.required}") @Size(max = 200, message = "{auction.title.required}") String title,
		@NotBlank(message = "{auction.description.required}") @Size(max = 5000, message = "{auction.description.required}") String description,
		@Size(max = 2000, message = "{auction.conditions.size}") String conditions,
		String transferorCreditCode,
		@NotNull(message = "{auction.amount.required}") BigDecimal startingPrice,
		@NotNull(message = "{auction.amount.required}") BigDecimal reservePrice,
		@NotNull(message = "{auction.amount.required}") BigDecimal increment,
		@NotNull(message = "{auction.amount.required}") BigDecimal security,
		@NotNull(message = "{auction.listingDays.required}") Integer listingDays,
		boolean autoExtend,
		String assetClass,
		BigDecimal appraisedValue) {
}
