package org.yiwang.servicedesk;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The item list, requests, their documents, ratings and rectifications (region-scoped tables but the list). */
@Repository
class ServiceRecords {

	private static final String ITEM = "code, name_zh, name_en, time_limit_days, documents_zh, documents_en, automatic, "
			+ "revised_by, revised_at";

	private static final String REQUEST = "id, number, region_code, item_code, channel, subject, detail, requester, "
			+ "requester_name, filed_by, filed_at, filed_on, due_on, warn_on, time_limit_days, assignee, status, "
			+ "escalated_at, finished_at, finished_by, outcome, working_days, within_limit, version";

	private final JdbcClient jdbc;

	ServiceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- items -----------------------------------------------------------------------------------------------------

	List<ServiceItemView> items() {
		return jdbc.sql("select " + ITEM + " from servicedesk.items order by position").query(ServiceRecords::item).list();
	}

	Optional<ServiceItemView> item(String code) {
		return jdbc.sql("select " + ITEM + " from servicedesk.items where code = ?").param(code)
			.query(ServiceRecords::item).optional();
	}

	void reviseItem(String code, int limit, String documentsZh, String documentsEn, String by, Instant at) {
		jdbc.sql("update servicedesk.items set time_limit_days = ?, documents_zh = ?, documents_en = ?, revised_by = ?, "
				+ "revised_at = ? where code = ?").params(limit, documentsZh, documentsEn, by, ts(at), code).update();
	}

