package org.yiwang.analytics;

/**
 * One person's completions of one stage in a month, with the month before and the same month a year before, and the
 * average days the stage took (from the notice, or from the deadline for contracts); null where none was measured.
 */
public record StaffFigure(String staff, Stage stage, long completions, long previousMonth, long previousYear,
		Double averageDays) {
}
