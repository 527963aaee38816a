package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditLog;
import org.yiwang.demo.ca.DemoAuthorities;
import org.yiwang.pki.CertificateIssuer.Profile;
import org.yiwang.system.Refusal;

/** The trust store against certificates OpenSSL made, and the refusals a person gets for each kind of bad one. */
@PlatformTest
class TrustStoreTests {

	@Autowired
	TrustStore trustStore;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DemoAuthorities demoAuthorities;

	@Autowired
	CertificateAuthorityKeys authorityKeys;

	@TempDir
	Path dir;

	@BeforeEach
	void openssl() {
		OpenSsl.assumeInstalled();
	}

	@ParameterizedTest
	@EnumSource(KeyAlgorithm.class)
	void accepts_a_certificate_issued_by_an_uploaded_root_and_reads_the_credit_code(KeyAlgorithm algorithm) throws Exception {
		TestCa ca = TestCa.trusted(trustStore, dir, algorithm);
		Path certificate = ca.issue("signer", algorithm);

		CertificateView view = trustStore.validate(Files.readAllBytes(certificate));

		assertThat(view.keyAlgorithm()).isEqualTo(algorithm);
		assertThat(view.creditCode()).isEqualTo(TestCa.CREDIT_CODE);
		assertThat(view.subject()).contains("重庆测试建设有限公司");
		assertThat(view.issuer()).contains(ca.name());
		assertThat(view.authority()).isFalse();
		OpenSsl.run(dir, "x509", "-in", certificate.toString(), "-outform", "DER", "-out", "signer.der");
		String opensslFingerprint = OpenSsl.run(dir, "x509", "-in", "signer.der", "-inform", "DER", "-noout",
				"-fingerprint", "-sha256");
		assertThat(opensslFingerprint.replace(":", "").toLowerCase()).contains(view.fingerprint());
		assertThat(trustStore.validate(Files.readAllBytes(dir.resolve("signer.der")))).isEqualTo(view);
	}

	@Test
	void accepts_a_path_through_a_trusted_intermediate_and_refuses_it_when_the_intermediate_is_not_trusted()
			throws Exception {
		TestCa root = TestCa.trusted(trustStore, dir, KeyAlgorithm.SM2);
		Path intermediateKey = OpenSsl.key(dir, "intermediate.key", KeyAlgorithm.SM2);
		OpenSsl.run(dir, "req", "-new", "-key", "intermediate.key", "-subj", "/CN=Test SM2 Intermediate " + root.name(),
				"-sm3", "-sigopt", OpenSsl.DISTID, "-out", "intermediate.csr");
		Files.writeString(dir.resolve("ca.ext"), "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n");
		OpenSsl.run(dir, "x509", "-req", "-in", "intermediate.csr", "-CA", root.certificate().toString(), "-CAkey",
				root.key().toString(), "-set_serial", "7", "-days", "60", "-extfile", "ca.ext", "-sm3", "-sigopt",
				OpenSsl.DISTID, "-vfyopt", OpenSsl.DISTID, "-out", "intermediate.pem");
		TestCa intermediate = new TestCa(dir, "intermediate", dir.resolve("intermediate.pem"), intermediateKey, KeyAlgorithm.SM2);
		Path signer = intermediate.issue("leaf", KeyAlgorithm.SM2);

		assertThat(refusal(() -> trustStore.validate(Files.readAllBytes(signer))))
			.isEqualTo("pki.failure.untrustedIssuer");
		TestActor.admin().run(() -> trustStore.addCa(TestCa.read(intermediate.certificate())));
		assertThat(trustStore.validate(Files.readAllBytes(signer)).creditCode()).isEqualTo(TestCa.CREDIT_CODE);
	}

