package org.yiwang.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.TenderingChanged.DocumentSigned;

/**
 * The tender documents' signatures on the portal (issue 17, item 16): the tendering module announces each signature
 * ({@link DocumentSigned}), the portal keeps its own copy, and a published section's public page lists them with the
 * detached signature and signer certificate for anyone to check a downloaded document with OpenSSL. Documents are
 * signed before the notice goes out, so a signature is shown only once a record of its section is public.
 */
@Service
public class DocumentSignatures {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DocumentSignatures(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * One signed document as the portal shows it.
	 *
	 * @param signatureAlgorithm e.g. {@code SM3withSM2}
	 */
	public record DocumentSignatureView(UUID document, String tradeCode, String fileName, String sha256, String sm3,
			String signatureAlgorithm, String signerEntityName, String signerSubject, String signerFingerprint,
			java.time.Instant signedAt) {
	}

	/** A signature file or certificate to download. */
	public record SignatureFiles(DocumentSignatureView document, byte[] signature, String certificatePem) {
	}

	/**
	 * Keeps the signature. Events come at least once (the publication registry redelivers after a crash): the first
	 * delivery wins, a repeat changes nothing. Runs after the signing transaction committed, in the platform's scope.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(DocumentSigned signed) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc.sql("""
				insert into portal.document_signatures (document_id, section_id, trade_code, region_code, file_name,
				  sha256, sm3, signature_algorithm, signature, signer_certificate, signer_subject, signer_fingerprint,
				  signer_entity_name, signed_at, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (document_id) do nothing""")
			.params(signed.document(), signed.section().value(), signed.tradeCode().value(), signed.region().value(),
					signed.fileName(), signed.sha256(), signed.sm3(), signed.signatureAlgorithm(),
					Base64.getDecoder().decode(signed.signature()), signed.signerCertificate(), signed.signerSubject(),
					signed.signerFingerprint(), signed.signerEntityName(), Timestamp.from(signed.occurredAt()),
					Timestamp.from(clock.instant()))
			.update()));
	}

	/** The signed documents of a section (trade code) that has a public record; empty before publication. */
	public List<DocumentSignatureView> ofSection(String tradeCode) {
		return transactions.execute(s -> jdbc.sql("""
				select * from portal.document_signatures d where trade_code = ?
				  and exists (select 1 from portal.records r where r.trade_code = d.trade_code)
				order by file_name, document_id""").param(tradeCode).query(DocumentSignatures::view).list());
	}

	/** The detached signature and certificate of a signed document whose section is public. */
	public Optional<SignatureFiles> files(UUID document) {
		return transactions.execute(s -> jdbc.sql("""
				select * from portal.document_signatures d where document_id = ?
				  and exists (select 1 from portal.records r where r.trade_code = d.trade_code)""").param(document)
			.query((rs, n) -> new SignatureFiles(view(rs, n), rs.getBytes("signature"), rs.getString("signer_certificate")))
			.optional());
	}

	private static DocumentSignatureView view(ResultSet rs, int row) throws SQLException {
		return new DocumentSignatureView(rs.getObject("document_id", UUID.class), rs.getString("trade_code"),
				rs.getString("file_name"), rs.getString("sha256"), rs.getString("sm3"), rs.getString("signature_algorithm"),
				rs.getString("signer_entity_name"), rs.getString("signer_subject"), rs.getString("signer_fingerprint"),
				rs.getTimestamp("signed_at").toInstant());
	}
}
