package org.yiwang.auction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Auctions, their bids in order, the outage extensions and the node's heartbeat. */
@Repository
class Auctions {

	/** An auction row: its rules and the state the last committed bid left. */
	record Row(UUID listing, RegionCode region, TradeCode tradeCode, Instant startsAt, Instant timedFrom, Instant endsAt,
			int countdownSeconds, Money startingPrice, Money reserve, Money increment, Money price, String leaderNumber,
			long lastSeq, AuctionStatus status, Instant closedAt, String recordText, String recordSignature,
			AuctionKind kind, Integer stepSeconds) {

		AuctionEngine engine() {
			return engine(List.of());
		}

		/** @param sealedBidders a sealed round's bidders who submitted, in order (committed, not yet disclosed) */
		AuctionEngine engine(List<String> sealedBidders) {
			AuctionEngine.Snapshot state = new AuctionEngine.Snapshot(price, leaderNumber, endsAt, lastSeq,
					status != AuctionStatus.RUNNING);
			return switch (kind) {
				case ENGLISH -> new EnglishAuction(new EnglishAuction.Rules(startsAt, timedFrom,
						Duration.ofSeconds(countdownSeconds), startingPrice, reserve, increment), state);
				case DUTCH -> new DutchAuction(new DutchAuction.Rules(startsAt, timedFrom, Duration.ofSeconds(stepSeconds),
						startingPrice, reserve, increment), state);
				case SEALED -> new SealedRound(new SealedRound.Rules(startsAt, endsAt, startingPrice, reserve),
						status == AuctionStatus.RUNNING ? state
								: new AuctionEngine.Snapshot(price, leaderNumber, endsAt, lastSeq, true),
						status == AuctionStatus.RUNNING ? sealedBidders : java.util.Collections.nCopies((int) lastSeq, ""));
			};
		}
	}

	/**
	 * A sealed price as stored until the close: its commitment in the clear, the price and the commitment's salt
	 * encrypted ({@link org.yiwang.pki.SealedValues}).
	 */
	record SealedPrice(UUID listing, long seq, RegionCode region, String bidderNumber, EntityId transferee,
			String commitment, byte[] sealed, Instant submittedAt, String idempotencyKey, String submittedBy) {
	}

	/** A committed bid with who placed it (the platform knows; others see the number). */
	record Bid(UUID listing, long seq, RegionCode region, String bidderNumber, EntityId transferee, Money amount,
			Instant placedAt, Instant endsAtAfter, String idempotencyKey) {

		BidView view() {
			return new BidView(seq, bidderNumber, amount, placedAt);
		}
	}

	private final JdbcClient jdbc;

