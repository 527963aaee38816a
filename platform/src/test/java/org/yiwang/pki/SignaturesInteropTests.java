package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.demo.ca.DemoAuthorities;

/**
 * Signatures made by OpenSSL verify in Yiwang, and Yiwang's signatures and timestamps verify in OpenSSL: the
 * signer ID, encodings and certificate profiles are those other tools use.
 */
@PlatformTest
class SignaturesInteropTests {

	private static final Map<KeyAlgorithm, SignatureAlgorithm> ALGORITHM = Map.of(KeyAlgorithm.SM2,
			SignatureAlgorithm.SM3_WITH_SM2, KeyAlgorithm.EC, SignatureAlgorithm.SHA256_WITH_ECDSA, KeyAlgorithm.RSA,
			SignatureAlgorithm.SHA256_WITH_RSA);

	@Autowired
	TrustStore trustStore;

	@Autowired
	Signatures signatures;

	@Autowired
	PlatformKeys platformKeys;

	@Autowired
	DemoAuthorities demoAuthorities;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path dir;

	Path file;

	byte[] content;

	@BeforeEach
	void prepare() throws Exception {
		OpenSsl.assumeInstalled();
		content = "投标文件摘要 bid summary 2026-11-27 section A-01\n".getBytes(StandardCharsets.UTF_8);
		file = Files.write(dir.resolve("bid.txt"), content);
	}

	@ParameterizedTest
	@EnumSource(KeyAlgorithm.class)
	void a_file_signed_with_openssl_dgst_verifies_and_names_the_signer(KeyAlgorithm algorithm) throws Exception {
		TestCa ca = TestCa.trusted(trustStore, dir, algorithm);
		Path certificate = ca.issue("signer", algorithm);
		List<String> sign = new ArrayList<>(List.of("dgst"));
		sign.addAll(OpenSsl.digest(algorithm));
		sign.addAll(List.of("-sign", "signer.key", "-out", "bid.sig", "bid.txt"));
		OpenSsl.run(dir, sign.toArray(String[]::new));
		byte[] signature = Files.readAllBytes(dir.resolve("bid.sig"));
		byte[] pem = Files.readAllBytes(certificate);

		SignatureVerification verification = signatures.verify(content, signature, pem, ALGORITHM.get(algorithm));
		assertThat(verification.valid()).as("%s", verification).isTrue();
		assertThat(verification.signer().creditCode()).isEqualTo(TestCa.CREDIT_CODE);
		assertThat(verification.signer().keyAlgorithm()).isEqualTo(algorithm);

		byte[] other = "投标文件摘要 bid summary 2026-11-27 section A-02\n".getBytes(StandardCharsets.UTF_8);
		assertThat(signatures.verify(other, signature, pem, ALGORITHM.get(algorithm)).failure())
			.isEqualTo(VerificationFailure.SIGNATURE_MISMATCH);
		SignatureAlgorithm wrong = algorithm == KeyAlgorithm.RSA ? SignatureAlgorithm.SM3_WITH_SM2 : SignatureAlgorithm.SHA256_WITH_RSA;
		assertThat(signatures.verify(content, signature, pem, wrong).failure())
			.isEqualTo(VerificationFailure.ALGORITHM_MISMATCH);
		assertThat(signatures.verify(content, signature, "not a certificate".getBytes(), ALGORITHM.get(algorithm)).failure())
			.isEqualTo(VerificationFailure.MALFORMED_CERTIFICATE);
	}