	private static ServiceItemView item(ResultSet rs, int n) throws SQLException {
		return new ServiceItemView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
				rs.getString(6), rs.getBoolean(7), rs.getString(8), instant(rs, "revised_at"));
	}

	// ---- requests --------------------------------------------------------------------------------------------------

	String nextNumber(int year) {
		long n = jdbc.sql("select nextval('servicedesk.request_numbers')").query(Long.class).single();
		return "FW-" + year + "-" + String.format("%06d", n);
	}

	void add(ServiceRequestView r, String sourceRef, boolean placeholder) {
		jdbc.sql("""
				insert into servicedesk.requests (id, number, region_code, item_code, channel, subject, detail, requester,
				  requester_name, source_ref, filed_by, filed_at, filed_on, due_on, warn_on, time_limit_days, assignee,
				  status, finished_at, finished_by, outcome, working_days, within_limit, placeholder)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.number(), r.region().value(), r.item(), r.channel().name(), r.subject(), r.detail(),
					r.requester(), r.requesterName(), sourceRef, r.filedBy(), ts(r.filedAt()), date(r.filedOn()),
					date(r.dueOn()), date(r.warnOn()), r.timeLimitDays(), r.assignee(), r.status().name(),
					ts(r.finishedAt()), r.finishedBy(), r.outcome(), r.workingDays(), r.withinLimit(), placeholder)
			.update();
	}

	Optional<ServiceRequestView> byId(UUID id) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests where id = ?").param(id)
			.query(ServiceRecords::request).optional();
	}

	/** The requests the scope shows (row-level security does the choosing), open ones first, newest first. */
	List<ServiceRequestView> inScope(int limit) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests order by status desc, filed_at desc limit ?")
			.param(limit).query(ServiceRecords::request).list();
	}

	List<ServiceRequestView> ofRequester(String username) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests where requester = ? order by filed_at desc")
			.param(username).query(ServiceRecords::request).list();
	}

	List<ServiceRequestView> ofSource(String sourceRef) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests where source_ref = ? order by filed_at")
			.param(sourceRef).query(ServiceRecords::request).list();
	}

	/** The request a module's step opened for this subject and has not finished, latest first. */
	Optional<ServiceRequestView> openFor(String sourceRef) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests where source_ref = ? and status = 'OPEN' "
				+ "order by filed_at desc limit 1").param(sourceRef).query(ServiceRecords::request).optional();
	}

	/** A record made by a finishing step that arrived before its opening step (events run concurrently). */
	Optional<ServiceRequestView> placeholderFor(String sourceRef) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests where source_ref = ? and placeholder "
				+ "order by filed_at desc limit 1").param(sourceRef).query(ServiceRecords::request).optional();
	}

	boolean openedAt(String sourceRef, Instant at) {
		return jdbc.sql("select count(*) from servicedesk.requests where source_ref = ? and filed_at = ?")
			.params(sourceRef, ts(at)).query(Integer.class).single() > 0;
	}

	boolean finishedAt(String sourceRef, Instant at) {
		return jdbc.sql("select count(*) from servicedesk.requests where source_ref = ? and finished_at = ?")
			.params(sourceRef, ts(at)).query(Integer.class).single() > 0;
	}

	/** The placeholder learns when it was really filed; the timer is counted anew. */
	void filedEarlier(UUID id, String requester, String requesterName, String subject, Instant filedAt, LocalDate filedOn,
			LocalDate dueOn, LocalDate warnOn, int workingDays, boolean withinLimit) {
		jdbc.sql("""
				update servicedesk.requests set requester = ?, requester_name = ?, subject = ?, filed_at = ?, filed_on = ?,
				  due_on = ?, warn_on = ?, working_days = ?, within_limit = ?, placeholder = false, version = version + 1
				where id = ?""")
			.params(requester, requesterName, subject, ts(filedAt), date(filedOn), date(dueOn), date(warnOn), workingDays,
					withinLimit, id)
			.update();
	}

	int assign(UUID id, String assignee, long version) {
		return jdbc.sql("update servicedesk.requests set assignee = ?, version = version + 1 where id = ? and version = ? "
				+ "and status = 'OPEN'").params(assignee, id, version).update();
	}

	int finish(UUID id, Instant at, LocalDate on, String by, String outcome, int workingDays, boolean withinLimit) {
		return jdbc.sql("""
				update servicedesk.requests set status = 'DONE', finished_at = ?, finished_on = ?, finished_by = ?,
				  assignee = coalesce(assignee, ?), outcome = ?, working_days = ?, within_limit = ?, version = version + 1
				where id = ? and status = 'OPEN'""")
			.params(ts(at), date(on), by, by, outcome, workingDays, withinLimit, id)
			.update();
	}

	/** Open requests whose escalation day has come and that have not been escalated yet. */
	List<ServiceRequestView> dueForEscalation(LocalDate today) {
		return jdbc.sql("select " + REQUEST + " from servicedesk.requests where status = 'OPEN' and escalated_at is null "
				+ "and warn_on <= ? order by warn_on").param(date(today)).query(ServiceRecords::request).list();
	}

	int escalate(UUID id, Instant at) {
		return jdbc.sql("update servicedesk.requests set escalated_at = ?, version = version + 1 where id = ? and "
				+ "escalated_at is null and status = 'OPEN'").params(ts(at), id).update();
	}

	private static ServiceRequestView request(ResultSet rs, int n) throws SQLException {
		return new ServiceRequestView(rs.getObject("id", UUID.class), rs.getString("number"),
				RegionCode.of(rs.getString("region_code")), rs.getString("item_code"), Channel.valueOf(rs.getString("channel")),
				rs.getString("subject"), rs.getString("detail"), rs.getString("requester"), rs.getString("requester_name"),
				rs.getString("filed_by"), instant(rs, "filed_at"), rs.getDate("filed_on").toLocalDate(),
				rs.getDate("due_on").toLocalDate(), rs.getDate("warn_on").toLocalDate(), rs.getInt("time_limit_days"),
				rs.getString("assignee"), ServiceStatus.valueOf(rs.getString("status")), instant(rs, "escalated_at"),
				instant(rs, "finished_at"), rs.getString("finished_by"), rs.getString("outcome"),
				(Integer) rs.getObject("working_days"), (Boolean) rs.getObject("within_limit"), rs.getLong("version"));
	}

	// ---- documents -------------------------------------------------------------------------------------------------

	void addDocument(UUID id, UUID request, RegionCode region, String name, long size, String sha256, String by,
			Instant at) {
		jdbc.sql("insert into servicedesk.documents (id, request_id, region_code, file_name, size, sha256, uploaded_by, "
				+ "uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, request, region.value(), name, size, sha256, by, ts(at)).update();
	}

	List<DocumentView> documents(UUID request) {
		return jdbc.sql("select id, file_name, size, sha256, uploaded_by, uploaded_at from servicedesk.documents "
				+ "where request_id = ? order by uploaded_at, id").param(request)
			.query((rs, n) -> new DocumentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	// ---- ratings and rectifications --------------------------------------------------------------------------------

	void addRating(UUID request, RegionCode region, SatisfactionLevel level, List<RatingReason> reasons, String comment,
			String staff, String by, Instant at) {
		jdbc.sql("insert into servicedesk.ratings (request_id, region_code, level, reasons, comment, staff, rated_by, "
				+ "rated_at) values (?, ?, ?, ?::text[], ?, ?, ?, ?)")
			.params(request, region.value(), level.name(),
					"{" + String.join(",", reasons.stream().map(Enum::name).toList()) + "}", comment, staff, by, ts(at))
			.update();
	}

	Optional<RatingView> rating(UUID request) {
		return jdbc.sql("select request_id, level, reasons, comment, staff, rated_by, rated_at from servicedesk.ratings "
				+ "where request_id = ?").param(request)
			.query((rs, n) -> new RatingView(rs.getObject(1, UUID.class), SatisfactionLevel.valueOf(rs.getString(2)),
					reasons(rs.getArray(3)), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getTimestamp(7).toInstant()))
			.optional();
	}

	private static List<RatingReason> reasons(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(RatingReason::valueOf).toList();
	}

	void openRectification(UUID request, RegionCode region, Instant at, LocalDate dueOn) {
		jdbc.sql("insert into servicedesk.rectifications (request_id, region_code, opened_at, due_on, status) "
				+ "values (?, ?, ?, ?, 'OPEN')").params(request, region.value(), ts(at), date(dueOn)).update();
	}

	Optional<RectificationView> rectification(UUID request) {
		return jdbc.sql("select request_id, opened_at, due_on, status, reply, replied_by, replied_at, revisit, revisit_note, "
				+ "revisited_by, revisited_at, version from servicedesk.rectifications where request_id = ?").param(request)
			.query((rs, n) -> {
				String revisit = rs.getString("revisit");
				return new RectificationView(rs.getObject(1, UUID.class), instant(rs, "opened_at"),
						rs.getDate("due_on").toLocalDate(), RectificationStatus.valueOf(rs.getString("status")),
						rs.getString("reply"), rs.getString("replied_by"), instant(rs, "replied_at"),
						revisit == null ? null : RevisitOutcome.valueOf(revisit), rs.getString("revisit_note"),
						rs.getString("revisited_by"), instant(rs, "revisited_at"), rs.getLong("version"));
			})
			.optional();
	}

	int reply(UUID request, String reply, String by, Instant at) {
		return jdbc.sql("update servicedesk.rectifications set status = 'REPLIED', reply = ?, replied_by = ?, replied_at = ?, "
				+ "version = version + 1 where request_id = ? and status = 'OPEN'").params(reply, by, ts(at), request).update();
	}

	int revisit(UUID request, RevisitOutcome outcome, String note, String by, Instant at) {
		return jdbc.sql("update servicedesk.rectifications set status = 'CLOSED', revisit = ?, revisit_note = ?, "
				+ "revisited_by = ?, revisited_at = ?, version = version + 1 where request_id = ? and status = 'REPLIED'")
			.params(outcome.name(), note, by, ts(at), request).update();
	}

	// ---- figures ---------------------------------------------------------------------------------------------------

	/** Per staff member and month (Beijing time) of finishing: the figures the performance table shows. */
	List<StaffFigures> staffFigures(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select r.finished_by, to_char(r.finished_on, 'YYYY-MM') as month, count(*) as completed,
				  round(avg(r.working_days), 2) as mean_days,
				  round(100.0 * count(*) filter (where r.within_limit) / count(*), 1) as within,
				  count(g.request_id) as rated, round(avg(case g.level when 'VERY_SATISFIED' then 5 when 'SATISFIED' then 4
				    when 'BASICALLY_SATISFIED' then 3 when 'DISSATISFIED' then 2 when 'VERY_DISSATISFIED' then 1 end), 2)
				    as mean_rating,
				  count(*) filter (where g.level in ('DISSATISFIED', 'VERY_DISSATISFIED')) as bad
				from servicedesk.requests r left join servicedesk.ratings g on g.request_id = r.id
				where r.status = 'DONE' and r.finished_by is not null and r.finished_on between ? and ?
				group by r.finished_by, month order by month desc, completed desc, r.finished_by""")
			.params(date(from), date(to))
			.query((rs, n) -> new StaffFigures(rs.getString(1), java.time.YearMonth.parse(rs.getString(2)), rs.getInt(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), rs.getBigDecimal(7), rs.getInt(8)))
			.list();
	}

	/** The whole center's figures since {@code from} (every region: the caller runs in the platform's scope). */
	PublicFigures publicFigures(LocalDate from) {
		record Totals(long handled, BigDecimal within, long rated, BigDecimal satisfied) {
		}
		Totals totals = jdbc.sql("""
				select (select count(*) from servicedesk.requests where status = 'DONE' and finished_on >= ?),
				  (select round(100.0 * count(*) filter (where within_limit) / nullif(count(*), 0), 1)
				     from servicedesk.requests where status = 'DONE' and finished_on >= ?),
				  (select count(*) from servicedesk.ratings where rated_at >= ?),
				  (select round(100.0 * count(*) filter (where level in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED'))
				     / nullif(count(*), 0), 1) from servicedesk.ratings where rated_at >= ?)""")
			.params(date(from), date(from), ts(from.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant()),
					ts(from.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant()))
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3), rs.getBigDecimal(4)))
			.single();
		List<PublicFigures.ItemFigures> items = jdbc.sql("""
				select i.code, count(r.id), round(100.0 * count(r.id) filter (where r.within_limit) / nullif(count(r.id), 0), 1),
				  round(avg(r.working_days), 2)
				from servicedesk.items i left join servicedesk.requests r
				  on r.item_code = i.code and r.status = 'DONE' and r.finished_on >= ?
				group by i.code, i.position order by i.position""")
			.param(date(from))
			.query((rs, n) -> new PublicFigures.ItemFigures(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4)))
			.list();
		return new PublicFigures(totals.handled(), totals.within(), totals.rated(), totals.satisfied(), items);
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
