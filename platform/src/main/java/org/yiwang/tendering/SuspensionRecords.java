package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The suspensions regulators ordered, one active per section at most (a unique partial index). */
@Repository
class SuspensionRecords {

	private final JdbcClient jdbc;

	SuspensionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int activeCount(SectionId section) {
		return jdbc.sql("select count(*) from tendering.suspensions where section_id = ? and resumed_at is null")
			.param(section.value()).query(Integer.class).single();
	}

	Optional<SuspensionView> active(SectionId section) {
		return jdbc.sql("select * from tendering.suspensions where section_id = ? and resumed_at is null")
			.param(section.value()).query(SuspensionRecords::view).optional();
	}

	List<SuspensionView> of(SectionId section) {
		return jdbc.sql("select * from tendering.suspensions where section_id = ? order by suspended_at")
			.param(section.value()).query(SuspensionRecords::view).list();
	}

	void add(SuspensionView s, RegionCode region) {
		jdbc.sql("""
				insert into tendering.suspensions (id, section_id, region_code, reason, decision_ref, suspended_by,
				  suspended_at, deadline_before, phase) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.section().value(), region.value(), s.reason(), s.decision(), s.suspendedBy(),
					ts(s.suspendedAt()), ts(s.deadlineBefore()), s.phase().name())
			.update();
	}

	boolean resume(UUID id, String by, Instant at, UUID decision, Instant deadlineAfter) {
		return jdbc.sql("""
				update tendering.suspensions set resumed_by = ?, resumed_at = ?, resume_ref = ?, deadline_after = ?
				where id = ? and resumed_at is null""").params(by, ts(at), decision, ts(deadlineAfter), id).update() == 1;
	}

	private static SuspensionView view(ResultSet rs, int row) throws SQLException {
		return new SuspensionView(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getString("reason"), rs.getObject("decision_ref", UUID.class), rs.getString("suspended_by"),
				instant(rs, "suspended_at"), instant(rs, "deadline_before"), rs.getString("resumed_by"),
				instant(rs, "resumed_at"), rs.getObject("resume_ref", UUID.class), instant(rs, "deadline_after"),
				SuspensionView.Phase.valueOf(rs.getString("phase")));
	}
}
