package org.yiwang.auction;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A listing as pages and other modules see it. The reserve price is for the transferor and staff; public pages
 * do not show it.
 *
 * @param periodEnd the end of the listing period (registration closes then); null until published
 * @param signedText the exact UTF-8 text the platform signed at publication; null until published
 * @param platformSignature base64 SM3withSM2 signature of {@code signedText} by the platform key
 * @param auctionKind the kind of auction its template gave it; for a Dutch one the reserve is the floor (below the
 *        starting price) and the increment the amount the price steps down by
 */
public record ListingView(UUID id, TradeCode tradeCode, RegionCode region, CategoryCode category, int templateVersion,
		boolean judicial, String title, String description, String conditions, EntityId transferor,
		String transferorName, String submittedBy, Money startingPrice, Money reservePrice, Money increment,
		Money security, int listingDays, boolean workingDays, boolean autoExtend, int extensions, int countdownSeconds,
		ListingStatus status, String returnReason, Instant publishedAt, Instant periodEnd, String signedText,
		String platformSignature, EntityId buyer, String buyerName, Money finalPrice, Instant submittedAt,
		long version, AuctionKind auctionKind) {

	public boolean open(Instant now) {
		return status == ListingStatus.PUBLISHED && periodEnd != null && now.isBefore(periodEnd);
	}

	ListingView with(ListingStatus status, String returnReason, Instant publishedAt, Instant periodEnd, int extensions,
			String signedText, String platformSignature, EntityId buyer, String buyerName, Money finalPrice) {
		return new ListingView(id, tradeCode, region, category, templateVersion, judicial, title, description, conditions,
				transferor, transferorName, submittedBy, startingPrice, reservePrice, increment, security, listingDays,
				workingDays, autoExtend, extensions, countdownSeconds, status, returnReason, publishedAt, periodEnd,
				signedText, platformSignature, buyer, buyerName, finalPrice, submittedAt, version, auctionKind);
	}

	ListingView concluded(ListingStatus status, EntityId buyer, String buyerName, Money price) {
		return with(status, returnReason, publishedAt, periodEnd, extensions, signedText, platformSignature, buyer,
				buyerName, price);
	}
}
