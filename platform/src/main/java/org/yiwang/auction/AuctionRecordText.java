package org.yiwang.auction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.pki.PlatformKeys;

/** The signed text of an auction's record (and the platform's signature over a text). */
final class AuctionRecordText {

	private AuctionRecordText() {
	}

	static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

	/** The signed text of an auction record: every accepted bid by number and time, then the outcome. */
	static String recordText(Auctions.Row row, String title, List<Auctions.Bid> bids, AuctionEngine engine,
			Instant closedAt) {
		return recordText(row, title, bids, engine, closedAt, List.of());
	}

	/**
	 * The record's text; a Dutch auction or sealed round says its kind after the title, and a sealed round's
	 * commitments (with their salts) follow its bids.
	 */
	static String recordText(Auctions.Row row, String title, List<Auctions.Bid> bids, AuctionEngine engine,
			Instant closedAt, List<String> disclosures) {
		StringBuilder text = new StringBuilder("YIWANG-AUCTION-RECORD-V1\n");
		text.append("tradeCode=").append(row.tradeCode()).append('\n');
		text.append("title=").append(title.replace('\n', ' ')).append('\n');
		if (engine.kind() != AuctionKind.ENGLISH) {
			text.append("kind=").append(engine.kind()).append('\n');
			if (engine instanceof DutchAuction dutch) {
				text.append("stepSeconds=").append(dutch.rules().step().toSeconds()).append('\n');
			}
		}
		text.append("startingPrice=").append(row.startingPrice()).append('\n');
		text.append("increment=").append(row.increment()).append('\n');
		text.append("startsAt=").append(INSTANT.format(engine.startsAt())).append('\n');
		text.append("closedAt=").append(INSTANT.format(closedAt)).append('\n');
		for (Auctions.Bid b : bids) {
			text.append("bid=").append(b.seq()).append(',').append(b.bidderNumber()).append(',').append(b.amount())
				.append(',').append(INSTANT.format(b.placedAt())).append('\n');
		}
		disclosures.forEach(line -> text.append(line).append('\n'));
		text.append("outcome=").append(engine.sold() ? "SOLD" : "FAILED").append('\n');
		text.append("finalPrice=").append(engine.price() == null ? "" : engine.price().toString()).append('\n');
		text.append("winnerNumber=").append(engine.sold() ? engine.leader() : "").append('\n');
		return text.toString();
	}

	static String sign(PlatformKeys keys, String text) {
		return Base64.getEncoder().encodeToString(keys.sign(text.getBytes(StandardCharsets.UTF_8)));
	}
}
