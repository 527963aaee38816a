package org.yiwang.pki.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.CrlView;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.SignatureVerification;
import org.yiwang.pki.Signatures;
import org.yiwang.pki.TimestampAuthority;
import org.yiwang.pki.TrustStore;
import org.yiwang.pki.TrustedCa;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/pki")
@Tag(name = "pki", description = "Trust store, signature verification, RFC 3161 timestamps")
class PkiApi {

	/** Revocation dates in messages are the trading center's local time, as on the pages. */
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	/** 64 KB of DER is at most ~88k characters of base64 or PEM. */
	private static final int MAX_TEXT = 90_000;

	private final TrustStore trustStore;

	private final Signatures signatures;

	private final TimestampAuthority timestamps;

	private final MessageSource messages;

	PkiApi(TrustStore trustStore, Signatures signatures, TimestampAuthority timestamps, MessageSource messages) {
		this.trustStore = trustStore;
		this.signatures = signatures;
		this.timestamps = timestamps;
		this.messages = messages;
	}

	/** @param certificate PEM, or base64 of the DER encoding */
	record NewCa(@NotBlank @Size(max = MAX_TEXT) String certificate) {
	}

	/** @param crl PEM, or base64 of the DER encoding */
	record NewCrl(@NotBlank @Size(max = MAX_TEXT) String crl) {
	}

	/**
	 * @param content base64 of the signed bytes (at most 1 MB)
	 * @param signature base64 of the raw signature or of a DER CMS SignedData, or a PEM CMS
	 * @param certificate the signer's certificate, PEM or base64 DER; not needed for CMS
	 * @param algorithm SM3_WITH_SM2, SHA256_WITH_ECDSA, SHA256_WITH_RSA, or CMS for a detached CMS/PKCS#7 signature
	 */
	record VerifyRequest(@NotBlank @Size(max = 1_400_000) String content, @NotBlank @Size(max = MAX_TEXT) String signature,
			@Size(max = MAX_TEXT) String certificate, @NotBlank @Size(max = 40) String algorithm) {
	}

	record VerifyResponse(boolean valid, String failure, String message, CertificateView signer, String algorithm,
			Instant revokedAt) {
	}

	@GetMapping("/cas")
	@Operation(summary = "The CA certificates the platform trusts")
	List<TrustedCa> cas() {
		return trustStore.cas();
	}

	@PostMapping("/cas")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Trust a CA certificate (a root, or an intermediate under a trusted root); administrator only")
	TrustedCa addCa(@Valid @RequestBody NewCa ca) {
		return trustStore.addCa(bytes("certificate", ca.certificate()));
	}

	@PostMapping("/crls")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a revocation list signed by a trusted CA; administrator only")
	CrlView addCrl(@Valid @RequestBody NewCrl crl) {
		return trustStore.addCrl(bytes("crl", crl.crl()));
	}

	@PostMapping("/verify")
	@Operation(summary = "Check a signature over content: who signed, or precisely why it is not accepted")
	VerifyResponse verify(@Valid @RequestBody VerifyRequest request, Locale locale) {
		byte[] content = base64("content", request.content());
		SignatureVerification result;
		if ("CMS".equalsIgnoreCase(request.algorithm().strip()) || "PKCS7".equalsIgnoreCase(request.algorithm().strip())) {
			result = signatures.verifyCms(content, bytes("signature", request.signature()));
		}
		else {
			SignatureAlgorithm algorithm = SignatureAlgorithm.parse(request.algorithm());
			if (algorithm == null) {
				throw Refusal.invalid("algorithm", "pki.algorithm.unknown", request.algorithm());
			}
			if (request.certificate() == null || request.certificate().isBlank()) {
				throw Refusal.invalid("certificate", "pki.certificate.required");
			}
			result = signatures.verify(content, base64("signature", request.signature()),
					bytes("certificate", request.certificate()), algorithm);
		}
		return new VerifyResponse(result.valid(), result.failure() == null ? null : result.failure().name(),
				messages.getMessage(result.messageKey(),
						new Object[] { result.revokedAt() == null ? "" : SHOWN.format(result.revokedAt()) }, locale),
				result.signer(), result.algorithm(), result.revokedAt());
	}

	@PostMapping(path = "/timestamp", consumes = "application/timestamp-query", produces = "application/timestamp-reply")
	@Operation(summary = "RFC 3161 timestamp: a DER TimeStampReq in, a DER TimeStampResp out")
	byte[] timestamp(@RequestBody byte[] request) {
		if (request.length > TimestampAuthority.MAX_REQUEST_BYTES) {
			throw Refusal.invalid("request", "pki.timestamp.tooLarge", TimestampAuthority.MAX_REQUEST_BYTES);
		}
		return timestamps.respond(request);
	}

	/** PEM text as it is; anything else is base64 of DER. */
	private static byte[] bytes(String field, String text) {
		if (text.contains("-----BEGIN")) {
			return text.getBytes(StandardCharsets.US_ASCII);
		}
		return base64(field, text);
	}

	private static byte[] base64(String field, String text) {
		try {
			return Base64.getMimeDecoder().decode(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "pki.base64.invalid");
		}
	}
}
