package org.yiwang.supervision.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.catalog.Catalog;
import org.yiwang.supervision.AlertChanged;
import org.yiwang.supervision.Department;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Alerts (预警) and their workflow: a rule raises one with its evidence; the competent regulator (whose region scope
 * covers the record's region and whose industries include its category) dispatches it to the operator with an
 * instruction; the operator's staff of that region answer; the regulator closes it with a conclusion. Every step is
 * an {@link AlertChanged} event, so the audit log holds it. Others see nothing: an alert outside one's competence is
 * not found.
 */
@Service
public class Alerts {

	static final int MAX_TEXT = 2000;

	/** The party that is the operator: the staff of the trading center of the alert's district. */
	public static final String OPERATOR = "OPERATOR";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Catalog catalog;

	private final Duration yellowAfter;

	private final Duration redAfter;

	Alerts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Catalog catalog,
			@Value("${yiwang.supervision.alert-yellow-after:P2D}") Duration yellowAfter,
			@Value("${yiwang.supervision.alert-red-after:P5D}") Duration redAfter) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.catalog = catalog;
		this.yellowAfter = yellowAfter;
		this.redAfter = redAfter;
	}

	/** A rule's finding; raised at most once per dedup key (listeners may see an event twice). */
	record Finding(String rule, String dedupKey, UUID section, String tradeCode, String subject, RegionCode region,
			CategoryCode category, String evidence) {
	}

	/** Called by the rules, as the platform, inside a transaction. */
	void raise(Finding f) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO supervision.alert_alerts (id, rule, dedup_key, section_id, trade_code, subject, region_code,
				  category_code, evidence, status, raised_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) ON CONFLICT (dedup_key) DO NOTHING""")
			.params(id, f.rule(), f.dedupKey(), f.section(), f.tradeCode(), f.subject(), f.region().value(),
					f.category().value(), f.evidence(), java.sql.Timestamp.from(now))
			.update();
		if (inserted == 1) {
			events.publishEvent(new AlertChanged(org.yiwang.kernel.Actor.SYSTEM, id, "RAISED", f.rule(), f.tradeCode(),
					f.region(), f.category(), f.evidence(), now));
		}
	}

	/** The alerts the signed-in regulator is competent for, or those dispatched to the signed-in operator staff. */
	@Transactional(readOnly = true)
	public List<AlertView> visible() {
		Acting acting = Actors.requireAnyRole("supervision.alert.forbidden", Role.REGULATOR, Role.CENTER_STAFF);
		return all().stream().filter(a -> visibleTo(acting, a)).toList();
	}

	@Transactional(readOnly = true)
	public AlertView alert(UUID id) {
		Acting acting = Actors.requireAnyRole("supervision.alert.forbidden", Role.REGULATOR, Role.CENTER_STAFF);
		return find(id).filter(a -> visibleTo(acting, a))
			.orElseThrow(() -> Refusal.notFound("supervision.alert.notFound"));
	}

	/** Dispatches the alert to the operator (the district trading center's staff). */
	@Transactional
	public AlertView dispatch(UUID id, String instruction) {
		return dispatch(id, OPERATOR, instruction);
	}

	/**
	 * Dispatches the alert with an instruction to a party: {@link #OPERATOR} (the staff of the trading center of the
	 * alert's district) or a {@link Department} in charge (its regulators whose scope covers the district).
	 */
	@Transactional
	public AlertView dispatch(UUID id, String party, String instruction) {
		Acting regulator = Actors.requireAnyRole("supervision.alert.regulatorsOnly", Role.REGULATOR);
		AlertView alert = competent(regulator, id);
		String to = party(party);
		String text = text("instruction", instruction);
		if (!"OPEN".equals(alert.status())) {
			throw Refusal.conflict("instruction", "supervision.alert.notOpen");
		}
		jdbc.sql("UPDATE supervision.alert_alerts SET dispatched_to = ? WHERE id = ? AND status = 'OPEN'")
			.params(to, id).update();
		return step(alert, regulator, "DISPATCHED", text,
				"UPDATE supervision.alert_alerts SET status = 'DISPATCHED', dispatched_by = ?, dispatched_at = ?, "
						+ "instruction = ?, version = version + 1 WHERE id = ? AND status = 'OPEN'");
	}

	/** The party the alert was dispatched to confirms it received it (once; again answers the same). */
	@Transactional
	public AlertView acknowledge(UUID id) {
		Acting party = Actors.requireAnyRole("supervision.alert.forbidden", Role.REGULATOR, Role.CENTER_STAFF);
		AlertView alert = received(party, id);
		if (alert.acknowledgedAt() != null) {
			return alert;
		}
		return step(alert, party, "ACKNOWLEDGED", alert.instruction(),
				"UPDATE supervision.alert_alerts SET acknowledged_by = ?, acknowledged_at = ?, version = version + 1 "
						+ "WHERE id = ? AND acknowledged_at IS NULL",
				true);
	}

	/** A follow-up record (督办跟进) by the party or the competent regulator while the alert is dispatched. */
	@Transactional
	public AlertFollowUp followUp(UUID id, String note) {
		Acting acting = Actors.requireAnyRole("supervision.alert.forbidden", Role.REGULATOR, Role.CENTER_STAFF);
		AlertView alert = find(id).filter(a -> visibleTo(acting, a))
			.orElseThrow(() -> Refusal.notFound("supervision.alert.notFound"));
		String text = text("note", note);
		if (!"DISPATCHED".equals(alert.status()) && !"ANSWERED".equals(alert.status())) {
			throw Refusal.conflict("note", "supervision.alert.notDispatched");
		}
		String side = receives(acting, alert) ? partyOf(alert) : "REGULATOR";
		Instant now = clock.instant();
		UUID followUp = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO supervision.alert_followups (id, alert_id, region_code, author, party, note, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(followUp, id, alert.region(), acting.actor().username(), side, text, java.sql.Timestamp.from(now))
			.update();
		events.publishEvent(new AlertChanged(acting.actor(), id, "FOLLOWED_UP", alert.rule(), alert.tradeCode(),
				new RegionCode(alert.region()), new CategoryCode(alert.category()), text, now));
		return new AlertFollowUp(followUp, acting.actor().username(), side, text, now);
	}

	/** The follow-up records of an alert the acting person may see, oldest first. */
	@Transactional(readOnly = true)
	public List<AlertFollowUp> followUps(UUID id) {
		AlertView alert = alert(id);
		return jdbc.sql("SELECT id, author, party, note, recorded_at FROM supervision.alert_followups "
				+ "WHERE alert_id = ? ORDER BY recorded_at, id")
			.param(alert.id())
			.query((rs, i) -> new AlertFollowUp(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** The party the alert was dispatched to answers it with its feedback. */
	@Transactional
	public AlertView answer(UUID id, String feedback) {
		Acting party = Actors.requireAnyRole("supervision.alert.operatorOnly", Role.CENTER_STAFF, Role.REGULATOR);
		AlertView alert = received(party, id);
		String text = text("feedback", feedback);
		if (!"DISPATCHED".equals(alert.status())) {
			throw Refusal.conflict("feedback", "supervision.alert.notDispatched");
		}
		return step(alert, party, "ANSWERED", text,
				"UPDATE supervision.alert_alerts SET status = 'ANSWERED', answered_by = ?, answered_at = ?, "
						+ "feedback = ?, version = version + 1 WHERE id = ? AND status = 'DISPATCHED'");
	}

	@Transactional
	public AlertView close(UUID id, String conclusion) {
		Acting regulator = Actors.requireAnyRole("supervision.alert.regulatorsOnly", Role.REGULATOR);
		AlertView alert = competent(regulator, id);
		String text = text("conclusion", conclusion);
		if (!"ANSWERED".equals(alert.status()) && !"OPEN".equals(alert.status())) {
			throw Refusal.conflict("conclusion", "supervision.alert.awaitingFeedback");
		}
		return step(alert, regulator, "CLOSED", text,
				"UPDATE supervision.alert_alerts SET status = 'CLOSED', closed_by = ?, closed_at = ?, "
						+ "conclusion = ?, version = version + 1 WHERE id = ? AND status IN ('OPEN', 'ANSWERED')");
	}

	/** Open (not closed) alerts counted by a key: rule, region, category or age band. */
	public Map<String, Long> openCountedBy(List<AlertView> alerts, Function<AlertView, String> key) {
		Map<String, Long> counts = new TreeMap<>();
		alerts.stream().filter(a -> !"CLOSED".equals(a.status())).forEach(a -> counts.merge(key.apply(a), 1L, Long::sum));
		return counts;
	}

	private AlertView step(AlertView alert, Acting acting, String step, String text, String sql) {
		return step(alert, acting, step, text, sql, false);
	}

	/** One step of the workflow; {@code withoutText}: the SQL takes the user, the time and the id only. */
	private AlertView step(AlertView alert, Acting acting, String step, String text, String sql, boolean withoutText) {
		Instant now = clock.instant();
		java.sql.Timestamp at = java.sql.Timestamp.from(now);
		String user = acting.actor().username();
		int changed = withoutText ? jdbc.sql(sql).params(user, at, alert.id()).update()
				: jdbc.sql(sql).params(user, at, text, alert.id()).update();
		if (changed != 1) {
			throw Refusal.conflict(null, "supervision.alert.changedMeanwhile");
		}
		events.publishEvent(new AlertChanged(acting.actor(), alert.id(), step, alert.rule(), alert.tradeCode(),
				new RegionCode(alert.region()), new CategoryCode(alert.category()), text, now));
		return find(alert.id()).orElseThrow();
	}

	/** The alert as dispatched to the acting party; visible but not theirs: forbidden; not visible: not found. */
	private AlertView received(Acting party, UUID id) {
		AlertView alert = find(id).filter(a -> visibleTo(party, a))
			.orElseThrow(() -> Refusal.notFound("supervision.alert.notFound"));
		if (!receives(party, alert)) {
			throw Refusal.forbidden("supervision.alert.partyOnly");
		}
		return alert;
	}

	/** Whether the signed-in person is (of) the party the alert was dispatched to: it acknowledges and answers. */
	public boolean receivedByMe(AlertView alert) {
		return Actors.current().map(acting -> receives(acting, alert)).orElse(false);
	}

	/** The party an alert was dispatched to (alerts dispatched before parties were recorded went to the operator). */
	static String partyOf(AlertView a) {
		return a.dispatchedTo() == null ? OPERATOR : a.dispatchedTo();
	}

	/** OPERATOR or a department's code; anything else names the field. */
	private static String party(String party) {
		String p = party == null || party.isBlank() ? OPERATOR : party.strip();
		if (OPERATOR.equals(p)) {
			return p;
		}
		try {
			return Department.valueOf(p).name();
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("party", "supervision.alert.party");
		}
	}

	/** The departments a regulator belongs to, from its industries (the catalogue's supervisor of each). */
	private java.util.Set<Department> departments(Acting acting) {
		java.util.Set<Department> departments = java.util.EnumSet.noneOf(Department.class);
		for (CategoryCode industry : acting.industries()) {
			catalog.findCategory(industry).ifPresent(c -> departments.add(Department.ofSupervisor(c.supervisorZh())));
		}
		return departments;
	}

	/** Whether the acting person is (of) the party the alert was dispatched to. */
	boolean receives(Acting acting, AlertView a) {
		if (a.dispatchedAt() == null || !acting.regionScope().covers(new RegionCode(a.region()))) {
			return false;
		}
		String party = partyOf(a);
		if (OPERATOR.equals(party)) {
			return acting.hasRole(Role.CENTER_STAFF);
		}
		return acting.hasRole(Role.REGULATOR) && departments(acting).contains(Department.valueOf(party));
	}

	private AlertView competent(Acting regulator, UUID id) {
		return find(id).filter(a -> competent(regulator, a))
			.orElseThrow(() -> Refusal.notFound("supervision.alert.notFound"));
	}

	/** The competent regulator: region scope covers the alert's region, industries include its category. */
	static boolean competent(Acting acting, AlertView a) {
		return acting.hasRole(Role.REGULATOR) && acting.regionScope().covers(new RegionCode(a.region()))
				&& acting.industries().contains(new CategoryCode(a.category()));
	}

	/** Regulators see what they are competent for; the party an alert was dispatched to sees it from then on. */
	boolean visibleTo(Acting acting, AlertView a) {
		return competent(acting, a) || receives(acting, a);
	}

	private static String text(String field, String value) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw Refusal.invalid(field, "supervision.alert.textRequired");
		}
		if (v.length() > MAX_TEXT) {
			throw Refusal.invalid(field, "supervision.alert.textTooLong", MAX_TEXT);
		}
		return v;
	}

	private List<AlertView> all() {
		return jdbc.sql(SELECT + " ORDER BY raised_at DESC LIMIT 2000").query((rs, i) -> view(rs)).list();
	}

	private java.util.Optional<AlertView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> view(rs)).optional();
	}

	private static final String SELECT = """
			SELECT id, rule, trade_code, subject, region_code, category_code, evidence, status, raised_at, dispatched_by,
			  dispatched_at, instruction, answered_by, answered_at, feedback, closed_by, closed_at, conclusion,
			  dispatched_to, acknowledged_by, acknowledged_at
			FROM supervision.alert_alerts""";

	private AlertView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		Instant raised = rs.getTimestamp("raised_at").toInstant();
		Instant closed = instant(rs, "closed_at");
		Duration age = Duration.between(raised, closed != null ? closed : clock.instant());
		String colour = closed != null ? "GREY"
				: age.compareTo(redAfter) >= 0 ? "RED" : age.compareTo(yellowAfter) >= 0 ? "YELLOW" : "GREEN";
		return new AlertView(rs.getObject("id", UUID.class), rs.getString("rule"), rs.getString("trade_code"),
				rs.getString("subject"), rs.getString("region_code"), rs.getString("category_code"),
				rs.getString("evidence"), rs.getString("status"), raised, rs.getString("dispatched_by"),
				instant(rs, "dispatched_at"), rs.getString("instruction"), rs.getString("answered_by"),
				instant(rs, "answered_at"), rs.getString("feedback"), rs.getString("closed_by"), closed,
				rs.getString("conclusion"), colour, Math.max(0, age.toHours()), rs.getString("dispatched_to"),
				rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** For the dashboard: the age band of an open alert, by the same thresholds as its colour. */
	public String ageBand(AlertView a) {
		return a.colour();
	}

	List<String> rules() {
		return new ArrayList<>(List.of("HIGH_RISK", "FEW_BIDS", "CONSTANT_RATIO", "IDENTICAL_PRICES", "DIRECT_SELECTION",
				"REPEATED_FAILURE", "ROTATING_WINNERS", "SHORT_PERIOD", "SAME_IP", "SAME_CERTIFICATE", "EXPERT_OUTLIER",
				"PRICE_CHANGED", "LATE_REFUND", "SAME_DOCUMENT_AUTHOR", "NEAR_DUPLICATE_BIDS"));
	}
}
