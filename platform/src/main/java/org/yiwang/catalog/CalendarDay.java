package org.yiwang.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** One dated exception of the working calendar, with the name staff gave it (e.g. 春节, 国庆节调休上班). */
public record CalendarDay(LocalDate day, CalendarDayKind kind, String name, String addedBy, Instant addedAt) {
}
