package org.yiwang.purchasing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Rounds, hospitals' quantities and suppliers' sealed bids; region-scoped in the database (row-level security). */
@Repository
class Rounds {

	private static final String ROUND = """
			select id, region_code, category_code, template_version, title, product_scope, ceiling_price, max_winners,
			  min_bids, report_deadline, bid_deadline, status, total_quantity, created_by, created_at, decided_at, version,
			  trade_code, result_text, result_signature
			from purchasing.rounds""";

	private static final String BID = """
			select b.id, b.round_id, b.supplier_id, b.supplier_name, b.product_id, p.name || ' ' || p.specification,
			  b.submitted_at, b.price, b.valid, b.rank, b.winner, b.volume
			from purchasing.round_bids b join purchasing.products p on p.id = b.product_id""";

	private final JdbcClient jdbc;

	Rounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(RoundView r) {
		jdbc.sql("""
				insert into purchasing.rounds (id, region_code, category_code, template_version, title, product_scope,
				  ceiling_price, max_winners, min_bids, report_deadline, bid_deadline, status, created_by, created_at,
				  trade_code)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(r.id(), r.region().value(), r.category().value(), r.templateVersion(), r.title(), r.productScope(),
					r.ceilingPrice().yuan(), r.maxWinners(), r.minBids(), Timestamp.from(r.reportDeadline()),
					Timestamp.from(r.bidDeadline()), r.createdBy(), Timestamp.from(r.createdAt()),
					r.tradeCode() == null ? null : r.tradeCode().value())
			.update();
	}

	Optional<RoundView> byId(UUID id) {
		return jdbc.sql(ROUND + " where id = ?").param(id).query(Rounds::round).optional();
	}

	/** Rounds visible in the transaction's scope, newest first. */
	List<RoundView> all(int limit) {
		return jdbc.sql(ROUND + " order by created_at desc limit ?").param(limit).query(Rounds::round).list();
	}

	/** Restates a hospital's quantity (one row per hospital and round). */
	void report(UUID round, RegionCode region, EntityId hospital, String hospitalName, long quantity, String by,
			Instant at) {
		jdbc.sql("""
				insert into purchasing.round_quantities (round_id, region_code, hospital_id, hospital_name, quantity,
				  reported_by, reported_at) values (?, ?, ?, ?, ?, ?, ?)
				on conflict (round_id, hospital_id) do update set quantity = excluded.quantity,
				  reported_by = excluded.reported_by, reported_at = excluded.reported_at""")
			.params(round, region.value(), hospital.value(), hospitalName, quantity, by, Timestamp.from(at)).update();
	}

	List<QuantityView> quantities(UUID round) {
		return jdbc.sql("""
				select round_id, hospital_id, hospital_name, quantity, reported_at from purchasing.round_quantities
				where round_id = ? order by hospital_name""")
			.param(round)
			.query((rs, n) -> new QuantityView(rs.getObject(1, UUID.class), new EntityId(rs.getObject(2, UUID.class)),
					rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	long totalQuantity(UUID round) {
		return jdbc.sql("select coalesce(sum(quantity), 0) from purchasing.round_quantities where round_id = ?")
			.param(round).query(Long.class).single();
	}

	/** A sealed bid; false when the supplier has bid in this round already. */
	boolean bid(UUID id, UUID round, RegionCode region, EntityId supplier, String supplierName, UUID product,
			byte[] sealed, String by, Instant at) {
		try {
			jdbc.sql("""
					insert into purchasing.round_bids (id, round_id, region_code, supplier_id, supplier_name, product_id,
					  sealed_price, submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, round, region.value(), supplier.value(), supplierName, product, sealed, by, Timestamp.from(at))
				.update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	record Sealed(UUID id, EntityId supplier, byte[] sealedPrice, Instant submittedAt) {
	}

	List<Sealed> sealedBids(UUID round) {
		return jdbc.sql("select id, supplier_id, sealed_price, submitted_at from purchasing.round_bids where round_id = ?")
			.param(round)
			.query((rs, n) -> new Sealed(rs.getObject(1, UUID.class), new EntityId(rs.getObject(2, UUID.class)),
					rs.getBytes(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	void disclose(UUID bid, Money price, VolumeAllocation.Outcome outcome) {
		jdbc.sql("update purchasing.round_bids set price = ?, valid = ?, rank = ?, winner = ?, volume = ? where id = ?")
			.params(price.yuan(), outcome.valid(), outcome.rank(), outcome.winner(), outcome.volume(), bid).update();
	}

	/** Closes an open round seen at {@code version}; false when it changed meanwhile. */
	boolean close(UUID round, long version, RoundStatus status, long total, String by, Instant at, TradeCode tradeCode,
			String resultText, String resultSignature) {
		return jdbc.sql("""
				update purchasing.rounds set status = ?, total_quantity = ?, decided_by = ?, decided_at = ?,
				  trade_code = ?, result_text = ?, result_signature = ?,
				  version = version + 1 where id = ? and version = ? and status = 'OPEN'""")
			.params(status.name(), total, by, Timestamp.from(at), tradeCode.value(), resultText, resultSignature, round,
					version)
			.update() == 1;
	}

	/** The bids of a round; the sealed price is never read here. */
	List<RoundBidView> bids(UUID round) {
		return jdbc.sql(BID + " where b.round_id = ? order by b.rank nulls last, b.submitted_at").param(round)
			.query(Rounds::bid).list();
	}

	List<RoundBidView> bidsOf(EntityId supplier) {
		return jdbc.sql(BID + " where b.supplier_id = ? order by b.submitted_at desc limit 200").param(supplier.value())
			.query(Rounds::bid).list();
	}

	private static RoundView round(ResultSet rs, int n) throws SQLException {
		long total = rs.getLong(13);
		Long totalQuantity = rs.wasNull() ? null : total;
		Timestamp decided = rs.getTimestamp(16);
		return new RoundView(rs.getObject(1, UUID.class), RegionCode.of(rs.getString(2)), CategoryCode.of(rs.getString(3)),
				rs.getInt(4), rs.getString(5), rs.getString(6), Money.of(rs.getBigDecimal(7)), rs.getInt(8), rs.getInt(9),
				rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), RoundStatus.valueOf(rs.getString(12)),
				totalQuantity, rs.getString(14), rs.getTimestamp(15).toInstant(), decided == null ? null : decided.toInstant(),
				rs.getLong(17), rs.getString(18) == null ? null : TradeCode.of(rs.getString(18)), rs.getString(19),
				rs.getString(20));
	}

	private static RoundBidView bid(ResultSet rs, int n) throws SQLException {
		java.math.BigDecimal price = rs.getBigDecimal(8);
		return new RoundBidView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				new EntityId(rs.getObject(3, UUID.class)), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
				rs.getTimestamp(7).toInstant(), price == null ? null : Money.of(price), (Boolean) rs.getObject(9),
				(Integer) rs.getObject(10), (Boolean) rs.getObject(11), (Long) rs.getObject(12));
	}
}
