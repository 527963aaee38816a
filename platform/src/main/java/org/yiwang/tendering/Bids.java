package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Sealed bids and their evidence; region-scoped in the database. */
@Repository
class Bids {

	/** Only bids of the section's current round (a re-tendered section's earlier rounds never count). */
	static final String CURRENT_ROUND = "and b.round = (select s.round from tendering.sections s where s.id = b.section_id)";

	private final JdbcClient jdbc;

	Bids(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A bid row with what the bid view leaves out. */
	record Row(BidView view, EntityId bidder, RegionCode region, String submittedBy, String idempotencyKey,
			byte[] statement, byte[] receipt) {
	}

	/**
	 * Stores a receipted bid and its evidence in one statement: the bid counts from the commit of its transaction, which
	 * the caller makes before it hands the receipt out.
	 */
	void add(BidView b, EntityId bidder, String bidderCreditCode, RegionCode region, String submittedBy, String key,
			byte[] statement, byte[] receipt, String sourceIp, String userAgent) {
		jdbc.sql("""
				with bid as (
				  insert into tendering.bids (id, section_id, region_code, trade_code, bidder_id, bidder_name,
				    bidder_credit_code, sha256, sm3, size, signer_fingerprint, sealed_at, received_at, submitted_by,
				    idempotency_key, status, statement, receipt, receipted_at, round)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				    (select round from tendering.sections where id = ?)))
				insert into tendering.bid_evidence (bid_id, region_code, source_ip, user_agent) values (?, ?, ?, ?)""")
			.params(b.id(), b.section().value(), region.value(), b.tradeCode().value(), bidder.value(), b.bidderName(),
					bidderCreditCode, b.sha256(), b.sm3(), b.size(), b.signerFingerprint(), ts(b.sealedAt()),
					ts(b.receivedAt()), submittedBy, key, b.status().name(), statement, receipt, ts(b.receiptedAt()),
					b.section().value(), b.id(), region.value(), sourceIp, userAgent == null || userAgent.length() <= 300 ? userAgent
							: userAgent.substring(0, 300))
			.update();
	}

	boolean receipted(UUID id, byte[] receipt, Instant at) {
		return jdbc.sql("""
				update tendering.bids set status = 'RECEIPTED', receipt = ?, receipted_at = ?
				where id = ? and status = 'RECEIVED'""").params(receipt, ts(at), id).update() == 1;
	}

	boolean withdraw(UUID id, Instant at) {
		return jdbc.sql("""
				update tendering.bids set status = 'WITHDRAWN', withdrawn_at = ? where id = ? and status <> 'WITHDRAWN'""")
			.params(ts(at), id).update() == 1;
	}

	Optional<Row> byId(UUID id) {
		return jdbc.sql("select * from tendering.bids where id = ?").param(id).query(Bids::row).optional();
	}

	Optional<Row> byKey(String submittedBy, String key) {
		return jdbc.sql("select * from tendering.bids where submitted_by = ? and idempotency_key = ?")
			.params(submittedBy, key).query(Bids::row).optional();
	}

	/** The bidder's bid in the section's current round that stands or waits for its receipt, if any. */
	Optional<Row> standing(SectionId section, EntityId bidder) {
		return jdbc.sql("select * from tendering.bids b where section_id = ? and bidder_id = ? and status <> 'WITHDRAWN' "
				+ CURRENT_ROUND)
			.params(section.value(), bidder.value()).query(Bids::row).optional();
	}

	List<BidView> of(SectionId section, EntityId bidder) {
		return jdbc.sql("select * from tendering.bids where section_id = ? and bidder_id = ? order by received_at desc")
			.params(section.value(), bidder.value()).query((rs, n) -> row(rs, n).view()).list();
	}

	int receiptedCount(SectionId section) {
		return jdbc.sql("select count(*) from tendering.bids b where section_id = ? and status = 'RECEIPTED' "
				+ CURRENT_ROUND)
			.param(section.value()).query(Integer.class).single();
	}

	Optional<String> sourceIp(UUID bid) {
		return jdbc.sql("select source_ip from tendering.bid_evidence where bid_id = ?").param(bid).query(String.class)
			.optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		BidView view = new BidView(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				TradeCode.of(rs.getString("trade_code")), rs.getString("bidder_name"), rs.getString("sha256"),
				rs.getString("sm3"), rs.getLong("size"), rs.getString("signer_fingerprint"), instant(rs, "sealed_at"),
				instant(rs, "received_at"), BidStatus.valueOf(rs.getString("status")), instant(rs, "receipted_at"),
				instant(rs, "withdrawn_at"));
		return new Row(view, new EntityId(rs.getObject("bidder_id", UUID.class)), RegionCode.of(rs.getString("region_code")),
				rs.getString("submitted_by"), rs.getString("idempotency_key"), rs.getBytes("statement"),
				rs.getBytes("receipt"));
	}
}
