package org.yiwang.auction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** The auction module's other past-tense facts; each is appended to the audit log with the change. */
public sealed interface AuctionChanged extends Auditable {

	UUID listing();

	default String target() {
		return "listing:" + listing();
	}

	record ListingSubmitted(Actor actor, UUID listing, TradeCode tradeCode, EntityId transferor, Money startingPrice,
			RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.listing.submitted";
		}
	}

	record ListingReturned(Actor actor, UUID listing, String reason, RegionCode region, Instant occurredAt)
			implements AuctionChanged {

		public String action() {
			return "auction.listing.returned";
		}
	}

	record TransfereeRegistered(Actor actor, UUID listing, UUID registration, EntityId transferee, RegionCode region,
			Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.transferee.registered";
		}
	}

	record TransfereeQualified(Actor actor, UUID listing, UUID registration, EntityId transferee, String bidderNumber,
			String securityReference, RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.transferee.qualified";
		}
	}

	record TransfereeRefused(Actor actor, UUID listing, UUID registration, EntityId transferee, String reason,
			RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.transferee.refused";
		}
	}

	/** The listing period ended: extended, failed, agreement with the one transferee, or auction. */
	record ListingConcluded(Actor actor, UUID listing, ListingStatus outcome, int qualified, Instant periodEnd,
			RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.listing.concluded";
		}
	}

	record AgreementConcluded(Actor actor, UUID listing, EntityId buyer, Money price, RegionCode region,
			Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.agreement.concluded";
		}
	}

	record AuctionOpened(Actor actor, UUID listing, Instant startsAt, Instant timedFrom, Instant endsAt,
			int countdownSeconds, RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.auction.opened";
		}
	}

	/**
	 * One batch of the auction's single writer, committed in one transaction with the bids themselves: the bids it
	 * accepted (each with its place in the total order and who placed it) and the ones it refused, with the reason.
	 * One entry per batch keeps the audit log's cost per commit, not per bid.
	 * <p>
	 * An {@link Auditable} for the audit log only, not an {@code AuctionChanged}: a module listener of
	 * {@code AuctionChanged} (analytics' {@code MarketFacts}) made Spring Modulith store every batch, serialized whole,
	 * in {@code event_publication} in the writer's transaction, then run the listener and mark it completed in another
	 * fsync'd transaction: per batch of the hottest path, for a listener that ignores it (issue 25).
	 */
	record BidsCommitted(Actor actor, UUID listing, long firstSeq, long lastSeq, List<AcceptedBid> accepted,
			List<RefusedBid> refused, Instant endsAt, RegionCode region, Instant occurredAt) implements Auditable {

		public String action() {
			return "auction.bids.committed";
		}

		public String target() {
			return "listing:" + listing;
		}
	}

	/**
	 * A sealed round closed: every price sealed in it, now disclosed (who submitted it, as which bidder number, the
	 * price, the commitment the bidder's receipt carries and its salt, when), and every attempt refused while it ran.
	 * While the round runs the audit log receives nothing about it, so nobody can count its submissions before the
	 * close; this one entry, in the closing transaction, makes each accountable afterwards.
	 */
	record SealedRoundDisclosed(Actor actor, UUID listing, List<SealedSubmission> submissions,
			List<RefusedBid> refused, RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.sealed.disclosed";
		}
	}

	record SealedSubmission(long seq, String bidder, String bidderNumber, EntityId transferee, Money amount,
			String commitment, String salt, Instant at) {
	}

	record AcceptedBid(long seq, String bidder, String bidderNumber, Money amount, Instant at) {
	}

	record RefusedBid(String bidder, String amount, BidRefusal reason, Instant at) {
	}

	/** A bid was refused before it reached the auction's writer; nothing changed. {@code amount} is the text as sent. */
	record BidRefused(Actor actor, UUID listing, String amount, BidRefusal reason, RegionCode region,
			Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.bid.refused";
		}
	}

	/**
	 * At the result the buyer's security was applied to the price: {@code applied} counts towards it (a cash deposit),
	 * {@code due} is what the buyer still pays; a guarantee letter applies nothing ({@code form} null: none held).
	 */
	record SecurityApplied(Actor actor, UUID listing, EntityId buyer, Money price,
			org.yiwang.guarantee.SecurityForm form, Money security, Money applied, Money due, RegionCode region,
			Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.security.applied";
		}
	}

	/**
	 * The platform was down while the auction ran: its end moved by the outage (from the last heartbeat before the
	 * stop to the restart), so no bidder lost time.
	 */
	record AuctionResumed(Actor actor, UUID listing, Instant lastAlive, Instant resumedAt, Instant oldEndsAt,
			Instant newEndsAt, RegionCode region, Instant occurredAt) implements AuctionChanged {

		public String action() {
			return "auction.auction.resumed";
		}
	}
}
