package org.yiwang.pki;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.pki.CertificateIssuer.Profile;

/** The trust store page and the pki API as browsers and clients use them, bad input included. */
@PlatformTest
class PkiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformKeys platformKeys;

	private static String newRootPem() throws Exception {
		KeyPair keys = CertificateIssuer.generate(KeyAlgorithm.SM2);
		Instant now = Instant.now();
		X509CertificateHolder root = CertificateIssuer.selfSigned(new X500Name("CN=Page Upload CA " + UUID.randomUUID()),
				keys, KeyAlgorithm.SM2, Profile.ROOT_CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
		return CertificateBytes.pem("CERTIFICATE", root.getEncoded());
	}

	@Test
	void the_administrator_uploads_a_ca_certificate_on_the_page_and_sees_it_listed() throws Exception {
		String pem = newRootPem();
		mvc.perform(multipart("/admin/pki/cas").file(new MockMultipartFile("file", "ca.pem", "application/x-pem-file",
				pem.getBytes(StandardCharsets.US_ASCII))).with(csrf())
				.with(authentication(TestActor.admin().authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"pki-saved\"")))
			.andExpect(content().string(containsString("Page Upload CA")))
			.andExpect(content().string(containsString("Yiwang Demo SM2 CA")));
	}

	@Test
	void a_bad_upload_is_refused_on_the_page_with_a_reason_and_nothing_is_added() throws Exception {
		var admin = authentication(TestActor.admin().authentication());
		mvc.perform(multipart("/admin/pki/cas").file(new MockMultipartFile("file", "ca.pem", "text/plain",
				"-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n".getBytes())).with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("证书格式无效")))
			.andExpect(content().string(containsString("id=\"ca-table\"")));
		mvc.perform(multipart("/admin/pki/cas").file(new MockMultipartFile("file", "big.pem", "text/plain",
				new byte[70 * 1024])).with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件过大")));
		mvc.perform(multipart("/admin/pki/crls").file(new MockMultipartFile("file", "x.crl", "text/plain", "x".getBytes()))
				.with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是有效的 PEM 或 DER 格式证书撤销列表")));
		mvc.perform(post("/admin/pki/cas").with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择要上传的文件")));
	}

	@Test
	void the_api_adds_a_ca_lists_it_and_refuses_oversized_input_with_a_problem() throws Exception {
		var admin = authentication(TestActor.admin().authentication());
		String pem = newRootPem();
		mvc.perform(post("/api/pki/cas").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"certificate\":" + json(pem) + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.certificate.keyAlgorithm").value("SM2"))
			.andExpect(jsonPath("$.origin").value("upload"));
		mvc.perform(get("/api/pki/cas").with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page Upload CA")));
		mvc.perform(post("/api/pki/cas").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"certificate\":\"" + "A".repeat(100_000) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("certificate"));
		mvc.perform(post("/api/pki/cas").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"certificate\":\"not base64!\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("certificate"));
	}

	@Test
	void the_api_verifies_a_platform_signature_and_says_why_another_fails() throws Exception {
		var bidder = authentication(TestActor.of("bidder", org.yiwang.kernel.Role.BIDDER, TestActor.CITY, false).authentication());
		byte[] content = "回执 receipt 42".getBytes(StandardCharsets.UTF_8);
		String signature = Base64.getEncoder().encodeToString(platformKeys.sign(content));
		String body = "{\"content\":\"%s\",\"signature\":\"%s\",\"certificate\":%s,\"algorithm\":\"SM3_WITH_SM2\"}";
		// The platform's certificate is self-signed and not in the trust store: a valid signature, an untrusted signer.
		mvc.perform(post("/api/pki/verify").with(bidder).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(Base64.getEncoder().encodeToString(content), signature, json(platformKeys.certificatePem()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.failure").value("UNTRUSTED_ISSUER"))
			.andExpect(jsonPath("$.signer.keyAlgorithm").value("SM2"));
		mvc.perform(post("/api/pki/verify").with(bidder).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(Base64.getEncoder().encodeToString("other".getBytes()), signature,
						json(platformKeys.certificatePem()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.failure").value("SIGNATURE_MISMATCH"))
			.andExpect(jsonPath("$.message").value(containsString("签名与这些内容不符")));
		mvc.perform(post("/api/pki/verify").with(bidder).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("YQ==", signature, json(platformKeys.certificatePem())).replace("SM3_WITH_SM2", "MD5")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("algorithm"));
	}

	private static String json(String text) {
		return "\"" + text.replace("\n", "\\n") + "\"";
	}
}
