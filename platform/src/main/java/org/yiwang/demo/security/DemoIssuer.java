package org.yiwang.demo.security;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.yiwang.demo.DemoOn;
import org.yiwang.kernel.Sha256;

/**
 * The demo issuer's system (示范融资担保有限公司), a client of the platform's API with the {@code issuer.api} token: it
 * gets a demo-CA SM2 certificate for its entity once (bound to it through the registry API) and keeps the key in
 * memory; then, every few seconds, it issues a letter for each application addressed to it (a one-page PDF made on the
 * fly, the canonical form signed with SM3withSM2, posted under an idempotency key that is the application's id, so a
 * retry never issues twice), acknowledges each release, and pays each approved claim in full.
 */
@Component
@DemoOn
class DemoIssuer {

	private static final Logger log = LoggerFactory.getLogger(DemoIssuer.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** How much longer than the bid validity the demo letters stay valid. */
	private static final int EXTRA_DAYS = 30;

	private static final Provider BC = new BouncyCastleProvider();

	private final Clock clock;

	private volatile RestClient api;

	private volatile PrivateKey key;

	private volatile String certificatePem;

	/** Applications whose letter the platform refused: a clerk's matter, not retried every few seconds. */
	private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

	DemoIssuer(Clock clock) {
		this.clock = clock;
	}

	void connect(RestClient api) {
		this.api = api;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Application(String id, String tradeCode, String beneficiaryCreditCode, String applicantCreditCode,
			BigDecimal amount, LocalDate bidValidityEnd) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Item(String id, BigDecimal amount) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Credentials(String certificatePem, String privateKeyPem) {
	}

	void work() {
		if (api == null) {
			return;
		}
		if (key == null) {
			obtainCertificate();
		}
		for (Application application : list("/api/guarantees/issuer/applications", new ParameterizedTypeReference<List<Application>>() {
		})) {
			issue(application);
		}
		for (Item release : list("/api/guarantees/issuer/releases", new ParameterizedTypeReference<List<Item>>() {
		})) {
			api.post().uri("/api/guarantees/issuer/releases/{id}/acknowledgement", release.id()).retrieve().toBodilessEntity();
			log.info("Demo issuer acknowledged release {}", release.id());
		}
		for (Item claim : list("/api/guarantees/issuer/claims", new ParameterizedTypeReference<List<Item>>() {
		})) {
			api.post().uri("/api/guarantees/issuer/claims/{id}/payment", claim.id())
				.header("Idempotency-Key", "demo-claim-" + claim.id()).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("paidAmount", claim.amount(), "paidAt", clock.instant().toString()))
				.retrieve().toBodilessEntity();
			log.info("Demo issuer paid claim {}: {} yuan", claim.id(), claim.amount());
		}
	}

	/** A demo-CA certificate for the issuer's own entity, bound at once; its key never leaves this object. */
	private void obtainCertificate() {
		Credentials credentials = api.post().uri("/api/registry/me/demo-certificate").retrieve().body(Credentials.class);
		String base64 = credentials.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		try {
			key = KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException("The demo CA's key does not read as PKCS#8 EC", e);
		}
		certificatePem = credentials.certificatePem();
		log.info("Demo issuer holds a demo-CA SM2 certificate bound to its entity");
	}

	private void issue(Application a) {
		if (refused.contains(a.id())) {
			return;
		}
		String letterNumber = "DEMO-BH-" + a.id().toUpperCase();
		LocalDate validFrom = LocalDate.now(clock.withZone(CHINA));
		LocalDate validUntil = a.bidValidityEnd().plusDays(EXTRA_DAYS);
		String amount = a.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
		byte[] pdf = DemoPdf.page(List.of("YIWANG DEMO - Bid security guarantee letter (not a real guarantee)",
				"Letter number: " + letterNumber, "Trade code: " + a.tradeCode(),
				"Beneficiary (credit code): " + a.beneficiaryCreditCode(),
				"Applicant (credit code): " + a.applicantCreditCode(), "Amount: CNY " + amount,
				"Valid from " + validFrom + " until " + validUntil,
				"Issued by the demo issuer's system through the platform's API."));
		// Written from the published canonical form (docs/bid-security.md), not from the platform's own class: an
		// issuer's system has only the documentation, and this keeps the two honest.
		String canonical = "YIWANG-GUARANTEE-LETTER-V1\n" + "letterNumber=" + letterNumber + "\n" + "tradeCode="
				+ a.tradeCode() + "\n" + "beneficiaryCreditCode=" + a.beneficiaryCreditCode() + "\n"
				+ "applicantCreditCode=" + a.applicantCreditCode() + "\n" + "amount=" + amount + "\n" + "validFrom="
				+ validFrom + "\n" + "validUntil=" + validUntil + "\n" + "pdfSha256=" + Sha256.hex(pdf) + "\n";
		Map<String, Object> letter = new java.util.LinkedHashMap<>();
		letter.put("letterNumber", letterNumber);
		letter.put("tradeCode", a.tradeCode());
		letter.put("beneficiaryCreditCode", a.beneficiaryCreditCode());
		letter.put("applicantCreditCode", a.applicantCreditCode());
		letter.put("amount", new BigDecimal(amount));
		letter.put("validFrom", validFrom.toString());
		letter.put("validUntil", validUntil.toString());
		letter.put("pdf", Base64.getEncoder().encodeToString(pdf));
		letter.put("signature", Base64.getEncoder().encodeToString(sign(canonical.getBytes(StandardCharsets.UTF_8))));
		letter.put("algorithm", "SM3_WITH_SM2");
		letter.put("certificate", certificatePem);
		try {
			api.post().uri("/api/guarantees/issuer/applications/{id}/letter", a.id()).header("Idempotency-Key", "demo-" + a.id())
				.contentType(MediaType.APPLICATION_JSON).body(letter).retrieve().toBodilessEntity();
			log.info("Demo issuer issued letter {} for trade {}", letterNumber, a.tradeCode());
		}
		catch (RestClientResponseException refusal) {
			// A real issuer's clerk would look into it; the demo logs the platform's reason.
			log.warn("Demo issuer's letter {} refused: {}", letterNumber, refusal.getResponseBodyAsString());
			if (refusal.getStatusCode().is4xxClientError()) {
				refused.add(a.id());
			}
		}
	}

	/** SM3withSM2 with the GM/T 0009 default signer ID, which is BouncyCastle's default. */
	private byte[] sign(byte[] content) {
		try {
			Signature signature = Signature.getInstance("SM3withSM2", BC);
			signature.initSign(key);
			signature.update(content);
			return signature.sign();
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private <T> List<T> list(String path, ParameterizedTypeReference<List<T>> type) {
		List<T> items = api.get().uri(path).retrieve().body(type);
		return items == null ? List.of() : items;
	}
}
