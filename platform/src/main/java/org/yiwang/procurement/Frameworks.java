package org.yiwang.procurement;

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
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** The framework tables of the procurement schema. Row-level security limits every read. */
@Repository
class Frameworks {

	private static final String COLUMNS = """
			id, trade_code, region_code, category_code, title, requirements, unit, max_unit_price, evaluation,
			second_stage, entry_cap, term_months, purchaser_id, purchaser_name, purchaser_credit_code, submitted_at,
			status, published_at, response_deadline, notice_text, notice_signature, entry_text, entry_signature,
			selected_at, valid_until, failure_reason, version""";

	private static final String ORDER_COLUMNS = """
			id, framework_id, buyer_id, buyer_name, quantity, reason, status, offer_deadline, supplier_id, supplier_name,
			supplier_credit_code, unit_price, amount, order_text, order_signature, created_at, placed_at""";

	/** A response with its sealed unit price, which never leaves this module. */
	record Response(EntityId supplier, String name, String creditCode, String text, byte[] sealed, Instant respondedAt,
			BigDecimal unitPrice, BigDecimal qualityScore, Integer rank, boolean entered) {

		FrameworkSupplierView view(boolean withText) {
			return new FrameworkSupplierView(supplier, name, creditCode, respondedAt, withText ? text : null,
					unitPrice == null ? null : Money.of(unitPrice), qualityScore, rank, entered);
		}
	}

	record Offer(EntityId supplier, byte[] sealed, Instant offeredAt) {
	}

	private final JdbcClient jdbc;

	Frameworks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(FrameworkView f, int responseDays, String by) {
		jdbc.sql("""
				insert into procurement.frameworks (id, trade_code, region_code, category_code, title, requirements, unit,
				  max_unit_price, evaluation, second_stage, entry_cap, term_months, response_days, purchaser_id,
				  purchaser_name, purchaser_credit_code, submitted_by, submitted_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')""")
			.params(f.id(), f.tradeCode().value(), f.region().value(), f.category().value(), f.title(), f.requirements(),
					f.unit(), f.maxUnitPrice().yuan(), f.evaluation().name(), f.secondStage().name(), f.entryCap(),
					f.termMonths(), responseDays, f.purchaser().value(), f.purchaserName(), f.purchaserCreditCode(), by,
					ts(f.submittedAt()))
			.update();
	}

	int responseDays(UUID id) {
		return jdbc.sql("select response_days from procurement.frameworks where id = ?").param(id).query(Integer.class)
			.single();
	}

