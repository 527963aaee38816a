package org.yiwang.analytics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;

/**
 * The fact table: each fact is inserted once (by its event's key) and added to the rollups in the same transaction, as
 * the platform (listeners act for nobody in particular, so the whole city is in scope).
 */
@Component
class Facts {

	/** What the published notice of a trade said, for the stages after it (their category and durations). */
	record Published(String category, String procedure, Instant publishedAt, Instant deadline, UUID subjectId) {

		Double daysTo(Instant later) {
			return later == null || publishedAt == null ? null : days(publishedAt, later);
		}

		Double daysFromDeadlineTo(Instant later) {
			return later == null || deadline == null ? null : days(deadline, later);
		}
	}

	private final JdbcClient jdbc;

	private final Rollups rollups;

	private final TransactionTemplate transactions;

	Facts(JdbcClient jdbc, Rollups rollups, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.transactions = transactions;
	}

	/** Records the fact and adds it to the rollups; false when its event was seen before. */
	boolean record(Fact f) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			Optional<Long> id = jdbc.sql("""
					INSERT INTO analytics.facts (fact_key, stage, month, occurred_at, region_code, category_code, procedure,
					  trade_code, subject_id, record_id, title, budget, amount, bidders, winner_region, non_local, e_guarantee,
					  deadline, duration_days, staff)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (fact_key) DO NOTHING RETURNING id""")
				.params(f.key(), f.stage().name(), Date.valueOf(f.month()), Timestamp.from(f.occurredAt()), f.region(),
						f.category(), f.procedure(), f.tradeCode(), f.subjectId(), f.recordId(), f.title(), f.budget(),
						f.amount(), f.bidders(), f.winnerRegion(), f.nonLocal(), f.eGuarantee(),
						f.deadline() == null ? null : Timestamp.from(f.deadline()), f.durationDays(), f.staff())
				.query(Long.class).optional();
			id.ifPresent(rollups::add);
			return id.isPresent();
		}));
	}

	/** The trade's published notice as recorded, if it was. */
	Optional<Published> published(String tradeCode) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc.sql("""
				SELECT category_code, procedure, occurred_at, deadline, subject_id FROM analytics.facts
				WHERE trade_code = ? AND stage = 'PUBLISHED' ORDER BY occurred_at LIMIT 1""").param(tradeCode)
			.query((rs, n) -> new Published(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4)), rs.getObject(5, UUID.class)))
			.optional()));
	}

	/** The category, procedure and trade code a section (or listing, or case) was recorded under, if it was. */
	Optional<String[]> ofSubject(UUID subject) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc.sql("""
				SELECT category_code, procedure, trade_code FROM analytics.facts WHERE subject_id = ? AND category_code <> ''
				ORDER BY occurred_at LIMIT 1""").param(subject)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).optional()));
	}

	/** Notes a transferee qualified to bid on a listing (once per registration). */
	void qualified(UUID listing, UUID registration, String region) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO analytics.lot_bidders (listing, registration, region_code) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""").params(listing, registration, region).update()));
	}

	/** How many transferees were qualified to bid on a listing. */
	int bidders(UUID listing) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc
			.sql("SELECT count(*) FROM analytics.lot_bidders WHERE listing = ?").param(listing).query(Integer.class)
			.single()));
	}

	/** A booking's recorded fact: when the room is occupied, for how long, and its purpose. */
	record Booked(Instant occurredAt, Double durationDays, String title) {
	}

	/** The room booking recorded for a booking id, if it was. */
	Optional<Booked> booked(UUID booking) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc.sql("""
				SELECT occurred_at, duration_days, title FROM analytics.facts WHERE subject_id = ? AND stage = 'ROOM_BOOKED'""")
			.param(booking)
			.query((rs, n) -> new Booked(instant(rs.getTimestamp(1)), (Double) rs.getObject(2), rs.getString(3)))
			.optional()));
	}

	static double days(Instant from, Instant to) {
		return Math.round(Duration.between(from, to).toMinutes() / 144.0) / 10.0;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
