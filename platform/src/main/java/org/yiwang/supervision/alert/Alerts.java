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
import org.yiwang.supervision.AlertChanged;
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

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration yellowAfter;

	private final Duration redAfter;

	Alerts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${yiwang.supervision.alert-yellow-after:P2D}") Duration yellowAfter,
			@Value("${yiwang.supervision.alert-red-after:P5D}") Duration redAfter) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
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

	@Transactional
	public AlertView dispatch(UUID id, String instruction) {
		Acting regulator = Actors.requireAnyRole("supervision.alert.regulatorsOnly", Role.REGULATOR);
		AlertView alert = competent(regulator, id);
		String text = text("instruction", instruction);
		if (!"OPEN".equals(alert.status())) {
			throw Refusal.conflict("instruction", "supervision.alert.notOpen");
		}
		return step(alert, regulator, "DISPATCHED", text,
				"UPDATE supervision.alert_alerts SET status = 'DISPATCHED', dispatched_by = ?, dispatched_at = ?, "
						+ "instruction = ?, version = version + 1 WHERE id = ? AND status = 'OPEN'");
	}

	@Transactional
	public AlertView answer(UUID id, String feedback) {
		Acting staff = Actors.requireAnyRole("supervision.alert.operatorOnly", Role.CENTER_STAFF);
		AlertView alert = find(id).filter(a -> visibleTo(staff, a))
			.orElseThrow(() -> Refusal.notFound("supervision.alert.notFound"));
		String text = text("feedback", feedback);
		if (!"DISPATCHED".equals(alert.status())) {
			throw Refusal.conflict("feedback", "supervision.alert.notDispatched");
		}
		return step(alert, staff, "ANSWERED", text,
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
		Instant now = clock.instant();
		int changed = jdbc.sql(sql).params(acting.actor().username(), java.sql.Timestamp.from(now), text, alert.id()).update();
		if (changed != 1) {
			throw Refusal.conflict(null, "supervision.alert.changedMeanwhile");
		}
		events.publishEvent(new AlertChanged(acting.actor(), alert.id(), step, alert.rule(), alert.tradeCode(),
				new RegionCode(alert.region()), new CategoryCode(alert.category()), text, now));
		return find(alert.id()).orElseThrow();
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

	/** Regulators see what they are competent for; the operator's staff see what was dispatched to their region. */
	static boolean visibleTo(Acting acting, AlertView a) {
		if (competent(acting, a)) {
			return true;
		}
		return acting.hasRole(Role.CENTER_STAFF) && acting.regionScope().covers(new RegionCode(a.region()))
				&& !"OPEN".equals(a.status());
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
			  dispatched_at, instruction, answered_by, answered_at, feedback, closed_by, closed_at, conclusion
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
				rs.getString("conclusion"), colour, Math.max(0, age.toHours()));
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
		return new ArrayList<>(List.of("HIGH_RISK", "FEW_BIDS", "CONSTANT_RATIO", "IDENTICAL_PRICES", "DIRECT_SELECTION"));
	}
}
