package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** Openings of sections' rounds, their bids and objections; region-scoped in the database. */
@Repository
class Openings {

	private final JdbcClient jdbc;

	Openings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An opening (or failure) of a section's round. */
	record Opening(SectionId section, int round, RegionCode region, String outcome, int standingBids, int minBids,
			Instant startedAt, Instant decryptionUntil, boolean backupAllowed, Instant backupOpenedAt, UUID noticeId,
			String signedContent, String signature, String closedBy, Instant closedAt) {
	}

	/** A standing bid at the opening. */
	record Entry(UUID bid, SectionId section, int round, EntityId bidder, String bidderName, String bidderCreditCode,
			Instant checkedInAt, OpenedBid.Decryption decryption, Instant decryptedAt, String decryptedBy,
			String failureRule, Money totalPrice, Integer durationDays, String quality, String priceSheet,
			String confirmation, String confirmationSigner) {

		boolean pending() {
			return decryption == null;
		}

		List<OpenedBid.Item> items() {
			if (priceSheet == null) {
				return List.of();
			}
			try {
				return PriceSheet.parse(priceSheet.getBytes(StandardCharsets.UTF_8)).items().stream()
					.map(i -> new OpenedBid.Item(i.name(), i.value())).toList();
			}
			catch (EnvelopeException e) {
				throw new IllegalStateException("A stored price sheet does not parse", e);
			}
		}
	}

	/** A standing bid of the round, as the deadline found it. */
	record Standing(UUID bid, EntityId bidder, String bidderName, String bidderCreditCode, String sha256) {
	}

