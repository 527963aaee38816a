package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/** Service requests, their sign-ups and ratings (region-scoped tables, row-level security). */
@Repository
class Requests {

	private static final String COLUMNS = "id, trade_code, region_code, owner_id, owner_name, service_type, title, scope, "
			+ "fee_ceiling, required_grade, deadline, method, price_weight, direct_basis, direct_reason, status, seed_sha256, "
			+ "pool_sha256, selected_id, selected_name, selected_price, selection_note, selected_at, contract_amount, "
			+ "contracted_at, delivery_note, delivered_at, accepted_at, published_at, version";

	private final JdbcClient jdbc;

	Requests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("select nextval('intermediary.request_numbers')").query(Long.class).single();
	}

	void add(RequestView r, String publishedBy, byte[] sealedSeed) {
		jdbc.sql("""
				insert into intermediary.requests (id, trade_code, region_code, owner_id, owner_name, published_by,
				  service_type, title, scope, fee_ceiling, required_grade, deadline, method, price_weight, direct_basis,
				  direct_reason, status, seed_sealed, seed_sha256, published_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.tradeCode().value(), r.region().value(), r.owner(), r.ownerName(), publishedBy,
					r.serviceType(), r.title(), r.scope(), r.feeCeiling(), r.requiredGrade(), ts(r.deadline()),
					r.method().name(), r.priceWeight(), r.directBasis() == null ? null : r.directBasis().name(),
					r.directReason(), r.status().name(), sealedSeed, r.seedSha256(), ts(r.publishedAt()))
			.update();
	}

	Optional<RequestView> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from intermediary.requests where id = ?").param(id).query(Requests::view)
			.optional();
	}

	List<RequestView> latest(int limit) {
		return jdbc.sql("select " + COLUMNS + " from intermediary.requests order by published_at desc limit ?")
			.param(limit).query(Requests::view).list();
	}

	List<RequestView> ofOwner(UUID owner) {
		return jdbc.sql("select " + COLUMNS + " from intermediary.requests where owner_id = ? order by published_at desc")
			.param(owner).query(Requests::view).list();
	}

	List<RequestView> selecting(UUID intermediary) {
		return jdbc.sql("select " + COLUMNS + " from intermediary.requests where selected_id = ? order by selected_at desc")
			.param(intermediary).query(Requests::view).list();
	}

	List<RequestView> signedUpBy(UUID intermediary) {
		return jdbc.sql("select " + COLUMNS + " from intermediary.requests r where exists (select 1 from "
				+ "intermediary.signups s where s.request_id = r.id and s.intermediary_id = ?) order by published_at desc")
			.param(intermediary).query(Requests::view).list();
	}

	List<RequestView> direct() {
		return jdbc.sql("select " + COLUMNS + " from intermediary.requests where method = 'DIRECT' order by published_at desc")
			.query(Requests::view).list();
	}

	/** Direct selections of the intermediary by the owner published from {@code since} on. */
	int directSelections(UUID owner, UUID intermediary, Instant since) {
		return jdbc.sql("select count(*) from intermediary.requests where owner_id = ? and selected_id = ? "
				+ "and method = 'DIRECT' and published_at >= ?")
			.params(owner, intermediary, ts(since)).query(Integer.class).single();
	}

	Optional<byte[]> sealedSeed(UUID id) {
		return jdbc.sql("select seed_sealed from intermediary.requests where id = ?").param(id).query(byte[].class)
			.optional();
	}

	record Draw(byte[] seed, String pool) {
	}

	Optional<Draw> draw(UUID id) {
		return jdbc.sql("select seed, pool from intermediary.requests where id = ? and seed is not null").param(id)
			.query((rs, n) -> new Draw(rs.getBytes(1), rs.getString(2))).optional();
	}

	void select(UUID id, RequestStatus status, UUID selected, String name, BigDecimal price, String note, Instant at,
			byte[] seed, String pool, String poolSha256) {
		jdbc.sql("""
				update intermediary.requests set status = ?, selected_id = ?, selected_name = ?, selected_price = ?,
				  selection_note = ?, selected_at = ?, seed = ?, pool = ?, pool_sha256 = ?, version = version + 1
				where id = ?""")
			.params(status.name(), selected, name, price, note, ts(at), seed, pool, poolSha256, id)
			.update();
	}

	void contract(UUID id, BigDecimal amount, Instant at) {
		jdbc.sql("update intermediary.requests set status = 'CONTRACTED', contract_amount = ?, contracted_at = ?, "
				+ "version = version + 1 where id = ? and status = 'SELECTED'").params(amount, ts(at), id).update();
	}

	void deliver(UUID id, String note, Instant at) {
		jdbc.sql("update intermediary.requests set status = 'DELIVERED', delivery_note = ?, delivered_at = ?, "
				+ "version = version + 1 where id = ? and status = 'CONTRACTED'").params(note, ts(at), id).update();
	}

	void accept(UUID id, Instant at) {
		jdbc.sql("update intermediary.requests set status = 'ACCEPTED', accepted_at = ?, version = version + 1 "
				+ "where id = ? and status = 'DELIVERED'").params(ts(at), id).update();
	}

	void rated(UUID id) {
		jdbc.sql("update intermediary.requests set status = 'RATED', version = version + 1 where id = ? and "
				+ "status = 'ACCEPTED'").param(id).update();
	}

	private static RequestView view(ResultSet rs, int n) throws SQLException {
		String basis = rs.getString("direct_basis");
		return new RequestView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				RegionCode.of(rs.getString("region_code")), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
				rs.getString("service_type"), rs.getString("title"), rs.getString("scope"), rs.getBigDecimal("fee_ceiling"),
				rs.getString("required_grade"), instant(rs, "deadline"), SelectionMethod.valueOf(rs.getString("method")),
				(Integer) rs.getObject("price_weight"), basis == null ? null : DirectBasis.valueOf(basis),
				rs.getString("direct_reason"), RequestStatus.valueOf(rs.getString("status")), rs.getString("seed_sha256"),
				rs.getString("pool_sha256"), rs.getObject("selected_id", UUID.class), rs.getString("selected_name"),
				rs.getBigDecimal("selected_price"), rs.getString("selection_note"), instant(rs, "selected_at"),
				rs.getBigDecimal("contract_amount"), instant(rs, "contracted_at"), rs.getString("delivery_note"),
				instant(rs, "delivered_at"), instant(rs, "accepted_at"), instant(rs, "published_at"), rs.getLong("version"));
	}

	// ---- sign-ups --------------------------------------------------------------------------------------------------

	record StoredSignup(UUID id, UUID intermediary, String name, Instant signedAt, byte[] sealedQuote, String quoteSha256,
			BigDecimal quote, BigDecimal score, String excludedReason) {

		SignupView view(UUID request) {
			return new SignupView(id, request, name, intermediary, signedAt, quoteSha256, quote, score, excludedReason);
		}
	}

	void addSignup(UUID id, UUID request, RegionCode region, UUID intermediary, String name, String by, Instant at,
			byte[] sealedQuote, String quoteSha256) {
		jdbc.sql("""
				insert into intermediary.signups (id, request_id, region_code, intermediary_id, intermediary_name,
				  signed_by, signed_at, quote_sealed, quote_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, request, region.value(), intermediary, name, by, ts(at), sealedQuote, quoteSha256)
			.update();
	}

	List<StoredSignup> signups(UUID request) {
		return jdbc.sql("select id, intermediary_id, intermediary_name, signed_at, quote_sealed, quote_sha256, quote, "
				+ "score, excluded_reason from intermediary.signups where request_id = ? order by signed_at, id")
			.param(request)
			.query((rs, n) -> new StoredSignup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getBytes(5), rs.getString(6), rs.getBigDecimal(7),
					rs.getBigDecimal(8), rs.getString(9)))
			.list();
	}

	void opened(UUID signup, BigDecimal quote, BigDecimal score, String excludedReason) {
		jdbc.sql("update intermediary.signups set quote = ?, score = ?, excluded_reason = ? where id = ?")
			.params(quote, score, excludedReason, signup).update();
	}

	// ---- ratings ---------------------------------------------------------------------------------------------------

	void addRating(UUID request, RegionCode region, UUID intermediary, NewRating r, String comment, String by, Instant at) {
		jdbc.sql("""
				insert into intermediary.ratings (request_id, region_code, intermediary_id, quality, timeliness, attitude,
				  comment, rated_by, rated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(request, region.value(), intermediary, r.quality(), r.timeliness(), r.attitude(), comment, by, ts(at))
			.update();
	}

	List<RatingView> ratings(UUID intermediary) {
		return jdbc.sql("""
				select r.id, r.trade_code, r.title, r.owner_name, g.quality, g.timeliness, g.attitude, g.comment, g.rated_at
				from intermediary.ratings g join intermediary.requests r on r.id = g.request_id
				where g.intermediary_id = ? order by g.rated_at desc""")
			.param(intermediary)
			.query((rs, n) -> new RatingView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}

	Optional<RatingView> rating(UUID request) {
		return jdbc.sql("""
				select r.id, r.trade_code, r.title, r.owner_name, g.quality, g.timeliness, g.attitude, g.comment, g.rated_at
				from intermediary.ratings g join intermediary.requests r on r.id = g.request_id where g.request_id = ?""")
			.param(request)
			.query((rs, n) -> new RatingView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8),
					rs.getTimestamp(9).toInstant()))
			.optional();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
