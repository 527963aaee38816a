package org.yiwang.supervision.redflag;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.portal.OpenData;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordPublished;
import org.yiwang.portal.RecordType;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * Procedural red flags on the platform's own OCDS data (issue 19): when a section's candidates or award reach the
 * portal, the process's public OCDS release package is read (the same one anyone downloads from
 * {@code /opendata/sections/{tradeCode}/releases}), compiled, and OCDS Cardinal's indicators evaluated
 * ({@link RedFlagIndicators}); the process's flags are replaced. Regulators see the flags of their industries and
 * regions only; a rebuild walks the public release feed and recomputes every awarded process.
 */
@Service
public class RedFlags {

	private final OpenData openData;

	private final Portal portal;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RedFlags(OpenData openData, Portal portal, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.openData = openData;
		this.portal = portal;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The candidates' publicity and the award result are where bids meet an outcome; the opening record's bidders
	 * reach the portal's open data only after its own event, so the award's recomputation is the one to trust.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RecordPublished published) {
		if (published.type() == RecordType.CANDIDATES || published.type() == RecordType.AWARD_RESULT) {
			RegionScopes.runAsPlatform(() -> compute(published.tradeCode(), published.id()));
		}
	}

	/**
	 * Recomputes one process's flags from its public release package; the flags computed, in code order. Runs as the
	 * platform (the listener, a rebuild).
	 */
	List<RedFlagIndicators.Flag> compute(String tradeCode, UUID trigger) {
		List<PublicRecord> history = portal.history(tradeCode);
		if (history.isEmpty()) {
			return List.of();
		}
		Map<String, Object> pkg = openData.sectionPackage(tradeCode);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> releases = (List<Map<String, Object>>) pkg.get("releases");
		Map<String, Object> compiled = RedFlagIndicators.compile(releases);
		List<RedFlagIndicators.Flag> flags = RedFlagIndicators.evaluate(compiled);
		PublicRecord first = history.get(0);
		PublicRecord last = history.get(history.size() - 1);
		UUID record = trigger != null ? trigger : last.id();
		Instant now = clock.instant();
		// platform work: the process's rows are written whatever region the caller is scoped to
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			jdbc.sql("DELETE FROM supervision.red_flags WHERE trade_code = ?").param(tradeCode).update();
			for (RedFlagIndicators.Flag f : flags) {
				jdbc.sql("""
						INSERT INTO supervision.red_flags (trade_code, code, ocid, title, region_code, category_code, value,
						  evidence, record_id, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(tradeCode, f.indicator().name(), String.valueOf(compiled.get("ocid")),
							first.projectName() + " " + first.sectionName(), first.regionCode(), first.categoryCode(),
							f.value(), String.join("\n", f.evidence()), record, Timestamp.from(now))
					.update();
			}
		}));
		return flags;
	}

	/**
	 * Recomputes every process whose award or candidates are in the public release feed; the number of processes.
	 * Only the platform (an operator's command or a test) rebuilds.
	 */
	int rebuild() {
		Set<String> tradeCodes = new LinkedHashSet<>();
		String since = null;
		while (true) {
			OpenData.FeedPage page = openData.feed(since, OpenData.MAX_FEED_PAGE);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> releases = (List<Map<String, Object>>) page.releasePackage().get("releases");
			for (Map<String, Object> release : releases) {
				if (release.get("tag") instanceof List<?> tags && tags.contains("award") && release.get("tender") instanceof Map<?, ?> t) {
					tradeCodes.add(String.valueOf(t.get("id")));
				}
			}
			if (page.count() < OpenData.MAX_FEED_PAGE) {
				break;
			}
			since = page.next();
		}
		RegionScopes.runAsPlatform(() -> tradeCodes.forEach(code -> compute(code, null)));
		return tradeCodes.size();
	}

	/**
	 * The flags the signed-in regulator is competent for (its region scope, its industries), newest first; optionally
	 * of one indicator (a code the platform computes, else a refusal naming the field) or one process.
	 */
	@Transactional(readOnly = true)
	public List<RedFlagView> visible(String code, String tradeCode) {
		Acting regulator = Actors.requireAnyRole("supervision.regulatorOnly", Role.REGULATOR);
		Indicator indicator = null;
		if (code != null && !code.isBlank()) {
			indicator = Indicator.of(code.strip().toUpperCase(java.util.Locale.ROOT));
			if (indicator == null) {
				throw Refusal.invalid("code", "supervision.redflag.unknownCode");
			}
		}
		if (tradeCode != null && tradeCode.length() > 40) {
			throw Refusal.invalid("tradeCode", "supervision.redflag.badTradeCode");
		}
		Indicator only = indicator;
		return all().stream().filter(f -> competent(regulator, f)).filter(f -> only == null || f.indicator() == only)
			.filter(f -> tradeCode == null || tradeCode.isBlank() || f.tradeCode().equals(tradeCode.strip())).toList();
	}

	static boolean competent(Acting acting, RedFlagView f) {
		return acting.hasRole(Role.REGULATOR) && acting.regionScope().covers(new RegionCode(f.region()))
				&& acting.industries().contains(new CategoryCode(f.category()));
	}

	private List<RedFlagView> all() {
		return jdbc.sql("SELECT * FROM supervision.red_flags ORDER BY computed_at DESC, trade_code, code LIMIT 2000")
			.query((rs, i) -> new RedFlagView(rs.getString("trade_code"), Indicator.valueOf(rs.getString("code")),
					rs.getString("ocid"), rs.getString("title"), rs.getString("region_code"), rs.getString("category_code"),
					rs.getBigDecimal("value"), List.of(rs.getString("evidence").split("\n")),
					rs.getObject("record_id", UUID.class), rs.getTimestamp("computed_at").toInstant()))
			.list();
	}

	/** The flags of one process, for the platform (tests, a rebuild's check); in code order. */
	List<RedFlagView> ofProcess(String tradeCode) {
		List<RedFlagView> flags = new ArrayList<>(RegionScopes.callAsPlatform(() -> transactions.execute(s -> all())));
		flags.removeIf(f -> !f.tradeCode().equals(tradeCode));
		flags.sort(java.util.Comparator.comparing(f -> f.indicator().name()));
		return flags;
	}
}
