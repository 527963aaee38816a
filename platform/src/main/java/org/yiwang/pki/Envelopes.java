package org.yiwang.pki;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeHeader;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.VerifiedEnvelope;
import org.yiwang.system.Refusal;

/**
 * Checks sealed bid envelopes (docs/envelope-format.md) as they arrive, in one streaming pass over the file: the
 * format, the bidder's signature, its certificate in the trust store, and that the content key is wrapped to the
 * section's opening key; and computes SM3 and SHA-256 of the file on the way. Nothing is decrypted.
 */
@Service
public class Envelopes {

	private final TrustStore trustStore;

	private final OpeningKeys openingKeys;

	private final TransactionTemplate reads;

	/**
	 * Each opening key's key id, which names the key an envelope's content key is wrapped to: an opening key is never
	 * changed once created (only its shares are read at opening), so it is read once per process, not once a bid.
	 */
	private final Map<UUID, String> keyIds = new ConcurrentHashMap<>();

	Envelopes(TrustStore trustStore, OpeningKeys openingKeys, PlatformTransactionManager transactions) {
		this.trustStore = trustStore;
		this.openingKeys = openingKeys;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}


	/**
	 * @throws EnvelopeRefusal with the specific reason when the envelope is not accepted
	 * @throws Refusal (404) when there is no such opening key
	 */
	public SealedEnvelope inspect(Path file, UUID openingKey) {
		return inspect(verify(file), openingKey);
	}

	/**
	 * The pass over the file: its format, both hashes and the signature over them, with no database (no connection is
	 * held during it). {@link #inspect(VerifiedEnvelope, UUID)} then judges the signer and the recipient.
	 *
	 * @throws EnvelopeRefusal with the specific reason when the envelope is not accepted
	 */
	public VerifiedEnvelope verify(Path file) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
			return verify(in);
		}
		catch (IOException e) {
			throw new EnvelopeRefusal(EnvelopeFailure.UNREADABLE, e.toString(), null);
		}
	}

	/**
	 * As {@link #verify(Path)}, reading the envelope from a stream to its end (a body as it arrives: the caller keeps
	 * the bytes it reads).
	 *
	 * @throws EnvelopeRefusal with the specific reason when the envelope is not accepted
	 */
	public VerifiedEnvelope verify(InputStream in) {
		try {
			return EnvelopeReader.verify(in);
		}
		catch (EnvelopeException e) {
			throw new EnvelopeRefusal(failure(e.problem()), e.getMessage(), null);
		}
		catch (IOException e) {
			throw new EnvelopeRefusal(EnvelopeFailure.UNREADABLE, e.toString(), null);
		}
	}

	/**
	 * Judges a verified envelope: its signer's certificate against the trust store, and that it is sealed to the
	 * opening key. Reads in the caller's transaction when there is one (a bid's checks read together), else in a
	 * read-only one of its own.
	 *
	 * @throws EnvelopeRefusal with the specific reason when the envelope is not accepted
	 * @throws Refusal (404) when there is no such opening key
	 */
	public SealedEnvelope inspect(VerifiedEnvelope verified, UUID openingKey) {
		String keyId = keyIds.get(openingKey);
		CertificateView signer = reads.execute(status -> {
			if (keyId == null) {
				keyIds.put(openingKey, openingKeys.find(openingKey)
					.orElseThrow(() -> Refusal.notFound("pki.openingKey.notFound")).keyId());
			}
			try {
				X509CertificateHolder signerCertificate = new X509CertificateHolder(verified.header().signerCertificate());
				return trustStore.validate(signerCertificate);
			}
			catch (Rejected rejected) {
				throw new EnvelopeRefusal(failure(rejected.failure()), rejected.getMessage(), rejected.revokedAt());
			}
			catch (IOException e) {
				throw new EnvelopeRefusal(EnvelopeFailure.MALFORMED, "the signer certificate cannot be read", null);
			}
		});
		String sealedTo = keyIds.get(openingKey);
		EnvelopeHeader header = verified.header();
		boolean sealedToKey = header.recipient(EnvelopeHeader.Role.OPENING)
			.filter(r -> r.keyId().equals(sealedTo))
			.isPresent();
		if (!sealedToKey) {
			throw new EnvelopeRefusal(EnvelopeFailure.NOT_SEALED_TO_OPENING_KEY,
					"the content key is not wrapped to opening key " + sealedTo, null);
		}
		return new SealedEnvelope(verified.sm3(), verified.sha256(), verified.size(), header.tradeCode(), signer,
				verified.signer(), header.sealedAt(), header);
	}

	static EnvelopeFailure failure(EnvelopeException.Problem problem) {
		return switch (problem) {
			case NOT_AN_ENVELOPE -> EnvelopeFailure.NOT_AN_ENVELOPE;
			case UNSUPPORTED_VERSION -> EnvelopeFailure.UNSUPPORTED_VERSION;
			case TRUNCATED -> EnvelopeFailure.TRUNCATED;
			case HEADER_TOO_LARGE -> EnvelopeFailure.HEADER_TOO_LARGE;
			case TRAILING_DATA -> EnvelopeFailure.TRAILING_DATA;
			case UNSIGNED -> EnvelopeFailure.UNSIGNED;
			case SIGNATURE_MISMATCH, CONTENT_TAMPERED -> EnvelopeFailure.SIGNATURE_MISMATCH;
			case NOT_A_RECIPIENT, WRONG_KEY -> EnvelopeFailure.NOT_SEALED_TO_OPENING_KEY;
			case MALFORMED_HEADER, MALFORMED_SIGNER, MALFORMED_CONTENT, BAD_INPUT -> EnvelopeFailure.MALFORMED;
		};
	}

	static EnvelopeFailure failure(VerificationFailure failure) {
		return switch (failure) {
			case EXPIRED, NOT_YET_VALID -> EnvelopeFailure.SIGNER_EXPIRED;
			case REVOKED -> EnvelopeFailure.SIGNER_REVOKED;
			case WEAK_KEY -> EnvelopeFailure.SIGNER_WEAK_KEY;
			case MALFORMED_CERTIFICATE -> EnvelopeFailure.MALFORMED;
			default -> EnvelopeFailure.UNTRUSTED_SIGNER;
		};
	}
}
