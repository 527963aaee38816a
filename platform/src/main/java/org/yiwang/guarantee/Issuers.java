package org.yiwang.guarantee;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** Registered issuers and their machine accounts. */
@Repository
class Issuers {

	private final JdbcClient jdbc;

	Issuers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(IssuerView issuer, String registeredBy) {
		try {
			jdbc.sql("""
					insert into guarantee.issuers (entity_id, name, credit_code, client_username, registered_by, registered_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(issuer.entity().value(), issuer.name(), issuer.creditCode(), issuer.clientUsername(), registeredBy,
						Timestamp.from(issuer.registeredAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("clientUsername", "guarantee.issuer.duplicate");
		}
	}

	Optional<IssuerView> byEntity(EntityId entity) {
		return jdbc.sql("select * from guarantee.issuers where entity_id = ?").param(entity.value()).query(Issuers::view)
			.optional();
	}

	Optional<IssuerView> byClient(String username) {
		return jdbc.sql("select * from guarantee.issuers where client_username = ?").param(username).query(Issuers::view)
			.optional();
	}

	List<IssuerView> all() {
		return jdbc.sql("select * from guarantee.issuers order by name").query(Issuers::view).list();
	}

	private static IssuerView view(ResultSet rs, int row) throws SQLException {
		return new IssuerView(new EntityId(rs.getObject("entity_id", UUID.class)), rs.getString("name"),
				rs.getString("credit_code"), rs.getString("client_username"), rs.getTimestamp("registered_at").toInstant());
	}
}
