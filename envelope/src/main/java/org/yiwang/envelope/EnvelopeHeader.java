package org.yiwang.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The clear-text, signed header of an envelope (see docs/envelope-format.md): what it is for, how its content is
 * encrypted, to whom the content key is wrapped, and who signs it.
 *
 * @param noncePrefix the 7 random bytes every chunk nonce starts with
 * @param contentLength bytes of plaintext content (the archive of price sheet, evidence and files)
 * @param signerCertificate DER of the bidder's certificate
 * @param bidder the bidder the sealed price sheet names, copied into the clear by the sealing tool so the platform can
 *     check it at submission, when the sheet itself is still encrypted (null in envelopes of older tools)
 */
public record EnvelopeHeader(int version, String tradeCode, Instant sealedAt, ContentCipher cipher, int chunkSize,
		byte[] noncePrefix, long contentLength, long chunkCount, List<Recipient> recipients, String signatureAlgorithm,
		byte[] signerCertificate, String tool, String bidder) {

	public static final int NONCE_PREFIX_BYTES = 7;

	public static final int MIN_CHUNK = 1024;

	public static final int MAX_CHUNK = 16 * 1024 * 1024;

	/** 4 TiB of content; far beyond any bid, small enough that no counter overflows. */
	public static final long MAX_CONTENT = 1L << 42;

	public static final int MAX_RECIPIENTS = 8;

	public static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

	/** The trade code (统一交易标识码) as the header carries it: letters, digits and hyphens, at most 64. */
	public static final Pattern TRADE_CODE = Pattern.compile("[0-9A-Za-z-]{1,64}");

	public static final List<String> SIGNATURE_ALGORITHMS = List.of("SM3withSM2", "SHA256withECDSA", "SHA256withRSA");

	/** Who a wrapped content key is for. */
	public enum Role {
		/** The bidder itself (its own certificate): to unwrap its key at opening. */
		BIDDER,
		/** The section's opening key, reassembled from the custodians' shares after the deadline. */
		OPENING
	}

	/**
	 * The content key wrapped to one public key.
	 *
	 * @param keyId SHA-256 of the recipient's SubjectPublicKeyInfo DER, lower-case hex
	 * @param certificateFingerprint SHA-256 of the recipient's certificate DER when it was given as a certificate
	 * @param algorithm {@link KeyWrap#SM2}, {@link KeyWrap#RSA_OAEP} or {@link KeyWrap#ECDH_P256}
	 */
	public record Recipient(Role role, String keyId, String certificateFingerprint, String algorithm, byte[] wrappedKey) {
	}

	public EnvelopeHeader {
		recipients = List.copyOf(recipients);
	}

	public long chunkPlainLength(long index) {
		return index < chunkCount - 1 ? chunkSize : contentLength - (chunkCount - 1) * (long) chunkSize;
	}

	/** The size of the body: every chunk's ciphertext and tag. */
	public long bodyLength() {
		return contentLength + chunkCount * ContentCipher.TAG_BYTES;
	}

	public Optional<Recipient> recipient(String keyId) {
		return recipients.stream().filter(r -> r.keyId().equals(keyId)).findFirst();
	}

	public Optional<Recipient> recipient(Role role) {
		return recipients.stream().filter(r -> r.role() == role).findFirst();
	}

	public String signerFingerprint() {
		return Crypto.hex(Crypto.sha256(signerCertificate));
	}

	static long chunksFor(long contentLength, int chunkSize) {
		return (contentLength + chunkSize - 1) / chunkSize;
	}

	byte[] toJson() {
		ObjectNode node = Json.object();
		node.put("format", "yiwang-sealed-bid");
		node.put("version", version);
		node.put("tradeCode", tradeCode);
		node.put("sealedAt", sealedAt.toString());
		node.put("cipher", cipher.label());
		node.put("chunkSize", chunkSize);
		node.put("noncePrefix", Base64.getEncoder().encodeToString(noncePrefix));
		node.put("contentLength", contentLength);
		node.put("chunkCount", chunkCount);
		ArrayNode array = node.putArray("recipients");
		for (Recipient r : recipients) {
			ObjectNode item = array.addObject();
			item.put("role", r.role().name().toLowerCase());
			item.put("keyId", r.keyId());
			if (r.certificateFingerprint() != null) {
				item.put("certificateFingerprint", r.certificateFingerprint());
			}
			item.put("algorithm", r.algorithm());
			item.put("wrappedKey", Base64.getEncoder().encodeToString(r.wrappedKey()));
		}
		ObjectNode signer = node.putObject("signer");
		signer.put("algorithm", signatureAlgorithm);
		signer.put("certificate", Base64.getEncoder().encodeToString(signerCertificate));
		signer.put("certificateFingerprint", signerFingerprint());
		node.put("tool", tool);
		if (bidder != null) {
			node.put("bidder", bidder);
		}
		return Json.bytes(node);
	}

	static EnvelopeHeader parse(int version, byte[] json) throws EnvelopeException {
		Json h = Json.parse(json, EnvelopeException.Problem.MALFORMED_HEADER, "header");
		if (!"yiwang-sealed-bid".equals(h.string("format", 40))) {
			throw h.fail("format is not yiwang-sealed-bid");
		}
		if (h.number("version", 0, 65535) != version) {
			throw new EnvelopeException(EnvelopeException.Problem.UNSUPPORTED_VERSION,
					"the header's version differs from the file's");
		}
		String tradeCode = h.string("tradeCode", 64);
		if (!TRADE_CODE.matcher(tradeCode).matches()) {
			throw h.fail("tradeCode holds characters other than letters, digits and hyphens");
		}
		Instant sealedAt;
		try {
			sealedAt = Instant.parse(h.string("sealedAt", 40));
		}
		catch (DateTimeParseException e) {
			throw h.fail("sealedAt is not an ISO-8601 instant");
		}
		ContentCipher cipher = ContentCipher.ofLabel(h.string("cipher", 20));
		if (cipher == null) {
			throw h.fail("cipher is neither AES-256-GCM nor SM4-GCM");
		}
		int chunkSize = (int) h.number("chunkSize", MIN_CHUNK, MAX_CHUNK);
		byte[] noncePrefix = h.base64("noncePrefix", 16);
		if (noncePrefix.length != NONCE_PREFIX_BYTES) {
			throw h.fail("noncePrefix is not " + NONCE_PREFIX_BYTES + " bytes");
		}
		long contentLength = h.number("contentLength", 1, MAX_CONTENT);
		long chunkCount = h.number("chunkCount", 1, Integer.MAX_VALUE);
		if (chunkCount != chunksFor(contentLength, chunkSize)) {
			throw h.fail("chunkCount does not fit contentLength and chunkSize");
		}
		List<Recipient> recipients = new ArrayList<>();
		for (Json r : h.array("recipients", MAX_RECIPIENTS, true)) {
			Role role = switch (r.string("role", 10)) {
				case "bidder" -> Role.BIDDER;
				case "opening" -> Role.OPENING;
				default -> throw r.fail("role is neither bidder nor opening");
			};
			String keyId = r.string("keyId", 64);
			if (!keyId.matches("[0-9a-f]{64}")) {
				throw r.fail("keyId is not 64 lower-case hex digits");
			}
			String fingerprint = r.optionalString("certificateFingerprint", 64);
			String algorithm = r.string("algorithm", 40);
			if (!List.of(KeyWrap.SM2, KeyWrap.RSA_OAEP, KeyWrap.ECDH_P256).contains(algorithm)) {
				throw r.fail("algorithm " + algorithm + " is unknown");
			}
			recipients.add(new Recipient(role, keyId, fingerprint, algorithm, r.base64("wrappedKey", 1024)));
		}
		if (recipients.isEmpty()) {
			throw h.fail("there is no recipient");
		}
		Json signer = h.child("signer");
		String algorithm = signer.string("algorithm", 20);
		if (!SIGNATURE_ALGORITHMS.contains(algorithm)) {
			throw signer.fail("algorithm " + algorithm + " is unknown");
		}
		byte[] certificate = signer.base64("certificate", MAX_CERTIFICATE_BYTES);
		return new EnvelopeHeader(version, tradeCode, sealedAt, cipher, chunkSize, noncePrefix, contentLength, chunkCount,
				recipients, algorithm, certificate, h.optionalString("tool", 100), h.optionalString("bidder", 200));
	}

	@Override
	public String toString() {
		return new String(toJson(), StandardCharsets.UTF_8);
	}
}
