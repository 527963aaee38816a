package org.yiwang.catalog;

import java.util.List;

/**
 * One year of the working calendar as staff see it: its exceptions by date, whether it has a holiday schedule at all
 * (a year without one counts weekends only), and how many working days it has.
 */
public record CalendarYear(int year, List<CalendarDay> days, boolean scheduled, int workingDays) {

	public CalendarYear {
		days = List.copyOf(days);
	}
}
