package org.yiwang.catalog;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged.CalendarDayAdded;
import org.yiwang.catalog.CatalogChanged.CalendarDayRemoved;
import org.yiwang.kernel.Acting;
import org.yiwang.system.Refusal;

/**
 * The working calendar every working-day period counts against: public holidays and make-up workdays (调休), kept by
 * city-wide staff as dated exceptions to the Monday-to-Friday week, seeded with the State Council's schedule. Anyone
 * may read it; every change is audited.
 */
@Service
public class WorkingCalendar {

	/** The years the calendar takes exceptions for (the table's own limit). */
	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2099;

	static final int NAME_MAX = 30;

	private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final CalendarDays days;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkingCalendar(CalendarDays days, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.days = days;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** This year, in China. */
	public int currentYear() {
		return LocalDate.now(clock.withZone(CHINA)).getYear();
	}

	/** The whole calendar, to count periods against. */
	@Transactional(readOnly = true)
	public WorkingDaySchedule schedule() {
		return WorkingDaySchedule.of(days.all());
	}

	@Transactional(readOnly = true)
	public CalendarYear year(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw Refusal.invalid("year", "calendar.year.range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		}
		List<CalendarDay> exceptions = days.ofYear(year);
		return new CalendarYear(year, exceptions, !exceptions.isEmpty(), WorkingDaySchedule.of(exceptions).workingDaysIn(year));
	}

	/**
	 * City-wide staff mark a date: a holiday (any day) or a make-up workday (a Saturday or Sunday only). A date holds
	 * one exception; to change it, remove it first.
	 */
	@Transactional
	public CalendarDay add(NewCalendarDay request) {
		Acting acting = Catalog.requireCityWide();
		LocalDate day = parseDate(request.date());
		CalendarDayKind kind = parseKind(request.kind());
		String name = request.name() == null ? "" : request.name().strip();
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw Refusal.invalid("name", "calendar.name.size", NAME_MAX);
		}
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (kind == CalendarDayKind.MAKEUP_WORKDAY && !weekend) {
			throw Refusal.invalid("date", "calendar.makeup.notWeekend", day.toString());
		}
		days.on(day).ifPresent(existing -> {
			throw duplicate(existing);
		});
		CalendarDay added = new CalendarDay(day, kind, name, acting.actor().username(), clock.instant());
		if (!days.add(added)) {
			throw duplicate(days.on(day).orElse(added));
		}
		events.publishEvent(new CalendarDayAdded(acting.actor(), day, kind, name, catalog.city().code(), added.addedAt()));
		return added;
	}

	/** City-wide staff remove a date's exception; the date counts by the weekday again. */
	@Transactional
	public CalendarDay remove(String date) {
		Acting acting = Catalog.requireCityWide();
		LocalDate day = parseDate(date);
		CalendarDay removed = days.remove(day)
			.orElseThrow(() -> Refusal.conflict("date", "calendar.notMarked", day.toString()));
		events.publishEvent(new CalendarDayRemoved(acting.actor(), day, removed.kind(), removed.name(),
				catalog.city().code(), clock.instant()));
		return removed;
	}

	private static Refusal duplicate(CalendarDay existing) {
		return Refusal.conflict("date", existing.kind() == CalendarDayKind.HOLIDAY ? "calendar.duplicate.holiday"
				: "calendar.duplicate.makeup", existing.day().toString(), existing.name());
	}

	static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			throw Refusal.invalid("date", "calendar.date.required");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip(), DATE);
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid("date", "calendar.date.invalid", text.strip().length() > 20 ? text.strip().substring(0, 20)
					: text.strip());
		}
		if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
			throw Refusal.invalid("date", "calendar.year.range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
		}
		return day;
	}

	private static CalendarDayKind parseKind(String text) {
		try {
			return CalendarDayKind.valueOf(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("kind", "calendar.kind.required");
		}
	}
}