	Optional<FrameworkView> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from procurement.frameworks where id = ?").param(id)
			.query(Frameworks::map).optional();
	}

	FrameworkView forUpdate(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from procurement.frameworks where id = ? for update").param(id)
			.query(Frameworks::map).optional().orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
	}

	List<FrameworkView> where(String condition, Object... params) {
		return jdbc.sql("select " + COLUMNS + " from procurement.frameworks where " + condition
				+ " order by submitted_at desc limit 200").params(params).query(Frameworks::map).list();
	}

	void update(FrameworkView f, long seenVersion) {
		int updated = jdbc.sql("""
				update procurement.frameworks set status = ?, published_at = ?, response_deadline = ?, notice_text = ?,
				  notice_signature = ?, entry_text = ?, entry_signature = ?, selected_at = ?, valid_until = ?,
				  failure_reason = ?, version = version + 1
				where id = ? and version = ?""")
			.params(f.status().name(), ts(f.publishedAt()), ts(f.responseDeadline()), f.noticeText(), f.noticeSignature(),
					f.entryText(), f.entrySignature(), ts(f.selectedAt()), ts(f.validUntil()), f.failureReason(), f.id(),
					seenVersion)
			.update();
		if (updated == 0) {
			throw Refusal.conflict(null, "procurement.changedMeanwhile");
		}
	}

	/** A response, or its replacement until the deadline. */
	void respond(UUID framework, RegionCode region, EntityId supplier, String name, String creditCode, String text,
			byte[] sealed, Instant at, String by) {
		jdbc.sql("""
				insert into procurement.framework_suppliers (framework_id, supplier_id, region_code, supplier_name,
				  credit_code, response_text, price_sealed, responded_at, responded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (framework_id, supplier_id) do update set response_text = excluded.response_text,
				  price_sealed = excluded.price_sealed, responded_at = excluded.responded_at,
				  responded_by = excluded.responded_by""")
			.params(framework, supplier.value(), region.value(), name, creditCode, text, sealed, ts(at), by).update();
	}

	List<Response> responses(UUID framework) {
		return jdbc.sql("""
				select supplier_id, supplier_name, credit_code, response_text, price_sealed, responded_at, unit_price,
				  quality_score, rank, entered
				from procurement.framework_suppliers where framework_id = ?
				order by rank nulls last, supplier_name, supplier_id""").param(framework)
			.query((rs, n) -> new Response(new EntityId(rs.getObject("supplier_id", UUID.class)),
					rs.getString("supplier_name"), rs.getString("credit_code"), rs.getString("response_text"),
					rs.getBytes("price_sealed"), instant(rs, "responded_at"), rs.getBigDecimal("unit_price"),
					rs.getBigDecimal("quality_score"), (Integer) rs.getObject("rank"), rs.getBoolean("entered")))
			.list();
	}

	void ranked(UUID framework, EntityId supplier, BigDecimal price, BigDecimal qualityScore, int rank, boolean entered) {
		jdbc.sql("""
				update procurement.framework_suppliers set unit_price = ?, quality_score = ?, rank = ?, entered = ?
				where framework_id = ? and supplier_id = ?""")
			.params(price, qualityScore, rank, entered, framework, supplier.value()).update();
	}

	// --- second-stage orders ------------------------------------------------------------------------------------------

	void addOrder(FrameworkOrderView o, RegionCode region, String buyerCode, String by) {
		jdbc.sql("""
				insert into procurement.framework_orders (id, framework_id, region_code, buyer_id, buyer_name,
				  buyer_credit_code, quantity, reason, status, offer_deadline, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id(), o.framework(), region.value(), o.buyer().value(), o.buyerName(), buyerCode, o.quantity(),
					o.reason(), o.status().name(), ts(o.offerDeadline()), by, ts(o.createdAt()))
			.update();
	}

	void placeOrder(UUID order, FrameworkOrderStatus status, EntityId supplier, String name, String code,
			BigDecimal unitPrice, BigDecimal amount, String text, String signature, Instant at) {
		jdbc.sql("""
				update procurement.framework_orders set status = ?, supplier_id = ?, supplier_name = ?,
				  supplier_credit_code = ?, unit_price = ?, amount = ?, order_text = ?, order_signature = ?, placed_at = ?
				where id = ?""")
			.params(status.name(), supplier == null ? null : supplier.value(), name, code, unitPrice, amount, text,
					signature, ts(at), order)
			.update();
	}

	Optional<FrameworkOrderView> order(UUID id, boolean lock) {
		return jdbc.sql("select " + ORDER_COLUMNS + " from procurement.framework_orders where id = ?"
				+ (lock ? " for update" : "")).param(id).query(Frameworks::mapOrder).optional();
	}

	List<FrameworkOrderView> orders(UUID framework) {
		return jdbc.sql("select " + ORDER_COLUMNS
				+ " from procurement.framework_orders where framework_id = ? order by created_at desc, id").param(framework)
			.query(Frameworks::mapOrder).list();
	}

	/** Placed orders per entrant, for the rotation. */
	int placedWith(UUID framework, EntityId supplier) {
		return jdbc.sql("""
				select count(*) from procurement.framework_orders
				where framework_id = ? and supplier_id = ? and status = 'PLACED'""").params(framework, supplier.value())
			.query(Integer.class).single();
	}

	void offer(UUID order, RegionCode region, EntityId supplier, byte[] sealed, Instant at) {
		jdbc.sql("""
				insert into procurement.framework_offers (order_id, supplier_id, region_code, price_sealed, offered_at)
				values (?, ?, ?, ?, ?)
				on conflict (order_id, supplier_id) do update set price_sealed = excluded.price_sealed,
				  offered_at = excluded.offered_at""").params(order, supplier.value(), region.value(), sealed, ts(at))
			.update();
	}

	List<Offer> offers(UUID order) {
		return jdbc.sql("select supplier_id, price_sealed, offered_at from procurement.framework_offers where order_id = ?")
			.param(order)
			.query((rs, n) -> new Offer(new EntityId(rs.getObject("supplier_id", UUID.class)), rs.getBytes("price_sealed"),
					instant(rs, "offered_at")))
			.list();
	}

	private static FrameworkView map(ResultSet rs, int n) throws SQLException {
		return new FrameworkView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				RegionCode.of(rs.getString("region_code")), CategoryCode.of(rs.getString("category_code")),
				rs.getString("title"), rs.getString("requirements"), rs.getString("unit"),
				Money.of(rs.getBigDecimal("max_unit_price")), FrameworkEvaluation.valueOf(rs.getString("evaluation")),
				SecondStage.valueOf(rs.getString("second_stage")), (Integer) rs.getObject("entry_cap"),
				rs.getInt("term_months"), new EntityId(rs.getObject("purchaser_id", UUID.class)),
				rs.getString("purchaser_name"), rs.getString("purchaser_credit_code"), instant(rs, "submitted_at"),
				FrameworkStatus.valueOf(rs.getString("status")), instant(rs, "published_at"),
				instant(rs, "response_deadline"), rs.getString("notice_text"), rs.getString("notice_signature"),
				rs.getString("entry_text"), rs.getString("entry_signature"), instant(rs, "selected_at"),
				instant(rs, "valid_until"), rs.getString("failure_reason"), rs.getLong("version"), List.of());
	}

	private static FrameworkOrderView mapOrder(ResultSet rs, int n) throws SQLException {
		UUID supplier = rs.getObject("supplier_id", UUID.class);
		BigDecimal unit = rs.getBigDecimal("unit_price");
		BigDecimal amount = rs.getBigDecimal("amount");
		return new FrameworkOrderView(rs.getObject("id", UUID.class), rs.getObject("framework_id", UUID.class),
				new EntityId(rs.getObject("buyer_id", UUID.class)), rs.getString("buyer_name"), rs.getInt("quantity"),
				rs.getString("reason"), FrameworkOrderStatus.valueOf(rs.getString("status")),
				instant(rs, "offer_deadline"), supplier == null ? null : new EntityId(supplier),
				rs.getString("supplier_name"), rs.getString("supplier_credit_code"), unit == null ? null : Money.of(unit),
				amount == null ? null : Money.of(amount), rs.getString("order_text"), rs.getString("order_signature"),
				instant(rs, "created_at"), instant(rs, "placed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
