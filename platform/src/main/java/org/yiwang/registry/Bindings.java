package org.yiwang.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificate bindings, with the bound certificate's PEM. */
@Repository
class Bindings {

	private static final String COLUMNS = """
			fingerprint, entity_id, subject, issuer, serial, key_algorithm, not_after, credit_code, basis, status,
			requested_by, requested_at, decided_by, decided_at, reason""";

	private final JdbcClient jdbc;

	Bindings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(CertificateBinding b, String pem) {
		jdbc.sql("insert into registry.certificate_bindings (" + COLUMNS + ", certificate) values "
				+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(b.fingerprint(), b.entity().value(), b.subject(), b.issuer(), b.serial(), b.keyAlgorithm(),
					Timestamp.from(b.notAfter()), b.creditCode(), b.basis(), b.status().name(), b.requestedBy(),
					Timestamp.from(b.requestedAt()), b.decidedBy(), b.decidedAt() == null ? null : Timestamp.from(b.decidedAt()),
					b.reason(), pem)
			.update();
	}

	void decide(String fingerprint, BindingStatus status, String decidedBy, Instant at, String reason) {
		jdbc.sql("""
				update registry.certificate_bindings set status = ?, decided_by = ?, decided_at = ?, reason = ?
				where fingerprint = ? and status = 'PENDING'""")
			.params(status.name(), decidedBy, Timestamp.from(at), reason, fingerprint).update();
	}

	Optional<CertificateBinding> byFingerprint(String fingerprint) {
		return jdbc.sql("select " + COLUMNS + " from registry.certificate_bindings where fingerprint = ?")
			.param(fingerprint).query(this::map).optional();
	}

	List<CertificateBinding> of(EntityId entity) {
		return jdbc.sql("select " + COLUMNS + " from registry.certificate_bindings where entity_id = ? order by requested_at")
			.param(entity.value()).query(this::map).list();
	}

	List<CertificateBinding> pending() {
		return jdbc.sql("select " + COLUMNS + " from registry.certificate_bindings where status = 'PENDING' order by requested_at")
			.query(this::map).list();
	}

	Optional<String> certificate(String fingerprint) {
		return jdbc.sql("select certificate from registry.certificate_bindings where fingerprint = ?").param(fingerprint)
			.query(String.class).optional();
	}

	/** The PEM of each active certificate of the entity, for checking a signature that names no certificate. */
	List<String> activeCertificates(EntityId entity) {
		return jdbc.sql("select certificate from registry.certificate_bindings where entity_id = ? and status = 'ACTIVE'")
			.param(entity.value()).query(String.class).list();
	}

	private CertificateBinding map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new CertificateBinding(rs.getString("fingerprint"), new EntityId(rs.getObject("entity_id", UUID.class)),
				rs.getString("subject"), rs.getString("issuer"), rs.getString("serial"), rs.getString("key_algorithm"),
				rs.getTimestamp("not_after").toInstant(), rs.getString("credit_code"), rs.getString("basis"),
				BindingStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("reason"), null);
	}
}