	List<Standing> standing(SectionId section, Instant deadline) {
		return jdbc.sql("""
				select b.id, b.bidder_id, b.bidder_name, b.bidder_credit_code, b.sha256 from tendering.bids b
				where b.section_id = ? and b.status = 'RECEIPTED' and b.received_at < ?
				""" + Bids.CURRENT_ROUND + " order by b.received_at")
			.params(section.value(), ts(deadline))
			.query((rs, n) -> new Standing(rs.getObject(1, UUID.class), new EntityId(rs.getObject(2, UUID.class)),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	void add(Opening o) {
		jdbc.sql("""
				insert into tendering.openings (section_id, round, region_code, outcome, standing_bids, min_bids, started_at,
				  decryption_until, backup_allowed, notice_id, signed_content, signature)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.section().value(), o.round(), o.region().value(), o.outcome(), o.standingBids(), o.minBids(),
					ts(o.startedAt()), ts(o.decryptionUntil()), o.backupAllowed(), o.noticeId(), o.signedContent(),
					o.signature())
			.update();
	}

	void addEntry(SectionId section, int round, RegionCode region, Standing bid) {
		jdbc.sql("""
				insert into tendering.opening_bids (bid_id, section_id, round, region_code, bidder_id, bidder_name,
				  bidder_credit_code) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(bid.bid(), section.value(), round, region.value(), bid.bidder().value(), bid.bidderName(),
					bid.bidderCreditCode())
			.update();
	}

	Optional<Opening> of(SectionId section, int round) {
		return jdbc.sql("select * from tendering.openings where section_id = ? and round = ?")
			.params(section.value(), round).query(Openings::opening).optional();
	}

	/** The opening whose record is the notice {@code noticeId}. */
	Optional<Opening> recordedIn(UUID noticeId) {
		return jdbc.sql("select * from tendering.openings where notice_id = ?").param(noticeId)
			.query(Openings::opening).optional();
	}

	/** The opening row locked for this transaction: its changes run one at a time. */
	Optional<Opening> lock(SectionId section, int round) {
		return jdbc.sql("select * from tendering.openings where section_id = ? and round = ? for update")
			.params(section.value(), round).query(Openings::opening).optional();
	}

	List<Entry> entries(SectionId section, int round) {
		return jdbc.sql("""
				select o.* from tendering.opening_bids o join tendering.bids b on b.id = o.bid_id
				where o.section_id = ? and o.round = ? order by b.received_at""")
			.params(section.value(), round).query(Openings::entry).list();
	}

	Optional<Entry> entryOf(SectionId section, int round, EntityId bidder) {
		return jdbc.sql("select * from tendering.opening_bids where section_id = ? and round = ? and bidder_id = ?")
			.params(section.value(), round, bidder.value()).query(Openings::entry).optional();
	}

	boolean checkIn(UUID bid, String by, Instant at) {
		return jdbc.sql("""
				update tendering.opening_bids set checked_in_at = ?, checked_in_by = ?
				where bid_id = ? and checked_in_at is null""").params(ts(at), by, bid).update() == 1;
	}

	/** Records a decryption once: false when the bid was already decrypted or recorded. */
	boolean decrypted(UUID bid, OpenedBid.Decryption how, String by, Instant at, PriceSheet sheet, String directory) {
		return jdbc.sql("""
				update tendering.opening_bids set decryption = ?, decrypted_by = ?, decrypted_at = ?, total_price = ?,
				  duration_days = ?, quality = ?, price_sheet = ?, opened_directory = ?
				where bid_id = ? and decryption is null""")
			.params(how.name(), by, ts(at), sheet.totalPrice(), sheet.durationDays(), sheet.quality(),
					new String(sheet.toJson(), StandardCharsets.UTF_8), directory, bid)
			.update() == 1;
	}

	boolean failed(UUID bid, String rule, String by, Instant at) {
		return jdbc.sql("""
				update tendering.opening_bids set decryption = 'FAILED', failure_rule = ?, decrypted_by = ?, decrypted_at = ?
				where bid_id = ? and decryption is null""").params(rule, by, ts(at), bid).update() == 1;
	}

	boolean confirm(UUID bid, String confirmation, Instant at) {
		return jdbc.sql("""
				update tendering.opening_bids set confirmation = ?, confirmed_at = ?
				where bid_id = ? and confirmation is null""").params(confirmation, ts(at), bid).update() == 1;
	}

	/** Records a bidder's signed confirmation once; false when it confirmed or objected already. */
	boolean confirmSigned(UUID bid, String statement, byte[] signature, String certificate, String signer,
			String fingerprint, String algorithm, Instant at) {
		return jdbc.sql("""
				update tendering.opening_bids set confirmation = 'CONFIRMED', confirmed_at = ?, confirmation_statement = ?,
				  confirmation_signature = ?, confirmation_certificate = ?, confirmation_signer = ?,
				  confirmation_fingerprint = ?, confirmation_algorithm = ?
				where bid_id = ? and confirmation is null""")
			.params(ts(at), statement, signature, certificate, signer, fingerprint, algorithm, bid).update() == 1;
	}

	void backupOpened(SectionId section, int round, Instant at) {
		jdbc.sql("update tendering.openings set backup_opened_at = ? where section_id = ? and round = ?")
			.params(ts(at), section.value(), round).update();
	}

	void close(SectionId section, int round, UUID noticeId, String signedContent, String signature, String by,
			Instant at) {
		jdbc.sql("""
				update tendering.openings set outcome = 'OPENED', notice_id = ?, signed_content = ?, signature = ?,
				  closed_by = ?, closed_at = ? where section_id = ? and round = ? and outcome = 'OPENING'""")
			.params(noticeId, signedContent, signature, by, ts(at), section.value(), round).update();
	}

	void addObjection(UUID id, Entry on, RegionCode region, String text, String by, Instant at) {
		jdbc.sql("""
				insert into tendering.opening_objections (id, section_id, round, region_code, bid_id, objector_name, text,
				  raised_by, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, on.section().value(), on.round(), region.value(), on.bid(), on.bidderName(), text, by, ts(at))
			.update();
	}

	record ObjectionRow(OpeningView.Objection view, SectionId section, int round) {
	}

	Optional<ObjectionRow> objection(UUID id) {
		return jdbc.sql("select * from tendering.opening_objections where id = ?").param(id)
			.query((rs, n) -> new ObjectionRow(objection(rs), new SectionId(rs.getObject("section_id", UUID.class)),
					rs.getInt("round")))
			.optional();
	}

	boolean answer(UUID id, String answer, String by, Instant at) {
		return jdbc.sql("""
				update tendering.opening_objections set answer = ?, answered_by = ?, answered_at = ?
				where id = ? and answer is null""").params(answer, by, ts(at), id).update() == 1;
	}

	List<OpeningView.Objection> objections(SectionId section, int round) {
		return jdbc.sql("select * from tendering.opening_objections where section_id = ? and round = ? order by raised_at")
			.params(section.value(), round).query((rs, n) -> objection(rs)).list();
	}

	private static OpeningView.Objection objection(ResultSet rs) throws SQLException {
		return new OpeningView.Objection(rs.getObject("id", UUID.class), rs.getObject("bid_id", UUID.class),
				rs.getString("objector_name"), rs.getString("text"), instant(rs, "raised_at"), rs.getString("answer"),
				instant(rs, "answered_at"));
	}

	private static Opening opening(ResultSet rs, int n) throws SQLException {
		return new Opening(new SectionId(rs.getObject("section_id", UUID.class)), rs.getInt("round"),
				RegionCode.of(rs.getString("region_code")), rs.getString("outcome"), rs.getInt("standing_bids"),
				rs.getInt("min_bids"), instant(rs, "started_at"), instant(rs, "decryption_until"),
				rs.getBoolean("backup_allowed"), instant(rs, "backup_opened_at"), rs.getObject("notice_id", UUID.class),
				rs.getString("signed_content"), rs.getString("signature"), rs.getString("closed_by"),
				instant(rs, "closed_at"));
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		String decryption = rs.getString("decryption");
		BigDecimal price = rs.getBigDecimal("total_price");
		int days = rs.getInt("duration_days");
		Integer duration = rs.wasNull() ? null : days;
		return new Entry(rs.getObject("bid_id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getInt("round"), new EntityId(rs.getObject("bidder_id", UUID.class)), rs.getString("bidder_name"),
				rs.getString("bidder_credit_code"), instant(rs, "checked_in_at"),
				decryption == null ? null : OpenedBid.Decryption.valueOf(decryption), instant(rs, "decrypted_at"),
				rs.getString("decrypted_by"), rs.getString("failure_rule"), price == null ? null : Money.of(price),
				duration, rs.getString("quality"), rs.getString("price_sheet"), rs.getString("confirmation"),
				rs.getString("confirmation_signer"));
	}
}
