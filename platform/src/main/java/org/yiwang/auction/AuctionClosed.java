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
 * An auction ended: sold to the highest bid at or above the reserve, or failed. {@code recordText} is the signed
 * auction record (every accepted bid by bidder number, in order); {@code platformSignature} its base64 SM3withSM2
 * signature. The buyer is named now that bidding is over.
 *
 * @param winner empty (null) when the auction failed
 * @param particulars what the national data specification asks beyond the record (dataset 701), with the buyer's
 *        registry code and kind when sold
 */
public record AuctionClosed(Actor actor, UUID listing, TradeCode tradeCode, RegionCode region, CategoryCode category,
		String title, AuctionStatus outcome, Money startingPrice, Money finalPrice, long bids, EntityId transferor,
		String transferorName, EntityId winner, String winnerName, String winnerNumber, Instant startedAt,
		Instant closedAt, String recordText, String platformSignature, Instant occurredAt, ListingParticulars particulars)
		implements Auditable {

	@Override
	public String action() {
		return "auction.auction.closed";
	}

	@Override
	public String target() {
		return "listing:" + listing;
	}
}
