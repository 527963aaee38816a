package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.system.Refusal;

/**
 * Envelopes sealed with OpenSSL-made bidder keys, checked as the platform receives them: accepted when signed by a
 * certificate of a trusted CA and sealed to the section's opening key, refused with the specific reason otherwise.
 */
@PlatformTest
class EnvelopesTests {

	@Autowired
	Envelopes envelopes;

	@Autowired
	OpeningKeys openingKeys;

	@Autowired
	TrustStore trustStore;

	@Autowired
	MessageSource messages;

	@TempDir
	Path dir;

	TestCa ca;

	OpeningKeyView section;

	@BeforeEach
	void aTrustedCaAndAnOpeningKey() {
		OpenSsl.assumeInstalled();
		ca = TestCa.trusted(trustStore, dir, KeyAlgorithm.SM2);
		section = TestActor.cityStaff().call(() -> openingKeys.create("E500100" + UUID.randomUUID(), 2));
	}

	Path seal(TestCa issuer, OpeningKeyView key, String name) throws Exception {
		Path certificate = issuer.issue(name, KeyAlgorithm.SM2);
		Path document = Files.write(dir.resolve(name + "-技术标.pdf"), new byte[200_000]);
		Path envelope = dir.resolve(name + ".ywenv");
		EnvelopeWriter.seal(new EnvelopeWriter.Request("E5001000001001001",
				new PriceSheet("重庆测试建设有限公司", "E5001000001001001", new BigDecimal("1000000.00"), 90, "合格", List.of()),
				List.of(document), Pem.privateKey(dir.resolve(name + ".key")), Pem.certificate(certificate),
				Pem.publicKey(key.publicKeyDer()), null, ContentCipher.SM4_GCM, 0,
				MachineFingerprint.of(Map.of("mac", "test")), null), envelope);
		return envelope;
	}

	@Test
	void aWellSealedEnvelopeIsAcceptedWithItsHashes() throws Exception {
		Path envelope = seal(ca, section, "bidder");
		SealedEnvelope sealed = envelopes.inspect(envelope, section.id());
		byte[] bytes = Files.readAllBytes(envelope);
		assertThat(sealed.sha256()).isEqualTo(Crypto.hex(Crypto.sha256(bytes)));
		assertThat(sealed.sm3()).isEqualTo(Crypto.hex(Crypto.sm3().digest(bytes)));
		assertThat(sealed.size()).isEqualTo(bytes.length);
		assertThat(sealed.tradeCode()).isEqualTo("E5001000001001001");
		assertThat(sealed.signer().creditCode()).isEqualTo(TestCa.CREDIT_CODE);
		assertThat(sealed.signer().keyAlgorithm()).isEqualTo(KeyAlgorithm.SM2);
		assertThat(sealed.header().cipher()).isEqualTo(ContentCipher.SM4_GCM);
	}

	@Test
	void eachBadEnvelopeIsRefusedWithItsReason() throws Exception {
		Path envelope = seal(ca, section, "bidder");
		byte[] bytes = Files.readAllBytes(envelope);

		assertFailure(write("truncated", Arrays.copyOf(bytes, bytes.length - 10)), EnvelopeFailure.TRUNCATED);
		assertFailure(write("half", Arrays.copyOf(bytes, bytes.length / 2)), EnvelopeFailure.TRUNCATED);
		byte[] flipped = bytes.clone();
		flipped[bytes.length / 2] ^= 1;
		assertFailure(write("flipped", flipped), EnvelopeFailure.SIGNATURE_MISMATCH);
		byte[] signature = bytes.clone();
		signature[bytes.length - 5] ^= 1;
		assertFailure(write("signature", signature), EnvelopeFailure.SIGNATURE_MISMATCH);
		byte[] version = bytes.clone();
		version[9] = 9;
		assertFailure(write("version", version), EnvelopeFailure.UNSUPPORTED_VERSION);
		assertFailure(write("pdf", "%PDF-1.7".getBytes()), EnvelopeFailure.NOT_AN_ENVELOPE);
		assertFailure(write("trailing", Arrays.copyOf(bytes, bytes.length + 3)), EnvelopeFailure.TRAILING_DATA);

		OpeningKeyView otherSection = TestActor.cityStaff().call(() -> openingKeys.create("other" + UUID.randomUUID(), 2));
		assertFailure(envelope, otherSection.id(), EnvelopeFailure.NOT_SEALED_TO_OPENING_KEY);

		TestCa untrusted = TestCa.make(dir, KeyAlgorithm.SM2);
		assertFailure(seal(untrusted, section, "stranger"), EnvelopeFailure.UNTRUSTED_SIGNER);

		Path revokedEnvelope = seal(ca, section, "revoked");
		Path crl = ca.revoke(dir.resolve("revoked.pem"));
		TestActor.admin().run(() -> trustStore.addCrl(TestCa.read(crl)));
		EnvelopeRefusal refusal = assertFailure(revokedEnvelope, section.id(), EnvelopeFailure.SIGNER_REVOKED);
		assertThat(refusal.revokedAt()).isNotNull();
		Refusal answer = refusal.toRefusal();
		assertThat(answer.field()).isEqualTo("envelope");
		assertThat(messages.getMessage(answer.messageKey(), answer.arguments(), java.util.Locale.SIMPLIFIED_CHINESE))
			.contains("被撤销");

		assertThatThrownBy(() -> envelopes.inspect(envelope, UUID.randomUUID()))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.notFound"));
		assertFailure(dir.resolve("does-not-exist.ywenv"), section.id(), EnvelopeFailure.UNREADABLE);
	}

	private Path write(String name, byte[] bytes) throws Exception {
		return Files.write(dir.resolve(name + ".ywenv"), bytes);
	}

	private EnvelopeRefusal assertFailure(Path file, EnvelopeFailure expected) {
		return assertFailure(file, section.id(), expected);
	}

	private EnvelopeRefusal assertFailure(Path file, UUID key, EnvelopeFailure expected) {
		try {
			envelopes.inspect(file, key);
		}
		catch (EnvelopeRefusal refusal) {
			assertThat(refusal.failure()).as(refusal.getMessage()).isEqualTo(expected);
			assertThat(messages.getMessage(refusal.failure().messageKey(), new Object[] { "" }, java.util.Locale.ENGLISH))
				.isNotBlank();
			return refusal;
		}
		throw new AssertionError(file + " was accepted; expected " + expected);
	}
}
