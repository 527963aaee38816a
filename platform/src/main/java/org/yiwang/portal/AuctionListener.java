package org.yiwang.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.auction.AuctionClosed;
import org.yiwang.auction.AuctionStatus;
import org.yiwang.auction.ListingPublished;

/**
 * Takes the auction module's listing disclosures (挂牌披露) and auction results (竞价结果) into the portal, after their
 * transaction committed, like {@link NoticeListener} does for tender notices.
 */
@Component
class AuctionListener {

	private final Portal portal;

	AuctionListener(Portal portal) {
		this.portal = portal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ListingPublished listing) {
		portal.receive(record(listing), "auction");
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AuctionClosed result) {
		portal.receive(record(result), "auction");
	}

	static PublicRecord record(ListingPublished l) {
		String body = l.conditions() == null || l.conditions().isBlank() ? l.text() : l.text() + "\n\n" + l.conditions();
		return new PublicRecord(l.listing(), RecordType.LISTING_DISCLOSURE, l.tradeCode().value(), l.title(), l.title(),
				l.region().value(), l.category().value(), l.title(), body, l.startingPrice().yuan(), null,
				List.of(new Party("transferor", l.transferorName(), null)), l.periodEnd(), l.signedText(),
				l.platformSignature(), l.occurredAt(), null);
	}

	/** The result's id is derived from the listing's, so a redelivered event finds the record it already made. */
	static PublicRecord record(AuctionClosed a) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("transferor", a.transferorName(), null));
		if (a.outcome() == AuctionStatus.SOLD && a.winnerName() != null) {
			parties.add(new Party("transferee", a.winnerName(), null));
		}
		UUID id = UUID.nameUUIDFromBytes(("auction-result:" + a.listing()).getBytes(StandardCharsets.UTF_8));
		return new PublicRecord(id, RecordType.AUCTION_RESULT, a.tradeCode().value(), a.title(), a.title(),
				a.region().value(), a.category().value(), a.title(), a.recordText(), a.startingPrice().yuan(),
				a.finalPrice() == null ? null : a.finalPrice().yuan(), List.copyOf(parties), null, a.recordText(),
				a.platformSignature(), a.occurredAt(), null);
	}
}
