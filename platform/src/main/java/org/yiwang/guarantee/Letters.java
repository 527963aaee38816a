package org.yiwang.guarantee;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Recorded guarantee letters, with what was signed, and the idempotency keys of the calls that posted them. */
@Repository
class Letters {

	/** Everything a letter row holds besides its view: the evidence kept for later checks. */
	record Evidence(byte[] pdf, byte[] signedContent, byte[] signature, byte[] signerCertificate) {
	}

	/** A stored idempotency key: what was asked under it and which letter answered. */
	record Key(String requestSha256, UUID letter) {
	}

	private final JdbcClient jdbc;

	Letters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(GuaranteeView g, Evidence evidence) {
		jdbc.sql("""
				insert into guarantee.letters (id, application_id, letter_number, verification_code, issuer_id, issuer_name,
				  beneficiary_name, beneficiary_credit_code, applicant_id, applicant_credit_code, trade_code, amount,
				  valid_from, valid_until, pdf, pdf_sha256, signed_content, signature, algorithm, signer_fingerprint,
				  signer_certificate, status, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(g.id(), g.application(), g.letterNumber(), g.verificationCode(), g.issuer().value(), g.issuerName(),
					g.beneficiaryName(), g.beneficiaryCreditCode(), g.applicant().value(), g.applicantCreditCode(),
					g.tradeCode().value(), g.amount().yuan(), Date.valueOf(g.validFrom()), Date.valueOf(g.validUntil()),
					evidence.pdf(), g.pdfSha256(), evidence.signedContent(), evidence.signature(), g.algorithm(),
					g.signerFingerprint(), evidence.signerCertificate(), g.status().name(), Timestamp.from(g.recordedAt()))
			.update();
	}

	boolean numberTaken(String letterNumber) {
		return jdbc.sql("select count(*) from guarantee.letters where letter_number = ?").param(letterNumber)
			.query(Long.class).single() > 0;
	}

	Optional<GuaranteeView> byId(UUID id) {
		return jdbc.sql("select * from guarantee.letters where id = ?").param(id).query(Letters::view).optional();
	}

	Optional<GuaranteeView> byNumber(String letterNumber) {
		return jdbc.sql("select * from guarantee.letters where letter_number = ?").param(letterNumber)
			.query(Letters::view).optional();
	}

	List<GuaranteeView> ofApplicant(EntityId applicant) {
		return jdbc.sql("select * from guarantee.letters where applicant_id = ? order by recorded_at desc")
			.param(applicant.value()).query(Letters::view).list();
	}

	/** Valid letters of the applicant for the trade, of at least the amount and in force on the day, largest first. */
	List<GuaranteeView> held(EntityId applicant, TradeCode trade, Money atLeast, LocalDate day) {
		return jdbc.sql("""
				select * from guarantee.letters where applicant_id = ? and trade_code = ? and status = 'VALID'
				  and amount >= ? and valid_from <= ? and valid_until >= ? order by amount desc, valid_until desc""")
			.params(applicant.value(), trade.value(), atLeast.yuan(), Date.valueOf(day), Date.valueOf(day))
			.query(Letters::view).list();
	}

	Optional<Key> key(String client, String key) {
		return jdbc.sql("""
				select request_sha256, letter_id from guarantee.idempotency_keys
				where client_username = ? and idempotency_key = ?""")
			.params(client, key)
			.query((rs, row) -> new Key(rs.getString("request_sha256"), rs.getObject("letter_id", UUID.class))).optional();
	}

	void addKey(String client, String key, String requestSha256, UUID letter, Instant now) {
		jdbc.sql("""
				insert into guarantee.idempotency_keys (client_username, idempotency_key, request_sha256, letter_id, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(client, key, requestSha256, letter, Timestamp.from(now)).update();
	}

	static GuaranteeView view(ResultSet rs, int row) throws SQLException {
		return new GuaranteeView(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getString("letter_number"), rs.getString("verification_code"),
				new EntityId(rs.getObject("issuer_id", UUID.class)), rs.getString("issuer_name"),
				rs.getString("beneficiary_name"), rs.getString("beneficiary_credit_code"),
				new EntityId(rs.getObject("applicant_id", UUID.class)), rs.getString("applicant_credit_code"),
				TradeCode.of(rs.getString("trade_code")), Money.of(rs.getBigDecimal("amount")),
				rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate(), rs.getString("pdf_sha256"),
				rs.getString("algorithm"), rs.getString("signer_fingerprint"), GuaranteeStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
