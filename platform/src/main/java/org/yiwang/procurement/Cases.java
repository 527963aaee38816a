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

/** The procurement schema: cases, their suppliers, rounds and objections. Row-level security limits every read. */
@Repository
class Cases {

	private static final String CASE_COLUMNS = """
			id, trade_code, region_code, category_code, template_version, method, title, requirements, budget,
			single_source_reason, purchaser_id, purchaser_name, purchaser_credit_code, submitted_at, status, published_at,
			response_deadline, final_offer_deadline, rounds, notice_text, notice_signature, result_text, result_signature,
			winner_id, winner_name, winner_price, failure_reason, concluded_at, version""";

	/** A supplier's row with its sealed offers, which never leave this module. */
	record Supplier(UUID procurement, EntityId supplier, String name, String creditCode, Instant respondedAt,
			String responseText, byte[] firstSealed, BigDecimal firstOffer, byte[] finalSealed, Instant finalOfferAt,
			BigDecimal finalOffer, BigDecimal technicalScore, boolean envelopeSealed) {

		SupplierView view(boolean disclosed) {
			return new SupplierView(supplier, name, creditCode, respondedAt, disclosed ? responseText : null,
					finalSealed != null || firstSealed != null || envelopeSealed, disclosed && firstOffer != null ? Money.of(firstOffer) : null,
					finalOfferAt, disclosed && finalOffer != null ? Money.of(finalOffer) : null, technicalScore);
		}
	}

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ProcurementView c, int responseDays, String submittedBy) {
		jdbc.sql("""
				insert into procurement.cases (id, trade_code, region_code, category_code, template_version, method, title,
				  requirements, budget, single_source_reason, response_days, purchaser_id, purchaser_name,
				  purchaser_credit_code, submitted_by, submitted_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')""")
			.params(c.id(), c.tradeCode().value(), c.region().value(), c.category().value(), c.templateVersion(),
					c.method().name(), c.title(), c.requirements(), c.budget().yuan(), c.singleSourceReason(), responseDays,
					c.purchaser().value(), c.purchaserName(), c.purchaserCreditCode(), submittedBy, ts(c.submittedAt()))
			.update();
	}

	/** The days the purchaser asked for, counted from publication. */
	int responseDays(UUID id) {
		return jdbc.sql("select response_days from procurement.cases where id = ?").param(id).query(Integer.class).single();
	}

	void addSupplier(UUID procurement, RegionCode region, EntityId supplier, String name, String creditCode) {
		jdbc.sql("""
				insert into procurement.suppliers (case_id, supplier_id, region_code, supplier_name, credit_code)
				values (?, ?, ?, ?, ?)""").params(procurement, supplier.value(), region.value(), name, creditCode).update();
	}

	Optional<ProcurementView> find(UUID id) {
		return jdbc.sql("select " + CASE_COLUMNS + " from procurement.cases where id = ?").param(id).query(Cases::map)
			.optional();
	}

	ProcurementView forUpdate(UUID id) {
		return jdbc.sql("select " + CASE_COLUMNS + " from procurement.cases where id = ? for update").param(id)
			.query(Cases::map).optional().orElseThrow(() -> Refusal.notFound("procurement.notFound"));
	}

	List<ProcurementView> where(String condition, Object... params) {
		return jdbc.sql("select " + CASE_COLUMNS + " from procurement.cases where " + condition
				+ " order by submitted_at desc limit 200").params(params).query(Cases::map).list();
	}

	/** Writes the case's changing columns, if nobody changed it since {@code seenVersion}. */
	void update(ProcurementView c, long seenVersion) {
		int updated = jdbc.sql("""
				update procurement.cases set status = ?, published_at = ?, response_deadline = ?, final_offer_deadline = ?,
				  rounds = ?, notice_text = ?, notice_signature = ?, result_text = ?, result_signature = ?, winner_id = ?,
				  winner_name = ?, winner_price = ?, failure_reason = ?, concluded_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(c.status().name(), ts(c.publishedAt()), ts(c.responseDeadline()), ts(c.finalOfferDeadline()),
					c.rounds(), c.noticeText(), c.noticeSignature(), c.resultText(), c.resultSignature(),
					c.winner() == null ? null : c.winner().value(), c.winnerName(),
					c.winnerPrice() == null ? null : c.winnerPrice().yuan(), c.failureReason(), ts(c.concludedAt()), c.id(),
					seenVersion)
			.update();
		if (updated == 0) {
			throw Refusal.conflict(null, "procurement.changedMeanwhile");
		}
	}

	List<Supplier> suppliers(UUID procurement) {
		return jdbc.sql("""
				select case_id, supplier_id, supplier_name, credit_code, responded_at, response_text, first_offer_sealed,
				  first_offer, final_offer_sealed, final_offer_at, final_offer, technical_score,
				  exists (select 1 from procurement.sealed_offers o where o.subject_id = s.case_id
				    and o.supplier_id = s.supplier_id) as envelope_sealed
				from procurement.suppliers s where case_id = ? order by supplier_name, supplier_id""").param(procurement)
			.query((rs, n) -> new Supplier(rs.getObject("case_id", UUID.class),
					new EntityId(rs.getObject("supplier_id", UUID.class)), rs.getString("supplier_name"),
					rs.getString("credit_code"), instant(rs, "responded_at"), rs.getString("response_text"),
					rs.getBytes("first_offer_sealed"), rs.getBigDecimal("first_offer"), rs.getBytes("final_offer_sealed"),
					instant(rs, "final_offer_at"), rs.getBigDecimal("final_offer"), rs.getBigDecimal("technical_score"),
					rs.getBoolean("envelope_sealed")))
			.list();
	}

	void respond(UUID procurement, EntityId supplier, String text, byte[] sealed, Instant at, String by) {
		jdbc.sql("""
				update procurement.suppliers set response_text = ?, first_offer_sealed = ?, responded_at = ?, responded_by = ?
				where case_id = ? and supplier_id = ?""").params(text, sealed, ts(at), by, procurement, supplier.value())
			.update();
	}

	void sealFinalOffer(UUID procurement, EntityId supplier, byte[] sealed, Instant at) {
		jdbc.sql("""
				update procurement.suppliers set final_offer_sealed = ?, final_offer_at = ?
				where case_id = ? and supplier_id = ?""").params(sealed, ts(at), procurement, supplier.value()).update();
	}

	void opened(UUID procurement, EntityId supplier, BigDecimal first, BigDecimal last, BigDecimal technicalScore) {
		jdbc.sql("""
				update procurement.suppliers set first_offer = ?, final_offer = ?, technical_score = ?
				where case_id = ? and supplier_id = ?""").params(first, last, technicalScore, procurement, supplier.value())
			.update();
	}

	void addRound(UUID procurement, RegionCode region, int round, EntityId supplier, String note, String by, Instant at) {
		jdbc.sql("""
				insert into procurement.rounds (case_id, round, supplier_id, region_code, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""").params(procurement, round, supplier.value(), region.value(), note, by, ts(at))
			.update();
	}

	List<RoundView> rounds(UUID procurement) {
		return jdbc.sql("""
				select r.round, r.supplier_id, s.supplier_name, r.note, r.recorded_by, r.recorded_at
				from procurement.rounds r join procurement.suppliers s on s.case_id = r.case_id and s.supplier_id = r.supplier_id
				where r.case_id = ? order by r.round, s.supplier_name""").param(procurement)
			.query((rs, n) -> new RoundView(rs.getInt("round"), new EntityId(rs.getObject("supplier_id", UUID.class)),
					rs.getString("supplier_name"), rs.getString("note"), rs.getString("recorded_by"),
					instant(rs, "recorded_at")))
			.list();
	}

	void addObjection(UUID id, UUID procurement, RegionCode region, String objector, String by, String text, Instant at) {
		jdbc.sql("""
				insert into procurement.objections (id, case_id, region_code, objector_name, raised_by, text, raised_at, status)
				values (?, ?, ?, ?, ?, ?, ?, 'OPEN')""").params(id, procurement, region.value(), objector, by, text, ts(at))
			.update();
	}

	List<ObjectionView> objections(UUID procurement) {
		return jdbc.sql("""
				select id, case_id, objector_name, text, raised_at, status, answer, answered_at
				from procurement.objections where case_id = ? order by raised_at""").param(procurement)
			.query(Cases::objection).list();
	}

	Optional<ObjectionView> objection(UUID id) {
		return jdbc.sql("""
				select id, case_id, objector_name, text, raised_at, status, answer, answered_at
				from procurement.objections where id = ? for update""").param(id).query(Cases::objection).optional();
	}

	void answer(UUID objection, boolean upheld, String answer, String by, Instant at) {
		jdbc.sql("""
				update procurement.objections set status = ?, answer = ?, answered_by = ?, answered_at = ?
				where id = ? and status = 'OPEN'""").params(upheld ? "UPHELD" : "DISMISSED", answer, by, ts(at), objection)
			.update();
	}

	private static ObjectionView objection(ResultSet rs, int n) throws SQLException {
		return new ObjectionView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("objector_name"), rs.getString("text"), instant(rs, "raised_at"), rs.getString("status"),
				rs.getString("answer"), instant(rs, "answered_at"));
	}

	private static ProcurementView map(ResultSet rs, int n) throws SQLException {
		UUID winner = rs.getObject("winner_id", UUID.class);
		BigDecimal price = rs.getBigDecimal("winner_price");
		return new ProcurementView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				RegionCode.of(rs.getString("region_code")), CategoryCode.of(rs.getString("category_code")),
				rs.getInt("template_version"), ProcurementMethod.valueOf(rs.getString("method")), rs.getString("title"),
				rs.getString("requirements"), Money.of(rs.getBigDecimal("budget")), rs.getString("single_source_reason"),
				new EntityId(rs.getObject("purchaser_id", UUID.class)), rs.getString("purchaser_name"),
				rs.getString("purchaser_credit_code"), instant(rs, "submitted_at"),
				ProcurementStatus.valueOf(rs.getString("status")), instant(rs, "published_at"),
				instant(rs, "response_deadline"), instant(rs, "final_offer_deadline"), rs.getInt("rounds"),
				rs.getString("notice_text"), rs.getString("notice_signature"), rs.getString("result_text"),
				rs.getString("result_signature"), winner == null ? null : new EntityId(winner), rs.getString("winner_name"),
				price == null ? null : Money.of(price), rs.getString("failure_reason"), instant(rs, "concluded_at"),
				rs.getLong("version"), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
