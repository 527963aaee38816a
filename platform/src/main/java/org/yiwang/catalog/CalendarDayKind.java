package org.yiwang.catalog;

/**
 * A dated exception to the working week: a public holiday (放假, not a working day even on a weekday) or a make-up
 * workday (调休上班, a Saturday or Sunday worked in a holiday's place).
 */
public enum CalendarDayKind {
	HOLIDAY, MAKEUP_WORKDAY
}