	Auctions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Row a) {
		jdbc.sql("""
				insert into auction.auctions (listing_id, region_code, trade_code, starts_at, timed_from, ends_at,
				  countdown_seconds, starting_price, reserve_price, increment, status, auction_kind, step_seconds)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)""")
			.params(a.listing(), a.region().value(), a.tradeCode().value(), ts(a.startsAt()), ts(a.timedFrom()),
					ts(a.endsAt()), a.countdownSeconds(), a.startingPrice().yuan(), a.reserve().yuan(), a.increment().yuan(),
					a.kind().name(), a.stepSeconds())
			.update();
	}

	Optional<Row> byId(UUID listing) {
		return jdbc.sql("select * from auction.auctions where listing_id = ?").param(listing).query(Auctions::row)
			.optional();
	}

	List<Row> running() {
		return jdbc.sql("select * from auction.auctions where status = 'RUNNING'").query(Auctions::row).list();
	}

	/**
	 * Inserts a batch of bids and moves the auction's state to the last of them, in one statement (one round trip: the
	 * writer's commit latency is a few round trips, so each one counts).
	 */
	void commitBids(List<Bid> bids, AuctionEngine.Snapshot state, UUID listing) {
		StringBuilder sql = new StringBuilder();
		List<Object> params = new java.util.ArrayList<>(bids.size() * 9 + 5);
		if (!bids.isEmpty()) {
			// One multi-row insert per batch (group commit): the batch's bids commit together or not at all.
			sql.append("with inserted as (insert into auction.bids (listing_id, seq, region_code, bidder_number, "
					+ "transferee_id, amount, placed_at, ends_at_after, idempotency_key) values ");
			for (int i = 0; i < bids.size(); i++) {
				Bid b = bids.get(i);
				sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
				params.addAll(List.of(b.listing(), b.seq(), b.region().value(), b.bidderNumber(), b.transferee().value(),
						b.amount().yuan(), ts(b.placedAt()), ts(b.endsAtAfter()), b.idempotencyKey()));
			}
			sql.append(") ");
		}
		sql.append("update auction.auctions set current_price = ?, leader_number = ?, ends_at = ?, last_seq = ? "
				+ "where listing_id = ? and status = 'RUNNING'");
		params.addAll(java.util.Arrays.asList(state.price() == null ? null : state.price().yuan(), state.leader(),
				ts(state.endsAt()), state.lastSeq(), listing));
		jdbc.sql(sql.toString()).params(params).update();
	}

	/** Seals a batch of sealed prices in one statement; the auction's own row does not change (it shows nothing). */
	void commitSealed(List<SealedPrice> prices) {
		if (prices.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into auction.sealed_prices (listing_id, seq, region_code, "
				+ "bidder_number, transferee_id, commitment, sealed, submitted_at, idempotency_key, submitted_by) values ");
		List<Object> params = new java.util.ArrayList<>(prices.size() * 10);
		for (int i = 0; i < prices.size(); i++) {
			SealedPrice p = prices.get(i);
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			params.addAll(List.of(p.listing(), p.seq(), p.region().value(), p.bidderNumber(), p.transferee().value(),
					p.commitment(), p.sealed(), ts(p.submittedAt()), p.idempotencyKey(), p.submittedBy()));
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	List<SealedPrice> sealedPrices(UUID listing) {
		return jdbc.sql("select * from auction.sealed_prices where listing_id = ? order by seq").param(listing)
			.query((rs, n) -> new SealedPrice(rs.getObject("listing_id", UUID.class), rs.getLong("seq"),
					RegionCode.of(rs.getString("region_code")), rs.getString("bidder_number"),
					new EntityId(rs.getObject("transferee_id", UUID.class)), rs.getString("commitment"),
					rs.getBytes("sealed"), instant(rs, "submitted_at"), rs.getString("idempotency_key"),
					rs.getString("submitted_by")))
			.list();
	}

	/**
	 * A refusal in a running sealed round, kept out of the audit log until the close. Locks the auction's row first:
	 * if the round has closed meanwhile (or closes while this waits), nothing is kept and the caller audits at once.
	 */
	boolean deferSealedRefusal(UUID listing, RegionCode region, String bidder, BidRefusal reason, Instant at) {
		boolean running = jdbc.sql("select status from auction.auctions where listing_id = ? for share").param(listing)
			.query(String.class).optional().filter("RUNNING"::equals).isPresent();
		if (running) {
			addSealedRefusals(List.of(new SealedRefusal(listing, region, bidder, reason, at)));
		}
		return running;
	}

	/** A refusal in a sealed round, as kept until the close. */
	record SealedRefusal(UUID listing, RegionCode region, String bidder, BidRefusal reason, Instant at) {
	}

	void addSealedRefusals(List<SealedRefusal> refusals) {
		for (SealedRefusal r : refusals) {
			jdbc.sql("insert into auction.sealed_refusals (listing_id, region_code, bidder, reason, refused_at) "
					+ "values (?, ?, ?, ?, ?)")
				.params(r.listing(), r.region().value(), r.bidder(), r.reason().name(), ts(r.at())).update();
		}
	}

	List<SealedRefusal> sealedRefusals(UUID listing) {
		return jdbc.sql("select listing_id, region_code, bidder, reason, refused_at from auction.sealed_refusals "
				+ "where listing_id = ? order by refused_at, id").param(listing)
			.query((rs, n) -> new SealedRefusal(rs.getObject("listing_id", UUID.class),
					RegionCode.of(rs.getString("region_code")), rs.getString("bidder"),
					BidRefusal.valueOf(rs.getString("reason")), instant(rs, "refused_at")))
			.list();
	}

	/** Locks a running auction's row for its closing transaction: refusals waiting to be kept see it closed after. */
	void lockForClose(UUID listing) {
		jdbc.sql("select listing_id from auction.auctions where listing_id = ? for update").param(listing)
			.query(UUID.class).optional();
	}

	/** A bidder's sealed price's commitment and time (never the price). */
	Optional<SealedPrice> sealedPriceOf(UUID listing, EntityId transferee) {
		return jdbc.sql("select listing_id, seq, region_code, bidder_number, transferee_id, commitment, submitted_at, "
				+ "idempotency_key from auction.sealed_prices where listing_id = ? and transferee_id = ?")
			.params(listing, transferee.value())
			.query((rs, n) -> new SealedPrice(rs.getObject("listing_id", UUID.class), rs.getLong("seq"),
					RegionCode.of(rs.getString("region_code")), rs.getString("bidder_number"),
					new EntityId(rs.getObject("transferee_id", UUID.class)), rs.getString("commitment"), null,
					instant(rs, "submitted_at"), rs.getString("idempotency_key"), null))
			.optional();
	}

	void close(UUID listing, AuctionStatus status, Instant closedAt, String recordText, String signature) {
		jdbc.sql("update auction.auctions set status = ?, closed_at = ?, record_text = ?, record_signature = ? "
				+ "where listing_id = ? and status = 'RUNNING'")
			.params(status.name(), ts(closedAt), recordText, signature, listing).update();
	}

	void extend(UUID listing, RegionCode region, Instant lastAlive, Instant resumedAt, Row before, Instant startsAt,
			Instant timedFrom, Instant endsAt) {
		jdbc.sql("update auction.auctions set starts_at = ?, timed_from = ?, ends_at = ? where listing_id = ?")
			.params(ts(startsAt), ts(timedFrom), ts(endsAt), listing).update();
		jdbc.sql("insert into auction.extensions (listing_id, region_code, last_alive, resumed_at, old_ends_at, new_ends_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(listing, region.value(), ts(lastAlive), ts(resumedAt), ts(before.endsAt()), ts(endsAt)).update();
	}

	List<Bid> bids(UUID listing) {
		return jdbc.sql("select * from auction.bids where listing_id = ? order by seq").param(listing).query(Auctions::bid)
			.list();
	}

	Optional<Bid> bidByKey(UUID listing, EntityId transferee, String idempotencyKey) {
		return jdbc.sql("select * from auction.bids where listing_id = ? and transferee_id = ? and idempotency_key = ?")
			.params(listing, transferee.value(), idempotencyKey).query(Auctions::bid).optional();
	}

	long bidCount(UUID listing) {
		return jdbc.sql("select count(*) from auction.bids where listing_id = ?").param(listing).query(Long.class).single();
	}

	/**
	 * When the auction's latest bid or sealed price entered the platform: the node that decided it was alive then,
	 * whatever its last heartbeat says (it beats once a second; an auction opened and bid on since is younger).
	 */
	Optional<Instant> lastActivity(UUID listing) {
		return jdbc.sql("""
				select greatest((select max(placed_at) from auction.bids where listing_id = ?),
				                (select max(submitted_at) from auction.sealed_prices where listing_id = ?))""")
			.params(listing, listing).query((rs, row) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
	}

	Optional<Instant> lastAlive() {
		return jdbc.sql("select alive_at from auction.heartbeat where id = 1").query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	void beat(Instant now) {
		jdbc.sql("insert into auction.heartbeat (id, alive_at) values (1, ?) "
				+ "on conflict (id) do update set alive_at = excluded.alive_at").param(ts(now)).update();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("listing_id", UUID.class), RegionCode.of(rs.getString("region_code")),
				TradeCode.of(rs.getString("trade_code")), instant(rs, "starts_at"), instant(rs, "timed_from"),
				instant(rs, "ends_at"), rs.getInt("countdown_seconds"), Money.of(rs.getBigDecimal("starting_price")),
				Money.of(rs.getBigDecimal("reserve_price")), Money.of(rs.getBigDecimal("increment")),
				rs.getBigDecimal("current_price") == null ? null : Money.of(rs.getBigDecimal("current_price")),
				rs.getString("leader_number"), rs.getLong("last_seq"), AuctionStatus.valueOf(rs.getString("status")),
				instant(rs, "closed_at"), rs.getString("record_text"), rs.getString("record_signature"),
				AuctionKind.valueOf(rs.getString("auction_kind")), (Integer) rs.getObject("step_seconds"));
	}

	static Bid bid(ResultSet rs, int n) throws SQLException {
		return new Bid(rs.getObject("listing_id", UUID.class), rs.getLong("seq"), RegionCode.of(rs.getString("region_code")),
				rs.getString("bidder_number"), new EntityId(rs.getObject("transferee_id", UUID.class)),
				Money.of(rs.getBigDecimal("amount")), instant(rs, "placed_at"), instant(rs, "ends_at_after"),
				rs.getString("idempotency_key"));
	}
}
