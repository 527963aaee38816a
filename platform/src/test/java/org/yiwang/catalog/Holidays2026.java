package org.yiwang.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The State Council's 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知) as calendar exceptions, for tests that
 * count without a database. The migration seeds the same days; {@code WorkingCalendarTests} checks they agree.
 */
public final class Holidays2026 {

	private Holidays2026() {
	}

	public static List<CalendarDay> days() {
		List<CalendarDay> days = new ArrayList<>();
		holidays(days, "元旦", "2026-01-01", "2026-01-03");
		holidays(days, "春节", "2026-02-15", "2026-02-23");
		holidays(days, "清明节", "2026-04-04", "2026-04-06");
		holidays(days, "劳动节", "2026-05-01", "2026-05-05");
		holidays(days, "端午节", "2026-06-19", "2026-06-21");
		holidays(days, "中秋节", "2026-09-25", "2026-09-27");
		holidays(days, "国庆节", "2026-10-01", "2026-10-07");
		for (String day : List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
			days.add(new CalendarDay(LocalDate.parse(day), CalendarDayKind.MAKEUP_WORKDAY, "调休上班", "test", Instant.EPOCH));
		}
		return days;
	}

	public static WorkingDaySchedule schedule() {
		return WorkingDaySchedule.of(days());
	}

	private static void holidays(List<CalendarDay> days, String name, String first, String last) {
		for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
			days.add(new CalendarDay(d, CalendarDayKind.HOLIDAY, name, "test", Instant.EPOCH));
		}
	}
}