	@ParameterizedTest
	@EnumSource(KeyAlgorithm.class)
	void a_document_signed_with_openssl_dgst_verifies_streamed_and_one_altered_byte_is_a_mismatch(KeyAlgorithm algorithm)
			throws Exception {
		TestCa ca = TestCa.trusted(trustStore, dir, algorithm);
		Path certificate = ca.issue("signer", algorithm);
		byte[] document = new byte[3 * 1024 * 1024 + 17]; // several of the verifier's 64 KB reads, and a partial one
		new java.util.Random(17).nextBytes(document);
		Path file = Files.write(dir.resolve("招标文件.pdf"), document);
		List<String> sign = new ArrayList<>(List.of("dgst"));
		sign.addAll(OpenSsl.digest(algorithm));
		sign.addAll(List.of("-sign", "signer.key", "-out", "document.sig", "招标文件.pdf"));
		OpenSsl.run(dir, sign.toArray(String[]::new));
		byte[] signature = Files.readAllBytes(dir.resolve("document.sig"));
		byte[] pem = Files.readAllBytes(certificate);

		SignatureVerification verification = signatures.verify(() -> {
			try {
				return Files.newInputStream(file);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, signature, pem, ALGORITHM.get(algorithm));
		assertThat(verification.valid()).as("%s", verification).isTrue();
		assertThat(verification.signer().creditCode()).isEqualTo(TestCa.CREDIT_CODE);

		byte[] altered = document.clone();
		altered[altered.length - 1] ^= 1;
		assertThat(signatures.verify(() -> new java.io.ByteArrayInputStream(altered), signature, pem,
				ALGORITHM.get(algorithm)).failure()).isEqualTo(VerificationFailure.SIGNATURE_MISMATCH);
		// and the platform agrees with itself: the in-memory check gives the same answer
		assertThat(signatures.verify(document, signature, pem, ALGORITHM.get(algorithm)).valid()).isTrue();
	}

	@Test
	void garbage_is_a_malformed_signature_and_a_stranger_is_untrusted() {
		TestCa ca = TestCa.trusted(trustStore, dir, KeyAlgorithm.SM2);
		byte[] pem = TestCa.read(ca.issue("signer", KeyAlgorithm.SM2));
		assertThat(signatures.verify(content, "garbage".getBytes(), pem, SignatureAlgorithm.SM3_WITH_SM2).failure())
			.isEqualTo(VerificationFailure.MALFORMED_SIGNATURE);

		TestCa stranger = TestCa.make(dir, KeyAlgorithm.SM2);
		stranger.issue("stranger", KeyAlgorithm.SM2);
		OpenSsl.run(dir, "dgst", "-sm3", "-sigopt", OpenSsl.DISTID, "-sign", "stranger.key", "-out", "stranger.sig", "bid.txt");
		SignatureVerification untrusted = signatures.verify(content, TestCa.read(dir.resolve("stranger.sig")),
				TestCa.read(dir.resolve("stranger.pem")), SignatureAlgorithm.SM3_WITH_SM2);
		assertThat(untrusted.failure()).isEqualTo(VerificationFailure.UNTRUSTED_ISSUER);
		assertThat(untrusted.signer().creditCode()).isEqualTo(TestCa.CREDIT_CODE);
	}

	@Test
	void a_revoked_signers_good_signature_is_refused_with_the_revocation_date() throws Exception {
		TestCa ca = TestCa.trusted(trustStore, dir, KeyAlgorithm.EC);
		Path certificate = ca.issue("signer", KeyAlgorithm.EC);
		OpenSsl.run(dir, "dgst", "-sha256", "-sign", "signer.key", "-out", "bid.sig", "bid.txt");
		byte[] signature = TestCa.read(dir.resolve("bid.sig"));
		assertThat(signatures.verify(content, signature, TestCa.read(certificate), SignatureAlgorithm.SHA256_WITH_ECDSA).valid())
			.isTrue();
		Path crl = ca.revoke(certificate);
		TestActor.admin().run(() -> trustStore.addCrl(TestCa.read(crl)));

		SignatureVerification verification = signatures.verify(content, signature, TestCa.read(certificate),
				SignatureAlgorithm.SHA256_WITH_ECDSA);
		assertThat(verification.failure()).isEqualTo(VerificationFailure.REVOKED);
		assertThat(verification.revokedAt()).isNotNull();
		String body = "{\"content\":\"%s\",\"signature\":\"%s\",\"certificate\":\"%s\",\"algorithm\":\"ecdsa\"}".formatted(
				Base64.getEncoder().encodeToString(content), Base64.getEncoder().encodeToString(signature),
				Files.readString(certificate).replace("\n", "\\n"));
		mvc.perform(post("/api/pki/verify").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.failure").value("REVOKED"))
			.andExpect(jsonPath("$.message")
				.value(matchesPattern("证书已于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 被撤销.*")));
	}

	@ParameterizedTest
	@EnumSource(value = KeyAlgorithm.class, names = { "RSA", "EC" })
	void a_detached_cms_signature_made_by_openssl_verifies(KeyAlgorithm algorithm) {
		TestCa ca = TestCa.trusted(trustStore, dir, algorithm);
		ca.issue("signer", algorithm);
		OpenSsl.run(dir, "cms", "-sign", "-binary", "-in", "bid.txt", "-signer", "signer.pem", "-inkey", "signer.key",
				"-outform", "DER", "-out", "bid.p7s");
		byte[] cms = TestCa.read(dir.resolve("bid.p7s"));

		SignatureVerification verification = signatures.verifyCms(content, cms);
		assertThat(verification.valid()).as("%s", verification).isTrue();
		assertThat(verification.signer().creditCode()).isEqualTo(TestCa.CREDIT_CODE);
		assertThat(signatures.verifyCms("other".getBytes(), cms).failure()).isEqualTo(VerificationFailure.SIGNATURE_MISMATCH);
		assertThat(signatures.verifyCms(content, "garbage".getBytes()).failure())
			.isEqualTo(VerificationFailure.MALFORMED_SIGNATURE);
	}

	@Test
	void demo_ca_certificates_sign_with_openssl_and_an_sm2_cms_signature_verifies() throws Exception {
		Path out = dir.resolve("demo");
		List<DemoAuthorities.Issued> issued = demoAuthorities.issue("重庆演示建设有限公司", "91500000MA5U000010", out);
		assertThat(issued).extracting(DemoAuthorities.Issued::algorithm).containsExactly("sm2", "ecdsa", "rsa");
		for (DemoAuthorities.Issued one : issued) {
			KeyAlgorithm algorithm = one.view().keyAlgorithm();
			List<String> sign = new ArrayList<>(List.of("dgst"));
			sign.addAll(OpenSsl.digest(algorithm));
			sign.addAll(List.of("-sign", one.privateKey().toString(), "-out", one.algorithm() + ".sig", "bid.txt"));
			OpenSsl.run(dir, sign.toArray(String[]::new));
			SignatureVerification verification = signatures.verify(content, TestCa.read(dir.resolve(one.algorithm() + ".sig")),
					TestCa.read(one.certificate()), ALGORITHM.get(algorithm));
			assertThat(verification.valid()).as("%s %s", one.algorithm(), verification).isTrue();
			assertThat(verification.signer().creditCode()).isEqualTo("91500000MA5U000010");
			assertThat(Files.getPosixFilePermissions(one.privateKey())).hasSize(2);
		}
		// OpenSSL cannot make SM2 CMS; BouncyCastle can, with the demo SM2 key.
		DemoAuthorities.Issued sm2 = issued.get(0);
		PrivateKey key;
		try (PEMParser pem = new PEMParser(Files.newBufferedReader(sm2.privateKey()))) {
			key = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER)
				.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) pem.readObject());
		}
		X509CertificateHolder certificate;
		try (PEMParser pem = new PEMParser(Files.newBufferedReader(sm2.certificate()))) {
			certificate = (X509CertificateHolder) pem.readObject();
		}
		CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
		generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
			.setProvider(BouncyCastle.PROVIDER).build())
			.build(new JcaContentSignerBuilder("SM3withSM2").setProvider(BouncyCastle.PROVIDER).build(key), certificate));
		generator.addCertificates(new JcaCertStore(List.of(certificate)));
		byte[] cms = generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		SignatureVerification verification = signatures.verifyCms(content, cms);
		assertThat(verification.valid()).as("%s", verification).isTrue();
		assertThat(verification.algorithm()).isEqualTo("CMS/SM2");
	}

	@Test
	void a_platform_sm2_signature_verifies_with_openssl() throws Exception {
		Files.writeString(dir.resolve("platform.pem"), platformKeys.certificatePem());
		String publicKey = OpenSsl.run(dir, "x509", "-in", "platform.pem", "-pubkey", "-noout");
		Files.writeString(dir.resolve("platform-pub.pem"), publicKey);
		Files.write(dir.resolve("receipt.sig"), platformKeys.sign(content));

		String verified = OpenSsl.run(dir, "dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", OpenSsl.DISTID,
				"-signature", "receipt.sig", "bid.txt");
		assertThat(verified).contains("Verified OK");
		Files.writeString(dir.resolve("other.txt"), "something else");
		assertThat(OpenSsl.attempt(dir, "dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", OpenSsl.DISTID,
				"-signature", "receipt.sig", "other.txt").output()).contains("Verification failure");
		assertThat(platformKeys.certificate().keyAlgorithm()).isEqualTo(KeyAlgorithm.SM2);
		mvc.perform(get("/pki/platform-certificate.pem")).andExpect(status().isOk())
			.andExpect(content().string(platformKeys.certificatePem()));
	}

	@Test
	void a_timestamp_from_the_endpoint_verifies_with_openssl_ts() throws Exception {
		OpenSsl.run(dir, "ts", "-query", "-data", "bid.txt", "-sha256", "-cert", "-out", "bid.tsq");
		byte[] reply = mvc.perform(post("/api/pki/timestamp").contentType("application/timestamp-query")
				.content(TestCa.read(dir.resolve("bid.tsq")))
				.with(authentication(TestActor.of("bidder", org.yiwang.kernel.Role.BIDDER, TestActor.CITY, false).authentication())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/timestamp-reply"))
			.andReturn().getResponse().getContentAsByteArray();
		Files.write(dir.resolve("bid.tsr"), reply);
		String ca = mvc.perform(get("/pki/ca.pem")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Files.writeString(dir.resolve("ca.pem"), ca);

		String verified = OpenSsl.run(dir, "ts", "-verify", "-queryfile", "bid.tsq", "-in", "bid.tsr", "-CAfile", "ca.pem");
		assertThat(verified).contains("Verification: OK");
		assertThat(OpenSsl.run(dir, "ts", "-reply", "-in", "bid.tsr", "-text")).contains("Status: Granted", "sha256");
	}

	@Test
	void another_module_timestamps_a_digest_and_a_bad_request_gets_a_rejection_not_an_error() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
		TimeStampToken token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(
				timestamps.timestamp(digest)));
		assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
		Files.write(dir.resolve("token.der"), token.getEncoded());
		Files.writeString(dir.resolve("ca.pem"), timestamps.caCertificatePem());
		assertThat(OpenSsl.run(dir, "ts", "-verify", "-data", "bid.txt", "-in", "token.der", "-token_in", "-CAfile", "ca.pem"))
			.contains("Verification: OK");

		Files.write(dir.resolve("bad.tsr"), timestamps.respond("not a request".getBytes()));
		assertThat(OpenSsl.run(dir, "ts", "-reply", "-in", "bad.tsr", "-text")).contains("Status: Rejected");
	}

	@Autowired
	TimestampAuthority timestamps;
}
