package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** Tenderers' mandates to agencies; city-wide, like the entities they name. */
@Repository
class Mandates {

	private final JdbcClient jdbc;

	Mandates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(MandateView m) {
		try {
			jdbc.sql("""
					insert into tendering.mandates (id, tenderer_id, tenderer_name, agency_id, agency_name, scope, recorded_by,
					  recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(m.id(), m.tenderer().value(), m.tendererName(), m.agency().value(), m.agencyName(), m.scope(),
						m.recordedBy(), ts(m.recordedAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("agencyCreditCode", "tendering.mandate.duplicate", m.agencyName());
		}
	}

	Optional<MandateView> between(EntityId tenderer, EntityId agency) {
		return jdbc.sql("select * from tendering.mandates where tenderer_id = ? and agency_id = ?")
			.params(tenderer.value(), agency.value()).query(Mandates::view).optional();
	}

	List<MandateView> of(EntityId entity) {
		return jdbc.sql("select * from tendering.mandates where tenderer_id = ? or agency_id = ? order by recorded_at desc")
			.params(entity.value(), entity.value()).query(Mandates::view).list();
	}

	private static MandateView view(ResultSet rs, int row) throws SQLException {
		return new MandateView(rs.getObject("id", UUID.class), new EntityId(rs.getObject("tenderer_id", UUID.class)),
				rs.getString("tenderer_name"), new EntityId(rs.getObject("agency_id", UUID.class)),
				rs.getString("agency_name"), rs.getString("scope"), rs.getString("recorded_by"),
				instant(rs, "recorded_at"));
	}
}
