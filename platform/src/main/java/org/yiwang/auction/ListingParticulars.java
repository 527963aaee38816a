package org.yiwang.auction;

import java.time.Instant;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;

/**
 * What the national data specification asks of a listing or its result beyond the public text (datasets 700 and
 * 701), as the platform holds it at publication or at the close. A part may be null: a listing submitted before the
 * platform asked it, a party without a credit code; the uplink then reports the field missing instead of guessing.
 *
 * @param projectCode the listing's project number (项目编号), given at publication per region and year
 * @param assetClass the asset class code (资产类别（实物）, GB/T 14885-2022 门类)
 * @param appraisedValue the appraised or book value (转让标的评估值或账面净值)
 * @param listingDays the listing period, in working days when {@code workingDays}
 * @param publishedAt when the listing was published (挂牌日期)
 * @param periodEnd when its period ends (as published; later extensions are not counted)
 * @param autoExtend whether the period extends itself when no qualified transferee came (是否自动延期)
 * @param auctionKind how its online auction runs (交易方式)
 * @param transferor the transferor's registry code and kind
 * @param transferee the buyer's, for a sold result; null otherwise
 */
public record ListingParticulars(String projectCode, String assetClass, Money appraisedValue, int listingDays,
		boolean workingDays, Instant publishedAt, Instant periodEnd, boolean autoExtend, AuctionKind auctionKind,
		Party transferor, Party transferee) {

	/**
	 * @param creditCode the unified social credit code; null for a person
	 * @param kind the registry's entity kind (ORGANIZATION, PERSON, CONSORTIUM)
	 */
	public record Party(String creditCode, String kind) {
	}

	ListingParticulars soldTo(Party buyer) {
		return new ListingParticulars(projectCode, assetClass, appraisedValue, listingDays, workingDays, publishedAt,
				periodEnd, autoExtend, auctionKind, transferor, buyer);
	}
}
