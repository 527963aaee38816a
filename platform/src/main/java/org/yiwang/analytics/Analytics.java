package org.yiwang.analytics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The analytics module's entry point: dashboards, the facts behind each bar, and staff performance, for the operator's
 * staff (their regions, by row-level security), regulators (their industries and regions) and the public (the whole
 * city, aggregates and published records only). Filters are checked here and refused with the field to fix.
 */
@Service
public class Analytics {

	/** The stages the public may list: those whose records are published anyway. */
	static final List<Stage> PUBLIC_STAGES = List.of(Stage.PUBLISHED, Stage.OPENED, Stage.AWARDED, Stage.FAILED,
			Stage.CONTRACT, Stage.RETENDERED);

	/** The center's own workings (room-hours, service ratings): charts for its staff, not the public or regulators. */
	static final Set<String> OPERATOR_CHARTS = Set.of("roomHours", "badRatings");

	private final DashboardQueries dashboards;

	private final FactQueries facts;

	private final Catalog catalog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Analytics(DashboardQueries dashboards, FactQueries facts, Catalog catalog, TransactionTemplate transactions,
			Clock clock) {
		this.dashboards = dashboards;
		this.facts = facts;
		this.catalog = catalog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The dashboard for a month ({@code yyyy-MM}; blank: this month) and optional category and district. */
	public Dashboard dashboard(Audience audience, String month, String category, String region) {
		YearMonth m = month(month);
		return read(audience, category, region, (filter, cityWide) -> new Dashboard(audience, m, filter.category(),
				filter.region(), dashboards.figures(m, filter, cityWide).stream()
					.filter(f -> audience == Audience.OPERATOR || !OPERATOR_CHARTS.contains(f.key()))
					.toList()));
	}

	/** The facts of one stage in one month behind a bar; the public lists published stages only. */
	public List<FactRow> facts(Audience audience, String month, String stage, String category, String region,
			String procedure, Integer bidders) {
		YearMonth m = month(month);
		Stage s = stage(stage);
		if (audience == Audience.PUBLIC && !PUBLIC_STAGES.contains(s)) {
			throw Refusal.invalid("stage", "analytics.stage.notPublic");
		}
		if (procedure != null && !procedure.isBlank() && !procedure.matches("[A-Z_]{1,40}")) {
			throw Refusal.invalid("procedure", "analytics.procedure.unknown");
		}
		if (bidders != null && bidders < 0) {
			throw Refusal.invalid("bidders", "analytics.bidders.invalid");
		}
		String p = procedure == null || procedure.isBlank() ? null : procedure;
		return read(audience, category, region, (filter, cityWide) -> facts.facts(m, s, filter, p, bidders));
	}

	/** Completions per staff member (or, with {@code experts}, seats per expert) in a month; the operator's staff only. */
	public List<StaffFigure> staff(String month, boolean experts) {
		YearMonth m = month(month);
		requireOperator();
		return transactions.execute(status -> facts.staff(m, experts));
	}

	/** The categories and districts a reader may filter by (codes; pages show their names). */
	public record Choices(List<String> categories, List<String> regions) {
	}

	public Choices choices(Audience audience) {
		List<String> categories = catalog.categories().stream().map(c -> c.code().value()).toList();
		List<String> regions = catalog.regions().stream().map(r -> r.code().value()).toList();
		return switch (audience) {
			case PUBLIC -> new Choices(categories, regions);
			case OPERATOR -> {
				Acting staff = requireOperator();
				yield new Choices(categories,
						regions.stream().filter(r -> staff.regionScope().covers(RegionCode.of(r))).toList());
			}
			case REGULATOR -> {
				Acting regulator = Actors.requireAnyRole("analytics.regulatorOnly", Role.REGULATOR);
				yield new Choices(
						categories.stream().filter(c -> regulator.industries().contains(CategoryCode.of(c))).toList(),
						regions.stream().filter(r -> regulator.regionScope().covers(RegionCode.of(r))).toList());
			}
		};
	}

	/** This month in Beijing time: the default month of every page. */
	public YearMonth thisMonth() {
		return YearMonth.now(clock.withZone(Fact.BEIJING));
	}

	private interface Read<T> {

		T apply(Filter filter, boolean cityWide);
	}

	private <T> T read(Audience audience, String category, String region, Read<T> read) {
		String c = category(category);
		String r = region(region);
		return switch (audience) {
			case PUBLIC -> RegionScopes.callAsPlatform(() -> inTransaction(() -> read.apply(new Filter(c, r, null), true)));
			case OPERATOR -> {
				Acting staff = requireOperator();
				inScope(staff, r);
				yield inTransaction(() -> read.apply(new Filter(c, r, null, regions(staff)), staff.regionScope().all()));
			}
			case REGULATOR -> {
				Acting regulator = Actors.requireAnyRole("analytics.regulatorOnly", Role.REGULATOR);
				inScope(regulator, r);
				List<String> industries = regulator.industries().stream().map(CategoryCode::value).sorted().toList();
				if (c != null && !industries.contains(c)) {
					throw Refusal.invalid("category", "analytics.category.outOfScope");
				}
				yield inTransaction(() -> read.apply(new Filter(c, r, industries, regions(regulator)),
						regulator.regionScope().all()));
			}
		};
	}

	/** The reader's districts, or null for the whole city. */
	private static List<String> regions(Acting acting) {
		return acting.regionScope().all() ? null
				: acting.regionScope().regions().stream().map(RegionCode::value).sorted().toList();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private static Acting requireOperator() {
		return Actors.requireAnyRole("analytics.operatorOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	private static void inScope(Acting acting, String region) {
		if (region != null && !acting.regionScope().covers(RegionCode.of(region))) {
			throw Refusal.invalid("region", "analytics.region.outOfScope");
		}
	}

	YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return thisMonth();
		}
		try {
			YearMonth m = YearMonth.parse(month.strip());
			if (m.getYear() < 2000 || m.getYear() > 2100) {
				throw Refusal.invalid("month", "analytics.month.invalid", month);
			}
			return m;
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid("month", "analytics.month.invalid", month);
		}
	}

	private String category(String category) {
		if (category == null || category.isBlank()) {
			return null;
		}
		if (!CategoryCode.isValid(category.strip()) || catalog.findCategory(CategoryCode.of(category.strip())).isEmpty()) {
			throw Refusal.invalid("category", "analytics.category.unknown", category);
		}
		return category.strip();
	}

	private String region(String region) {
		if (region == null || region.isBlank()) {
			return null;
		}
		if (!RegionCode.isValid(region.strip()) || catalog.region(RegionCode.of(region.strip())).isEmpty()) {
			throw Refusal.invalid("region", "analytics.region.unknown", region);
		}
		return region.strip();
	}

	private static Stage stage(String stage) {
		try {
			return Stage.valueOf(stage == null ? "" : stage.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("stage", "analytics.stage.unknown");
		}
	}
}