	@Test
	void refuses_malformed_pem_and_der() {
		String badPem = "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
		assertThat(refusal(() -> trustStore.validate(badPem.getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("pki.failure.malformedCertificate");
		assertThat(refusal(() -> trustStore.validate(new byte[] { 0x30, 0x03, 0x02, 0x01 })))
			.isEqualTo("pki.failure.malformedCertificate");
		assertThat(refusal(() -> trustStore.validate("hello".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("pki.failure.malformedCertificate");
		assertThat(refusal(() -> trustStore.validate(new byte[0]))).isEqualTo("pki.failure.malformedCertificate");
	}

	@Test
	void refuses_a_certificate_from_a_ca_nobody_uploaded() {
		TestCa stranger = TestCa.make(dir, KeyAlgorithm.EC);
		Path certificate = stranger.issue("stranger-signer", KeyAlgorithm.EC);
		assertThat(refusal(() -> trustStore.validate(TestCa.read(certificate)))).isEqualTo("pki.failure.untrustedIssuer");
		assertThat(refusal(() -> trustStore.validate(TestCa.read(stranger.certificate()))))
			.isEqualTo("pki.failure.untrustedIssuer");
	}

	@Test
	void refuses_rsa_keys_under_2048_bits_as_ca_and_as_signer() {
		Path weakKey = OpenSsl.key(dir, "weak-ca.key", KeyAlgorithm.RSA, 1024);
		Path weakCa = OpenSsl.rootCa(dir, "weak-ca.pem", weakKey, KeyAlgorithm.RSA, "/CN=Weak RSA-1024 Root");
		assertThat(refusal(() -> TestActor.admin().run(() -> trustStore.addCa(TestCa.read(weakCa)))))
			.isEqualTo("pki.failure.weakKey");

		TestCa ca = TestCa.trusted(trustStore, dir, KeyAlgorithm.RSA);
		Path weakSigner = ca.issue("weak-signer", KeyAlgorithm.RSA, 1024);
		assertThat(refusal(() -> trustStore.validate(TestCa.read(weakSigner)))).isEqualTo("pki.failure.weakKey");
	}

	@Test
	void refuses_expired_and_not_yet_valid_certificates() throws Exception {
		JavaCa ca = JavaCa.trusted(trustStore, KeyAlgorithm.SM2);
		Instant now = Instant.now();
		X509CertificateHolder expired = ca.issue(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
		X509CertificateHolder early = ca.issue(now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(400)));
		assertThat(refusal(() -> trustStore.validate(expired.getEncoded()))).isEqualTo("pki.failure.expired");
		assertThat(refusal(() -> trustStore.validate(early.getEncoded()))).isEqualTo("pki.failure.notYetValid");
	}

	@Test
	void refuses_a_certificate_on_its_issuers_revocation_list_with_the_date() throws Exception {
		JavaCa ca = JavaCa.trusted(trustStore, KeyAlgorithm.EC);
		Instant now = Instant.now();
		X509CertificateHolder revoked = ca.issue(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
		X509CertificateHolder kept = ca.issue(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
		assertThat(trustStore.validate(revoked.getEncoded()).serial()).isNotBlank();

		Instant revokedAt = Instant.parse("2026-01-15T02:00:00Z");
		X509v2CRLBuilder crl = new X509v2CRLBuilder(ca.certificate().getSubject(), Date.from(now.minusSeconds(60)));
		crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
		crl.addCRLEntry(revoked.getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
		byte[] crlDer = crl.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
			.build(ca.keys().getPrivate())).getEncoded();
		assertThat(refusal(() -> TestActor.cityStaff().run(() -> trustStore.addCrl(crlDer)))).isEqualTo("pki.adminOnly");
		CrlView added = TestActor.admin().call(() -> trustStore.addCrl(CertificateBytes.pem("X509 CRL", crlDer).getBytes(StandardCharsets.US_ASCII)));
		assertThat(added.revokedCount()).isEqualTo(1);

		assertThatThrownBy(() -> trustStore.validate(revoked.getEncoded())).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.messageKey()).isEqualTo("pki.failure.revoked");
			assertThat(r.arguments()).containsExactly("2026-01-15 10:00:00");
		});
		assertThat(trustStore.validate(kept.getEncoded()).serial()).isEqualTo(kept.getSerialNumber().toString(16).toUpperCase());
		assertThat(refusal(() -> TestActor.admin().run(() -> trustStore.addCrl(crlDer)))).isEqualTo("pki.crl.duplicate");
	}

	@ParameterizedTest
	@EnumSource(value = KeyAlgorithm.class, names = { "SM2", "RSA" })
	void a_crl_made_by_openssl_ca_revokes_what_it_lists(KeyAlgorithm algorithm) {
		TestCa ca = TestCa.trusted(trustStore, dir, algorithm);
		Path revoked = ca.issue("revoked", algorithm);
		Path kept = ca.issue("kept", algorithm);
		Path crl = ca.revoke(revoked);

		CrlView added = TestActor.admin().call(() -> trustStore.addCrl(TestCa.read(crl)));

		assertThat(added.revokedCount()).isEqualTo(1);
		assertThat(refusal(() -> trustStore.validate(TestCa.read(revoked)))).isEqualTo("pki.failure.revoked");
		assertThat(trustStore.validate(TestCa.read(kept)).keyAlgorithm()).isEqualTo(algorithm);
		assertThat(trustStore.crls()).extracting(CrlView::fingerprint).contains(added.fingerprint());
	}

	@Test
	void refuses_a_crl_no_trusted_ca_signed() throws Exception {
		KeyPair stranger = CertificateIssuer.generate(KeyAlgorithm.EC);
		X509v2CRLBuilder crl = new X509v2CRLBuilder(new X500Name("CN=Nobody"), new Date());
		byte[] der = crl.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
			.build(stranger.getPrivate())).getEncoded();
		assertThat(refusal(() -> TestActor.admin().run(() -> trustStore.addCrl(der)))).isEqualTo("pki.crl.unknownIssuer");
		assertThat(refusal(() -> TestActor.admin().run(() -> trustStore.addCrl("junk".getBytes()))))
			.isEqualTo("pki.crl.malformed");
	}

	@Test
	void only_the_administrator_adds_cas_each_addition_is_audited_and_a_duplicate_is_a_conflict() {
		TestCa ca = TestCa.make(dir, KeyAlgorithm.SM2);
		byte[] pem = TestCa.read(ca.certificate());
		assertThat(refusal(() -> TestActor.cityStaff().run(() -> trustStore.addCa(pem)))).isEqualTo("pki.adminOnly");
		TrustedCa added = TestActor.admin().call(() -> trustStore.addCa(pem));
		assertThat(added.origin()).isEqualTo("upload");
		assertThat(trustStore.cas()).extracting(c -> c.certificate().fingerprint()).contains(added.certificate().fingerprint());
		assertThat(TestActor.admin().call(() -> auditLog.latest(added.certificate().fingerprint(), 5)))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.action()).isEqualTo("pki.ca.trusted");
				assertThat(entry.region()).isEqualTo("500000");
			});
		assertThat(refusal(() -> TestActor.admin().run(() -> trustStore.addCa(pem)))).isEqualTo("pki.ca.duplicate");
		Path leaf = ca.issue("not-a-ca", KeyAlgorithm.SM2);
		assertThat(refusal(() -> TestActor.admin().run(() -> trustStore.addCa(TestCa.read(leaf)))))
			.isEqualTo("pki.ca.notAuthority");
	}

	@Test
	void demo_cas_are_trusted_with_demo_data_and_withdrawn_without_it() throws Exception {
		assertThat(demoCas()).containsExactlyInAnyOrder(KeyAlgorithm.SM2, KeyAlgorithm.RSA);
		byte[] demoCertificate = TestCa.read(demoAuthorities.issue("重庆演示建设有限公司", "91500000MA5U000010", dir.resolve("demo"))
			.get(0).certificate());
		assertThat(trustStore.validate(demoCertificate).creditCode()).isEqualTo("91500000MA5U000010");
		try {
			assertThat(authorityKeys.withdrawAll()).isEqualTo(2);
			assertThat(demoCas()).isEmpty();
			assertThat(refusal(() -> trustStore.validate(demoCertificate))).isEqualTo("pki.failure.untrustedIssuer");
		}
		finally {
			demoAuthorities.ensureCreated();
		}
		assertThat(demoCas()).containsExactlyInAnyOrder(KeyAlgorithm.SM2, KeyAlgorithm.RSA);
		assertThat(trustStore.validate(demoCertificate).keyAlgorithm()).isEqualTo(KeyAlgorithm.SM2);
	}

	private java.util.List<KeyAlgorithm> demoCas() {
		return trustStore.cas().stream().filter(ca -> ca.origin().equals("demo"))
			.map(ca -> ca.certificate().keyAlgorithm()).toList();
	}

	static String refusal(ThrowingCallable call) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
		assertThat(thrown).isInstanceOf(Refusal.class);
		return ((Refusal) thrown).messageKey();
	}

