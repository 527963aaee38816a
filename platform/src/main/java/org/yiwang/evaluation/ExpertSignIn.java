package org.yiwang.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.CertificateSignIn;
import org.yiwang.evaluation.ExpertChanged.ExpertSignedIn;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.pki.KeyAlgorithm;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.SignatureVerification;
import org.yiwang.pki.Signatures;
import org.yiwang.pki.TrustStore;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * Experts sign in with their certificate: the sign-in page shows a one-time random challenge (short-lived, used at
 * most once, whatever the outcome); the expert signs its exact bytes with the bid tool or OpenSSL and uploads the
 * signature; it must verify under the certificate bound to that expert, valid and trusted now.
 */
@Service
public class ExpertSignIn {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A challenge to sign: its id and the exact text (ASCII, no line end) to sign. */
	public record Challenge(UUID id, String text, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	private final Experts experts;

	private final Signatures signatures;

	private final TrustStore trustStore;

	private final CertificateSignIn signIn;

	private final ExpertRefusals refusals;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration lifetime;

	ExpertSignIn(JdbcClient jdbc, Experts experts, Signatures signatures, TrustStore trustStore, CertificateSignIn signIn,
			ExpertRefusals refusals, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${yiwang.evaluation.sign-in-challenge-lifetime:PT5M}") Duration lifetime) {
		this.jdbc = jdbc;
		this.experts = experts;
		this.signatures = signatures;
		this.trustStore = trustStore;
		this.signIn = signIn;
		this.refusals = refusals;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	public Challenge challenge() {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String text = "yiwang-expert-sign-in/1 " + id + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant expires = now.plus(lifetime);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
				insert into evaluation.expert_sign_in_challenges (id, challenge, issued_at, expires_at)
				values (?, ?, ?, ?)""").params(id, text, Timestamp.from(now), Timestamp.from(expires)).update()));
		return new Challenge(id, text, expires);
	}

	/** The text of a challenge still open, to download as the file to sign. */
	public String challengeText(UUID id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc.sql("""
				select challenge from evaluation.expert_sign_in_challenges
				where id = ? and used_at is null and expires_at > ?""")
			.params(id, Timestamp.from(clock.instant()))
			.query(String.class)
			.optional())).orElseThrow(() -> Refusal.notFound("evaluation.signIn.challengeUnknown"));
	}

	/**
	 * Checks the signature over the challenge and returns the expert's session principal. The challenge is spent
	 * by this attempt, successful or not; every refusal is audited and says what to do.
	 */
	public Authentication signIn(String username, UUID challengeId, byte[] signature) {
		String name = username == null ? "" : username.strip().toLowerCase();
		// Nobody is signed in yet: the platform checks, and the refusal log names the username tried.
		return RegionScopes.callAsPlatform(() -> refusals.auditedAround("expert.signIn",
				"expert:" + (name.length() > 40 ? name.substring(0, 40) : name), () -> attempt(name, challengeId, signature)));
	}

	private Authentication attempt(String username, UUID challengeId, byte[] signature) {
		if (username.isEmpty()) {
			throw Refusal.invalid("username", "evaluation.signIn.username");
		}
		if (challengeId == null) {
			throw Refusal.invalid("challenge", "evaluation.signIn.challengeUnknown");
		}
		Instant now = clock.instant();
		// Spent in a transaction of its own, so that a refused attempt does not leave the challenge usable again.
		var spent = transactions.execute(status -> jdbc.sql("""
				update evaluation.expert_sign_in_challenges set used_at = ? where id = ? and used_at is null
				returning challenge, expires_at""")
			.params(Timestamp.from(now), challengeId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() })
			.optional());
		if (spent.isEmpty()) {
			throw Refusal.invalid("challenge", "evaluation.signIn.challengeUsed");
		}
		String text = (String) spent.get()[0];
		if (!now.isBefore((Instant) spent.get()[1])) {
			throw Refusal.invalid("challenge", "evaluation.signIn.challengeExpired");
		}
		if (signature == null || signature.length == 0) {
			throw Refusal.invalid("signature", "evaluation.signIn.signatureRequired");
		}
		String[] fingerprint = new String[1];
		ExpertView expert = transactions.execute(status -> check(username, text, signature, fingerprint));
		// The account module opens its own transaction (in the platform's scope) for the session principal.
		Authentication authentication = signIn.signIn(username, Role.EXPERT)
			.orElseThrow(() -> Refusal.forbidden("evaluation.signIn.accountRefused"));
		transactions.executeWithoutResult(status -> events.publishEvent(new ExpertSignedIn(
				new Actor(username, Role.EXPERT.name(), null), expert.id(), fingerprint[0], expert.homeRegion(), now)));
		return authentication;
	}

	private ExpertView check(String username, String text, byte[] signature, String[] fingerprint) {
		ExpertView expert = experts.byUsername(username)
			.orElseThrow(() -> Refusal.invalid("username", "evaluation.signIn.noExpert", username));
		byte[] certificate = experts.certificate(expert.id())
			.orElseThrow(() -> Refusal.invalid("username", "evaluation.signIn.noCertificate"));
		SignatureVerification verification = signatures.verify(text.getBytes(StandardCharsets.US_ASCII), signature,
				certificate, algorithm(certificate));
		if (!verification.valid()) {
			throw Refusal.invalid("signature", verification.messageKey(),
					verification.revokedAt() == null ? "" : verification.revokedAt().toString());
		}
		fingerprint[0] = verification.signer().fingerprint();
		return expert;
	}

	private SignatureAlgorithm algorithm(byte[] certificate) {
		KeyAlgorithm key = trustStore.inspect(certificate).keyAlgorithm();
		return switch (key) {
			case SM2 -> SignatureAlgorithm.SM3_WITH_SM2;
			case EC -> SignatureAlgorithm.SHA256_WITH_ECDSA;
			case RSA -> SignatureAlgorithm.SHA256_WITH_RSA;
		};
	}
}
