package org.yiwang.auction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.kernel.Actor;
import org.yiwang.pki.PlatformKeys;

/**
 * What happens when an auction's countdown runs out, in the closing transaction: the signed auction record, the
 * auction's and the listing's outcome (sold to the highest bid at or above the reserve, else failed), and the
 * {@link AuctionClosed} event the portal publishes.
 */
@Component
class AuctionClosing {

	private static final Logger log = LoggerFactory.getLogger(AuctionClosing.class);

	record Result(UUID listing, AuctionStatus status, String winnerName, ListingView listingView) {
	}

	private final Auctions auctions;

	private final Listings listings;

	private final PlatformKeys keys;

	private final ApplicationEventPublisher events;

	private final BidSecurity security;

	private final PriceSettlements settlements;

	private final ListingFacts facts;

	AuctionClosing(Auctions auctions, Listings listings, PlatformKeys keys, ApplicationEventPublisher events,
			BidSecurity security, PriceSettlements settlements, ListingFacts facts) {
		this.facts = facts;
		this.security = security;
		this.settlements = settlements;
		this.auctions = auctions;
		this.listings = listings;
		this.keys = keys;
		this.events = events;
	}

	/** Runs inside a transaction in the auction's region; the engine is already closed. */
	Result close(UUID listingId, AuctionEngine engine, Instant closedAt, List<String> disclosures) {
		Auctions.Row row = auctions.byId(listingId).orElseThrow();
		ListingView listing = listings.byIdForUpdate(listingId).orElseThrow();
		List<Auctions.Bid> bids = auctions.bids(listingId);
		boolean sold = engine.sold();
		Optional<RegistrationView> winner = sold ? listings.registrations(listingId).stream()
			.filter(r -> engine.leader().equals(r.bidderNumber())).findFirst() : Optional.empty();
		String text = AuctionRecordText.recordText(row, listing.title(), bids, engine, closedAt, disclosures);
		String signature = AuctionRecordText.sign(keys, text);
		AuctionStatus status = sold ? AuctionStatus.SOLD : AuctionStatus.FAILED;
		auctions.close(listingId, status, closedAt, text, signature);
		ListingView concluded = listing.concluded(sold ? ListingStatus.SOLD : ListingStatus.FAILED,
				winner.map(RegistrationView::transferee).orElse(null),
				winner.map(RegistrationView::transfereeName).orElse(null), sold ? engine.price() : null);
		listings.update(concluded, listing.version());
		// In the same transaction: the winner's security is applied to the price (recorded while it is still held), the
		// losers' are released; the winner's stays with the guarantee module (not refunded).
		winner.ifPresent(w -> settlements.settle(Actor.SYSTEM, listing, w.transferee(), engine.price(), closedAt));
		security.transactionEnded(listing.tradeCode(), winner.map(RegistrationView::transferee));
		events.publishEvent(new AuctionClosed(Actor.SYSTEM, listingId, listing.tradeCode(), listing.region(),
				listing.category(), listing.title(), status, listing.startingPrice(), engine.price(), bids.size(),
				listing.transferor(), listing.transferorName(), winner.map(RegistrationView::transferee).orElse(null),
				winner.map(RegistrationView::transfereeName).orElse(null), sold ? engine.leader() : null,
				engine.startsAt(), closedAt, text, signature, closedAt,
				facts.of(concluded).soldTo(winner.map(w -> facts.party(w.transferee())).orElse(null))));
		return new Result(listingId, status, winner.map(RegistrationView::transfereeName).orElse(null), concluded);
	}

	/** After the close committed. */
	void afterClose(Result result) {
		log.info("Auction {} closed: {}", result.listing(), result.status());
	}
}
