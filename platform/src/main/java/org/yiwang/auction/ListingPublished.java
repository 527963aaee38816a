package org.yiwang.auction;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * Staff published a listing (挂牌公告): what the portal shows. {@code signedText} is the exact UTF-8 text the
 * platform signed (SM3withSM2, base64 {@code platformSignature}); anyone checks it with the platform certificate.
 * {@code particulars} carry what the national data specification asks beyond the text (dataset 700).
 */
public record ListingPublished(Actor actor, UUID listing, TradeCode tradeCode, RegionCode region, CategoryCode category,
		String title, String text, String conditions, Money startingPrice, Money increment, Money security,
		EntityId transferor, String transferorName, Instant publishedAt, Instant periodEnd, String signedText,
		String platformSignature, Instant occurredAt, ListingParticulars particulars) implements Auditable {

	@Override
	public String action() {
		return "auction.listing.published";
	}

	@Override
	public String target() {
		return "listing:" + listing;
	}
}
