package org.yiwang.procurement;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The teams' table: which draw seats a case's experts, and the purchaser's representatives. */
@Repository
class Teams {

	record Stored(UUID procurement, UUID draw, List<String> representatives, int experts, Instant evaluationAt,
			String requestedBy, Instant requestedAt) {
	}

	private final JdbcClient jdbc;

	Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the team, replacing one whose draw ran out of experts. */
	void save(UUID procurement, RegionCode region, UUID draw, List<String> representatives, int experts,
			Instant evaluationAt, String by, Instant at) {
		jdbc.sql("""
				insert into procurement.teams (case_id, region_code, draw_id, representatives, experts, evaluation_at,
				  requested_by, requested_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (case_id) do update set draw_id = excluded.draw_id, representatives = excluded.representatives,
				  experts = excluded.experts, evaluation_at = excluded.evaluation_at, requested_by = excluded.requested_by,
				  requested_at = excluded.requested_at""")
			.params(procurement, region.value(), draw, representatives.toArray(String[]::new), experts,
					Timestamp.from(evaluationAt), by, Timestamp.from(at))
			.update();
	}

	Optional<Stored> of(UUID procurement) {
		return jdbc.sql("""
				select case_id, draw_id, representatives, experts, evaluation_at, requested_by, requested_at
				from procurement.teams where case_id = ?""")
			.param(procurement)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					strings(rs.getArray(3)), rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
					rs.getTimestamp(7).toInstant()))
			.optional();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
