package org.yiwang.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working calendar as it stood when read: Monday to Friday are working days except the holidays, and the
 * make-up workdays are working days although they fall on a weekend. A year without any exception has no schedule:
 * there only weekends are skipped, and every period through it says so ({@link WorkingPeriod#unscheduledYears()}).
 * Immutable; counting needs no database.
 */
public final class WorkingDaySchedule {

	private final Map<LocalDate, CalendarDayKind> exceptions;

	private final Set<Integer> scheduledYears;

	private WorkingDaySchedule(Map<LocalDate, CalendarDayKind> exceptions) {
		this.exceptions = Map.copyOf(exceptions);
		Set<Integer> years = new HashSet<>();
		exceptions.keySet().forEach(d -> years.add(d.getYear()));
		this.scheduledYears = Set.copyOf(years);
	}

	public static WorkingDaySchedule of(Collection<CalendarDay> days) {
		Map<LocalDate, CalendarDayKind> exceptions = new HashMap<>();
		days.forEach(d -> exceptions.put(d.day(), d.kind()));
		return new WorkingDaySchedule(exceptions);
	}

	/** A calendar that knows no holidays at all: every year is unscheduled. */
	public static WorkingDaySchedule withoutHolidays() {
		return new WorkingDaySchedule(Map.of());
	}

	/** Whether the calendar holds a holiday schedule (any exception) for the year. */
	public boolean covers(int year) {
		return scheduledYears.contains(year);
	}

	public boolean isWorkingDay(LocalDate day) {
		CalendarDayKind exception = exceptions.get(day);
		if (exception != null) {
			return exception == CalendarDayKind.MAKEUP_WORKDAY;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The period of {@code workingDays} working days that starts the day after {@code start}: its last day is the
	 * {@code workingDays}-th working day after {@code start} (with none, {@code start} itself).
	 */
	public WorkingPeriod after(LocalDate start, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("A period has no negative length: " + workingDays);
		}
		LocalDate day = start;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return new WorkingPeriod(day, unscheduledYears(start.plusDays(workingDays == 0 ? 0 : 1), day));
	}

	/** The years from {@code first} to {@code last} (inclusive) for which the calendar holds no schedule. */
	public List<Integer> unscheduledYears(LocalDate first, LocalDate last) {
		Set<Integer> years = new TreeSet<>();
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			if (!covers(year)) {
				years.add(year);
			}
		}
		return List.copyOf(years);
	}

	/** How many working days the year has, by this calendar. */
	public int workingDaysIn(int year) {
		int count = 0;
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			count += isWorkingDay(day) ? 1 : 0;
		}
		return count;
	}
}
