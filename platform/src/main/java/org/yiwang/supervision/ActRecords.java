package org.yiwang.supervision;

import static org.yiwang.supervision.ComplaintRecords.date;
import static org.yiwang.supervision.ComplaintRecords.day;
import static org.yiwang.supervision.ComplaintRecords.instant;
import static org.yiwang.supervision.ComplaintRecords.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.evaluation.ReEvaluationKind;
import org.yiwang.kernel.RegionCode;

/** Regulators' acts and the certificates they sign with. */
@Repository
class ActRecords {

	private final JdbcClient jdbc;

	ActRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ActView a) {
		jdbc.sql("""
				insert into supervision.action_acts (id, kind, status, region_code, department, target, target_name,
				  section_id, complaint_id, entity_id, expert_id, outcome, until, reason, content, published,
				  prepared_by, prepared_by_name, prepared_at, reevaluation)
				values (?, ?, 'PREPARED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.kind().name(), a.region().value(), a.department().name(), a.target(), a.targetName(),
					a.section(), a.complaint(), a.entity(), a.expert(), a.outcome() == null ? null : a.outcome().name(),
					date(a.until()), a.reason(), a.content(), a.published(), a.preparedBy(), a.preparedByName(),
					ts(a.preparedAt()), a.reevaluation() == null ? null : a.reevaluation().name())
			.update();
	}

	Optional<ActView> byId(UUID id) {
		return jdbc.sql("select * from supervision.action_acts where id = ?").param(id).query(ActRecords::view)
			.optional();
	}

	boolean sign(UUID id, byte[] signature, String certificate, String algorithm, String fingerprint, String subject,
			Instant at) {
		return jdbc.sql("""
				update supervision.action_acts set status = 'SIGNED', signature = ?, certificate = ?, algorithm = ?,
				  signer_fingerprint = ?, signer_subject = ?, signed_at = ? where id = ? and status = 'PREPARED'""")
			.params(signature, certificate, algorithm, fingerprint, subject, ts(at), id).update() == 1;
	}

	/** Acts in the transaction's regions, newest first. */
	List<ActView> recent(int limit) {
		return jdbc.sql("select * from supervision.action_acts order by prepared_at desc limit ?").param(limit)
			.query(ActRecords::view).list();
	}

	List<ActView> ofTarget(String target) {
		return jdbc.sql("select * from supervision.action_acts where target = ? order by prepared_at").param(target)
			.query(ActRecords::view).list();
	}

	/** Signed acts the law wants public, newest first (read in the platform's scope). */
	List<ActView> published(int limit) {
		return jdbc.sql("""
				select * from supervision.action_acts where published and status = 'SIGNED'
				order by signed_at desc limit ?""").param(limit).query(ActRecords::view).list();
	}

	Optional<byte[]> signature(UUID id) {
		return jdbc.sql("select signature from supervision.action_acts where id = ? and status = 'SIGNED'").param(id)
			.query(byte[].class).optional();
	}

	Optional<String> boundFingerprint(String username) {
		return jdbc.sql("select fingerprint from supervision.action_signers where username = ?").param(username)
			.query(String.class).optional();
	}

	void bind(String username, String fingerprint, String subject, Instant at) {
		jdbc.sql("""
				insert into supervision.action_signers (username, fingerprint, subject, bound_at) values (?, ?, ?, ?)
				on conflict (username) do nothing""").params(username, fingerprint, subject, ts(at)).update();
	}

	private static ActView view(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new ActView(rs.getObject("id", UUID.class), ActKind.valueOf(rs.getString("kind")),
				"SIGNED".equals(rs.getString("status")), RegionCode.of(rs.getString("region_code")),
				Department.valueOf(rs.getString("department")), rs.getString("target"), rs.getString("target_name"),
				rs.getObject("section_id", UUID.class), rs.getObject("complaint_id", UUID.class),
				rs.getObject("entity_id", UUID.class), rs.getObject("expert_id", UUID.class),
				outcome == null ? null : RulingOutcome.valueOf(outcome), day(rs, "until"), rs.getString("reason"),
				rs.getString("content"), rs.getBoolean("published"), rs.getString("prepared_by"),
				rs.getString("prepared_by_name"), instant(rs, "prepared_at"), rs.getString("algorithm"),
				rs.getString("signer_subject"), rs.getString("signer_fingerprint"), instant(rs, "signed_at"),
				rs.getString("reevaluation") == null ? null : ReEvaluationKind.valueOf(rs.getString("reevaluation")));
	}
}
