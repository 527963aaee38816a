package org.yiwang.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The working calendar's dated exceptions. */
@Repository
class CalendarDays {

	private final JdbcClient jdbc;

	CalendarDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CalendarDay> all() {
		return jdbc.sql("select day, kind, name, added_by, added_at from catalog.calendar_days order by day")
			.query(CalendarDays::map).list();
	}

	List<CalendarDay> ofYear(int year) {
		return jdbc.sql("select day, kind, name, added_by, added_at from catalog.calendar_days "
				+ "where day between ? and ? order by day")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(CalendarDays::map).list();
	}

	Optional<CalendarDay> on(LocalDate day) {
		return jdbc.sql("select day, kind, name, added_by, added_at from catalog.calendar_days where day = ?")
			.param(day).query(CalendarDays::map).optional();
	}

	/** False when the date is marked already (by anyone, however late). */
	boolean add(CalendarDay day) {
		return jdbc.sql("insert into catalog.calendar_days (day, kind, name, added_by, added_at) values (?, ?, ?, ?, ?) "
				+ "on conflict (day) do nothing")
			.params(day.day(), day.kind().name(), day.name(), day.addedBy(), Timestamp.from(day.addedAt()))
			.update() == 1;
	}

	/** The removed exception, or empty when the date was not marked. */
	Optional<CalendarDay> remove(LocalDate day) {
		return jdbc.sql("delete from catalog.calendar_days where day = ? returning day, kind, name, added_by, added_at")
			.param(day).query(CalendarDays::map).optional();
	}

	private static CalendarDay map(ResultSet rs, int row) throws SQLException {
		return new CalendarDay(rs.getObject("day", LocalDate.class), CalendarDayKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("added_by"), rs.getTimestamp("added_at").toInstant());
	}
}
