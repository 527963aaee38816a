package org.yiwang.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;

/** Complaints, their evidence and their pauses. The region policy decides which rows a transaction sees. */
@Repository
class ComplaintRecords {

	/** A complaint row with its evidence and pauses, before the clock is worked out. */
	record Row(UUID id, UUID section, String tradeCode, String sectionName, CategoryCode category,
			Department department, RegionCode region, ComplaintRegime regime, ComplaintGround ground, UUID complainantId,
			String complainantName, String filedBy, String matter, String request, LocalDate knownOn,
			LocalDate objectionRaisedOn, LocalDate objectionAnsweredOn, Instant filedAt, LocalDate filedOn,
			LocalDate acceptanceDue, ComplaintStatus status, LocalDate acceptedOn, String decidedBy,
			String notAcceptedReason, RulingOutcome outcome, String ruling, UUID rulingAct, Instant ruledAt,
			Instant acceptanceOverdueAt, Instant rulingOverdueAt, long version) {
	}

	private final JdbcClient jdbc;

	ComplaintRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Row c) {
		jdbc.sql("""
				insert into supervision.complaint_complaints (id, section_id, trade_code, section_name, category_code,
				  department, region_code, regime, ground, complainant_id, complainant_name, filed_by, matter, request,
				  known_on, objection_raised_on, objection_answered_on, filed_at, filed_on, acceptance_due, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED')""")
			.params(c.id(), c.section(), c.tradeCode(), c.sectionName(), c.category().value(), c.department().name(),
					c.region().value(), c.regime().name(), c.ground().name(), c.complainantId(), c.complainantName(),
					c.filedBy(), c.matter(), c.request(), date(c.knownOn()), date(c.objectionRaisedOn()),
					date(c.objectionAnsweredOn()), ts(c.filedAt()), date(c.filedOn()), date(c.acceptanceDue()))
			.update();
	}

	Optional<Row> byId(UUID id) {
		return jdbc.sql("select * from supervision.complaint_complaints where id = ?").param(id)
			.query(ComplaintRecords::row).optional();
	}

	Optional<Row> lock(UUID id) {
		return jdbc.sql("select * from supervision.complaint_complaints where id = ? for update").param(id)
			.query(ComplaintRecords::row).optional();
	}

	List<Row> ofComplainant(UUID entity) {
		return jdbc.sql("select * from supervision.complaint_complaints where complainant_id = ? order by filed_at desc limit 200")
			.param(entity).query(ComplaintRecords::row).list();
	}

	/** The complaints of these categories in the transaction's regions (the policy filters regions). */
	List<Row> ofCategories(List<String> categories) {
		return jdbc.sql("""
				select * from supervision.complaint_complaints where category_code = any(?)
				order by (status in ('FILED', 'ACCEPTED')) desc, filed_at desc limit 500""")
			.param(categories.toArray(String[]::new)).query(ComplaintRecords::row).list();
	}

	List<Row> open() {
		return jdbc.sql("select * from supervision.complaint_complaints where status in ('FILED', 'ACCEPTED')")
			.query(ComplaintRecords::row).list();
	}

	boolean accept(UUID id, long version, LocalDate on, String by, Instant at) {
		return jdbc.sql("""
				update supervision.complaint_complaints set status = 'ACCEPTED', accepted_on = ?, decided_by = ?,
				  decided_at = ?, version = version + 1 where id = ? and version = ? and status = 'FILED'""")
			.params(date(on), by, ts(at), id, version).update() == 1;
	}

	boolean notAccept(UUID id, String reason, String by, Instant at, UUID act) {
		return jdbc.sql("""
				update supervision.complaint_complaints set status = 'NOT_ACCEPTED', not_accepted_reason = ?,
				  decided_by = ?, decided_at = ?, ruling_act = ?, version = version + 1
				where id = ? and status = 'FILED'""").params(reason, by, ts(at), act, id).update() == 1;
	}

	boolean rule(UUID id, RulingOutcome outcome, String ruling, UUID act, Instant at) {
		return jdbc.sql("""
				update supervision.complaint_complaints set status = 'RULED', outcome = ?, ruling = ?, ruling_act = ?,
				  ruled_at = ?, version = version + 1 where id = ? and status = 'ACCEPTED'""")
			.params(outcome.name(), ruling, act, ts(at), id).update() == 1;
	}

	boolean flagOverdue(UUID id, String step, Instant at) {
		String column = "acceptance".equals(step) ? "acceptance_overdue_at" : "ruling_overdue_at";
		return jdbc.sql("update supervision.complaint_complaints set " + column + " = ? where id = ? and " + column
				+ " is null").params(ts(at), id).update() == 1;
	}

	void addEvidence(UUID complaint, RegionCode region, ComplaintView.Evidence e) {
		jdbc.sql("""
				insert into supervision.complaint_evidence (id, complaint_id, region_code, file_name, content_type,
				  size, sha256, sm3, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.id(), complaint, region.value(), e.fileName(), e.contentType(), e.size(), e.sha256(), e.sm3(),
					ts(e.uploadedAt()))
			.update();
	}

	List<ComplaintView.Evidence> evidence(UUID complaint) {
		return jdbc.sql("select * from supervision.complaint_evidence where complaint_id = ? order by uploaded_at, file_name")
			.param(complaint)
			.query((rs, n) -> new ComplaintView.Evidence(rs.getObject("id", UUID.class), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), rs.getString("sm3"),
					instant(rs, "uploaded_at")))
			.list();
	}

	/** The evidence file and the complaint it belongs to. */
	Optional<UUID> complaintOfEvidence(UUID evidence) {
		return jdbc.sql("select complaint_id from supervision.complaint_evidence where id = ?").param(evidence)
			.query(UUID.class).optional();
	}

	void addPause(UUID complaint, RegionCode region, ComplaintView.Pause p, String by) {
		jdbc.sql("""
				insert into supervision.complaint_pauses (id, complaint_id, region_code, kind, reason, started_on,
				  started_by) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), complaint, region.value(), p.kind().name(), p.reason(), date(p.startedOn()), by)
			.update();
	}

	boolean endPause(UUID complaint, LocalDate on, String by) {
		return jdbc.sql("""
				update supervision.complaint_pauses set ended_on = ?, ended_by = ?
				where complaint_id = ? and ended_on is null""").params(date(on), by, complaint).update() == 1;
	}

	List<ComplaintView.Pause> pauses(UUID complaint) {
		return jdbc.sql("select * from supervision.complaint_pauses where complaint_id = ? order by started_on, id")
			.param(complaint)
			.query((rs, n) -> new ComplaintView.Pause(rs.getObject("id", UUID.class),
					PauseKind.valueOf(rs.getString("kind")), rs.getString("reason"), day(rs, "started_on"),
					day(rs, "ended_on")))
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("section_id", UUID.class), rs.getString("trade_code"),
				rs.getString("section_name"), CategoryCode.of(rs.getString("category_code")),
				Department.valueOf(rs.getString("department")), RegionCode.of(rs.getString("region_code")),
				ComplaintRegime.valueOf(rs.getString("regime")), ComplaintGround.valueOf(rs.getString("ground")),
				rs.getObject("complainant_id", UUID.class), rs.getString("complainant_name"), rs.getString("filed_by"),
				rs.getString("matter"), rs.getString("request"), day(rs, "known_on"), day(rs, "objection_raised_on"),
				day(rs, "objection_answered_on"), instant(rs, "filed_at"), day(rs, "filed_on"),
				day(rs, "acceptance_due"), ComplaintStatus.valueOf(rs.getString("status")), day(rs, "accepted_on"),
				rs.getString("decided_by"), rs.getString("not_accepted_reason"),
				outcome == null ? null : RulingOutcome.valueOf(outcome), rs.getString("ruling"),
				rs.getObject("ruling_act", UUID.class), instant(rs, "ruled_at"), instant(rs, "acceptance_overdue_at"),
				instant(rs, "ruling_overdue_at"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}
}
