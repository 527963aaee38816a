package org.yiwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.TrustStore;
import org.yiwang.system.Refusal;

/**
 * CA mutual recognition end to end, with certificates and signatures made by OpenSSL: an approved entity binds an SM2
 * certificate naming its credit code and an ECDSA certificate of another CA that staff confirm; a file signed by the
 * bound key is the entity's, the same file signed by an unbound key is refused with the reason.
 */
@PlatformTest
class CertificateBindingTests {

	private static final String ID = "distid:1234567812345678";

	@Autowired
	EntityRegistry registry;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	TrustStore trustStore;

	@Autowired
	AuthenticationProvider login;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@TempDir
	Path dir;

	String user;

	EntityView entity;

	String code;

	@BeforeEach
	void an_approved_entity_and_two_trusted_cas() throws Exception {
		boolean openssl = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(openssl).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(openssl, "openssl is not installed here");
		code = EntityRegistryTests.creditCode("500103");
		user = EntityRegistryTests.username();
		EntityView registered = registry.register(EntityRegistryTests.organisation(code, TestActor.YUZHONG, user,
				EntityRole.BIDDER));
		entity = TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));

		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "sm2-ca.key");
		openssl("req", "-x509", "-new", "-key", "sm2-ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Binding Test SM2 CA " + user,
				"-days", "3650", "-out", "sm2-ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec-ca.key");
		openssl("req", "-x509", "-new", "-key", "ec-ca.key", "-sha256", "-subj", "/CN=Binding Test ECDSA CA " + user, "-days",
				"3650", "-out", "ec-ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> {
			trustStore.addCa(read("sm2-ca.pem"));
			trustStore.addCa(read("ec-ca.pem"));
		});
		sm2Certificate("entity", "/CN=" + user + "/serialNumber=" + code);
		sm2Certificate("stranger", "/CN=someone else " + user + "/serialNumber=" + EntityRegistryTests.creditCode("500101"));
		sm2Certificate("unnamed", "/CN=" + user + " unbound key");
		openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.key");
		openssl("req", "-new", "-key", "ec.key", "-sha256", "-subj", "/CN=" + user + " ECDSA signing", "-out", "ec.csr");
		openssl("x509", "-req", "-in", "ec.csr", "-CA", "ec-ca.pem", "-CAkey", "ec-ca.key", "-sha256", "-days", "3650",
				"-out", "ec.pem", "-CAcreateserial");
		Files.writeString(dir.resolve("bid.txt"), "投标文件 " + user, StandardCharsets.UTF_8);
	}

	private void sm2Certificate(String name, String subject) throws Exception {
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", ID, "-subj", subject, "-out", name + ".csr");
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "sm2-ca.pem", "-CAkey", "sm2-ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", name + ".pem", "-CAcreateserial");
	}

	private void sm2Sign(String key, String file, String signature) throws Exception {
		openssl("dgst", "-sm3", "-sign", key, "-sigopt", ID, "-out", signature, file);
	}

	@Test
	void a_file_signed_with_the_bound_key_is_the_entitys_and_one_signed_by_an_unbound_key_is_refused() throws Exception {
		CertificateBinding sm2 = as(user, () -> certificates.bind(read("entity.pem")));
		assertThat(sm2.status()).isEqualTo(BindingStatus.ACTIVE);
		assertThat(sm2.basis()).isEqualTo("CREDIT_CODE");

		CertificateBinding ecdsa = as(user, () -> certificates.bind(read("ec.pem")));
		assertThat(ecdsa.status()).as("names no credit code: staff confirm it").isEqualTo(BindingStatus.PENDING);
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(certificates::pending))
			.extracting(CertificateBinding::fingerprint).contains(ecdsa.fingerprint());
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(certificates::pending))
			.extracting(CertificateBinding::fingerprint).doesNotContain(ecdsa.fingerprint());
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> certificates.decide(ecdsa.fingerprint(), true, null));
		assertThat(TestActor.cityStaff().call(() -> certificates.bindings(entity.id())))
			.extracting(CertificateBinding::status).containsOnly(BindingStatus.ACTIVE).hasSize(2);

		sm2Sign("entity.key", "bid.txt", "bid.sig");
		EntitySignature withCertificate = check("bid.txt", "bid.sig", SignatureAlgorithm.SM3_WITH_SM2, "entity.pem");
		assertThat(withCertificate.accepted()).isTrue();
		assertThat(withCertificate.messageKey()).isEqualTo("registry.signature.accepted");
		assertThat(check("bid.txt", "bid.sig", SignatureAlgorithm.SM3_WITH_SM2, null).accepted())
			.as("found among the bound certificates").isTrue();

		openssl("dgst", "-sha256", "-sign", "ec.key", "-out", "bid-ec.sig", "bid.txt");
		assertThat(check("bid.txt", "bid-ec.sig", SignatureAlgorithm.SHA256_WITH_ECDSA, null).accepted())
			.as("the second CA's certificate counts too").isTrue();

		sm2Sign("unnamed.key", "bid.txt", "bid-unbound.sig");
		EntitySignature unbound = check("bid.txt", "bid-unbound.sig", SignatureAlgorithm.SM3_WITH_SM2, "unnamed.pem");
		assertThat(unbound.accepted()).isFalse();
		assertThat(unbound.messageKey()).isEqualTo("registry.signature.notBound");
		assertThat(check("bid.txt", "bid-unbound.sig", SignatureAlgorithm.SM3_WITH_SM2, null).messageKey())
			.isEqualTo("registry.signature.noBoundMatch");

		Files.writeString(dir.resolve("changed.txt"), "投标文件 " + user + " (changed)");
		EntitySignature changed = check("changed.txt", "bid.sig", SignatureAlgorithm.SM3_WITH_SM2, "entity.pem");
		assertThat(changed.accepted()).isFalse();
		assertThat(changed.messageKey()).isEqualTo("pki.failure.signatureMismatch");
	}

	@Test
	void a_certificate_of_another_entity_or_a_ca_certificate_or_garbage_is_refused() {
		assertThatThrownBy(() -> as(user, () -> certificates.bind(read("stranger.pem"))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.certificate.otherCode"));
		assertThatThrownBy(() -> as(user, () -> certificates.bind(read("sm2-ca.pem"))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.certificate.isAuthority"));
		assertThatThrownBy(() -> as(user, () -> certificates.bind("-----BEGIN CERTIFICATE-----\nnot base64\n".getBytes())))
			.isInstanceOf(Refusal.class);
		CertificateBinding bound = as(user, () -> certificates.bind(read("entity.pem")));
		assertThatThrownBy(() -> as(user, () -> certificates.bind(read("entity.pem"))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.certificate.alreadyBound"));
		assertThat(bound.creditCode()).isEqualTo(code);
	}

	@Test
	void a_revoked_certificate_shows_as_revoked_on_the_entitys_pages_and_its_signatures_are_refused_as_revoked()
			throws Exception {
		CertificateBinding bound = as(user, () -> certificates.bind(read("entity.pem")));
		sm2Sign("entity.key", "bid.txt", "bid.sig");
		assertThat(check("bid.txt", "bid.sig", SignatureAlgorithm.SM3_WITH_SM2, null).accepted()).isTrue();

		// The CA revokes the certificate (openssl ca, key compromise) and its CRL enters the trust store.
		Files.writeString(dir.resolve("index.txt"), "");
		Files.writeString(dir.resolve("crlnumber"), "01\n");
		Files.writeString(dir.resolve("ca.cnf"), "[ ca ]\ndefault_ca = test\n[ test ]\ndatabase = index.txt\n"
				+ "crlnumber = crlnumber\ndefault_md = sm3\ndefault_crl_days = 7\n");
		openssl("ca", "-config", "ca.cnf", "-keyfile", "sm2-ca.key", "-cert", "sm2-ca.pem", "-revoke", "entity.pem",
				"-crl_reason", "keyCompromise");
		openssl("ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "sm2-ca.key", "-cert", "sm2-ca.pem", "-out", "crl.pem",
				"-sigopt", ID);
		TestActor.admin().run(() -> trustStore.addCrl(read("crl.pem")));

		EntitySignature named = check("bid.txt", "bid.sig", SignatureAlgorithm.SM3_WITH_SM2, "entity.pem");
		assertThat(named.accepted()).isFalse();
		assertThat(named.messageKey()).isEqualTo("registry.signature.revoked");
		assertThat(named.revokedAt()).isNotNull();
		EntitySignature found = check("bid.txt", "bid.sig", SignatureAlgorithm.SM3_WITH_SM2, null);
		assertThat(found.accepted()).isFalse();
		assertThat(found.messageKey()).as("revoked, not 'no bound certificate matches'").isEqualTo("registry.signature.revoked");
		assertThat(found.revokedAt()).isEqualTo(named.revokedAt());
		assertThat((String) found.messageArguments(entity.name())[2]).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

		assertThat(TestActor.cityStaff().call(() -> certificates.bindings(entity.id())))
			.filteredOn(b -> b.fingerprint().equals(bound.fingerprint())).singleElement()
			.satisfies(b -> assertThat(b.revokedAt()).isEqualTo(named.revokedAt()));

		var member = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(login.authenticate(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
					user, EntityRegistryTests.PASSWORD)));
		for (String page : List.of("/registry/my", "/registry/entities/" + entity.id())) {
			String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page).with(member))
				.andReturn().getResponse().getContentAsString();
			String row = html.substring(html.indexOf("data-fingerprint=\"" + bound.fingerprint() + "\""));
			row = row.substring(0, row.indexOf("</tr>"));
			assertThat(row).as(page).contains("已吊销").doesNotContain("有效</span>");
		}
		var signed = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/registry/entities/" + entity.id() + "/signature-check")
			.file(new org.springframework.mock.web.MockMultipartFile("content", "bid.txt", "text/plain", read("bid.txt")))
			.file(new org.springframework.mock.web.MockMultipartFile("signature", "bid.sig", "application/octet-stream",
					read("bid.sig")))
			.with(member).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		String result = mvc.perform(signed).andReturn().getResponse().getContentAsString();
		assertThat(result).contains("已于 " + found.messageArguments(entity.name())[2] + " 被吊销");
	}

	private EntitySignature check(String file, String signature, SignatureAlgorithm algorithm, String certificate) {
		return as(user, () -> certificates.verify(entity.id(), read(file), read(signature), algorithm,
				certificate == null ? null : read(certificate)));
	}

	private byte[] read(String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return EntityRegistryTests.signedIn(login, username, work);
	}

	private void openssl(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("openssl " + String.join(" ", args) + "\n" + output).isZero();
	}
}
