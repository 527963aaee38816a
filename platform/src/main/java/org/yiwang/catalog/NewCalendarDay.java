package org.yiwang.catalog;

/**
 * An exception staff add to the working calendar, as typed: the date ({@code yyyy-MM-dd}), the kind
 * ({@link CalendarDayKind} name) and its name. The calendar checks all three and says what is wrong.
 */
public record NewCalendarDay(String date, String kind, String name) {
}