	/** A CA made in Java, for certificates with validity periods OpenSSL 3.0's x509 command cannot set. */
	record JavaCa(KeyPair keys, KeyAlgorithm algorithm, X509CertificateHolder certificate) {

		static JavaCa trusted(TrustStore trustStore, KeyAlgorithm algorithm) throws Exception {
			KeyPair keys = CertificateIssuer.generate(algorithm);
			Instant now = Instant.now();
			X509CertificateHolder certificate = CertificateIssuer.selfSigned(
					new X500Name("CN=Java Test CA " + UUID.randomUUID() + ",O=Yiwang Tests"), keys, algorithm,
					Profile.ROOT_CA, now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(1000)));
			byte[] der = certificate.getEncoded();
			TestActor.admin().run(() -> trustStore.addCa(der));
			return new JavaCa(keys, algorithm, certificate);
		}

		X509CertificateHolder issue(Instant notBefore, Instant notAfter) {
			KeyPair subject = CertificateIssuer.generate(algorithm);
			return CertificateIssuer.issue(new X500Name("CN=Signer " + new BigInteger(32, new java.util.Random()) + ",serialNumber=91500000MA5U000010"),
					subject.getPublic(), certificate, certificate.getSubject(), keys.getPrivate(), algorithm, Profile.SIGNING,
					notBefore, notAfter);
		}
	}
}
