package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.demo.TenderingDemo;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.system.Refusal;

/**
 * Tender documents carry the tenderer's signature: it signs a document's exact bytes with a certificate bound to it
 * before the notice goes out (a signature over other bytes, or under a certificate not bound to it, is refused with
 * the reason); the section page shows signer, hashes and the platform's check; a bidder downloads the document, the
 * detached signature and the certificate, and OpenSSL verifies them.
 */
@PlatformTest
class TenderDocumentSignaturesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	TenderDesk desk;

	@Autowired
	TenderDocuments documents;

	@TempDir
	Path dir;

	@Test
	void the_tenderer_signs_a_document_before_publication_and_a_bidder_checks_it_on_download_with_openssl()
			throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		OpeningFixture f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.tendererCertificate();
		f.bidder("b1");
		SectionView section = f.drafted("0");
		DocumentView document = f.tenderer().call(() -> desk.dossier(section.id())).documents().get(0);
		assertThat(document.signed()).isFalse();
		Files.write(dir.resolve("文件.txt"), OpeningFixture.DOCUMENT);
		f.openssl("dgst", "-sm3", "-sign", "tdr.key", "-sigopt", OpeningFixture.ID, "-out", "文件.txt.sig", "文件.txt");
		Files.write(dir.resolve("other.txt"), "另一份文件".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		f.openssl("dgst", "-sm3", "-sign", "tdr.key", "-sigopt", OpeningFixture.ID, "-out", "other.sig", "other.txt");
		f.openssl("dgst", "-sm3", "-sign", "b1.key", "-sigopt", OpeningFixture.ID, "-out", "b1.sig", "文件.txt");

		// refused, each with its reason: no signature, a signature over other bytes, a certificate not the tenderer's,
		// a bidder signing
		refused(() -> f.tenderer().call(() -> documents.sign(document.id(), null, f.read("tdr.pem"), null)),
				"tendering.document.signatureMissing");
		refused(() -> f.tenderer().call(() -> documents.sign(document.id(), f.read("other.sig"), f.read("tdr.pem"),
				null)), "pki.failure.signatureMismatch");
		refused(() -> f.tenderer().call(() -> documents.sign(document.id(), f.read("b1.sig"), f.read("b1.pem"), null)),
				"tendering.document.signerNotBound");
		refused(() -> f.as("b1").call(() -> documents.sign(document.id(), f.read("文件.txt.sig"), f.read("tdr.pem"),
				null)), "tendering.partyOnly");
		mvc.perform(multipart("/api/tendering/documents/{id}/signature", document.id())
			.file(new MockMultipartFile("signature", "other.sig", "application/octet-stream", f.read("other.sig")))
			.file(new MockMultipartFile("certificate", "tdr.pem", "application/x-pem-file", f.read("tdr.pem")))
			.header("Accept-Language", "en").with(as(f.tenderer())))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[0].field").value("signature"));

		// the page form: signed, checked, shown with its signer
		mvc.perform(multipart("/tenders/documents/{id}/signature", document.id())
			.file(new MockMultipartFile("signature", "文件.txt.sig", "application/octet-stream", f.read("文件.txt.sig")))
			.file(new MockMultipartFile("certificate", "tdr.pem", "application/x-pem-file", f.read("tdr.pem")))
			.param("section", section.id().toString()).with(csrf()).with(as(f.tenderer())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("saved", "tendering.saved.documentSigned"));
		DocumentView signed = f.tenderer().call(() -> desk.dossier(section.id())).documents().get(0);
		assertThat(signed.signed()).isTrue();
		assertThat(signed.signerEntityName()).isEqualTo(f.tendererEntity().name());
		assertThat(signed.signatureAlgorithm()).isEqualTo("SM3withSM2");
		assertThat(signed.signerSubject()).contains("tdr " + f.run);
		refused(() -> f.tenderer().call(() -> documents.sign(document.id(), f.read("文件.txt.sig"), f.read("tdr.pem"),
				null)), "tendering.document.signedAlready");
		mvc.perform(get("/tenders/sections/{id}", section.id()).with(as(f.tenderer()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("已由 " + f.tendererEntity().name() + " 签名")))
			.andExpect(content().string(containsString("data-signed=\"true\"")));

		// published; a registered bidder downloads the document, its signature and the certificate; OpenSSL checks
		SectionView published = f.publishNotice(section.id());
		// the public portal learns of the signature from the tendering module and shows it on the section's page, to
		// anyone, with the detached signature to download
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> mvc
			.perform(get("/notices/{id}", published.noticeId())).andExpect(status().isOk())
			.andExpect(content().string(containsString(f.tendererEntity().name())))
			.andExpect(content().string(containsString(signed.sm3())))
			.andExpect(content().string(containsString("/notices/documents/" + document.id() + "/signature.sig"))));
		assertThat(mvc.perform(get("/notices/documents/{id}/signature.sig", document.id())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray()).isEqualTo(f.read("文件.txt.sig"));
		mvc.perform(get("/api/tendering/documents/{id}/signature", document.id()).with(as(f.as("b1"))))
			.andExpect(status().isConflict());
		f.as("b1").run(() -> documents.registerInterest(section.id()));
		byte[] file = mvc.perform(get("/api/tendering/documents/{id}", document.id()).with(as(f.as("b1"))))
			.andExpect(status().isOk()).andExpect(header().string("X-Signature-Algorithm", "SM3withSM2"))
			.andExpect(header().string("X-Signer-Fingerprint", signed.signerFingerprint()))
			.andExpect(header().string("Link", containsString("/tenders/documents/" + document.id() + "/signature")))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] signature = mvc.perform(get("/tenders/documents/{id}/signature", document.id()).with(as(f.as("b1"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		byte[] certificate = mvc.perform(get("/tenders/documents/{id}/certificate", document.id())
			.with(as(f.as("b1")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		Files.write(dir.resolve("downloaded.txt"), file);
		Files.write(dir.resolve("downloaded.sig"), signature);
		Files.write(dir.resolve("signer.pem"), certificate);
		f.openssl("x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "signer-pub.pem");
		assertThat(f.openssl("dgst", "-sm3", "-verify", "signer-pub.pem", "-sigopt", OpeningFixture.ID, "-signature",
				"downloaded.sig", "downloaded.txt")).contains("Verified OK");
		assertThat(f.openssl("x509", "-in", "signer.pem", "-noout", "-subject")).contains("tdr " + f.run);
		// a stranger to the section sees neither
		mvc.perform(get("/tenders/documents/{id}/signature", document.id())
			.with(as(TestActor.of("nobody." + f.run, org.yiwang.kernel.Role.BIDDER, TestActor.CITY, false))))
			.andExpect(status().isNotFound());
	}

	/**
	 * The demo seed publishes too, so its agency signs: a demo-CA certificate issued and bound to it through the
	 * registry, the demo document signed with its key; the portal shows it.
	 */
	@Test
	void the_demo_tender_goes_out_signed_by_the_demo_agency() throws Exception {
		SectionView demo = context.getBean(TenderingDemo.class).ensureDemoTender();
		assertThat(demo.published()).isTrue();
		java.util.List<DocumentView> demoDocuments = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.dossier(demo.id())).documents();
		assertThat(demoDocuments).isNotEmpty().allSatisfy(d -> {
			assertThat(d.signed()).isTrue();
			assertThat(d.signatureAlgorithm()).isEqualTo("SM3withSM2");
			assertThat(d.signerEntityName()).endsWith("示范招标代理有限公司");
		});
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> mvc
			.perform(get("/notices/{id}", demo.noticeId())).andExpect(status().isOk())
			.andExpect(content().string(containsString("/notices/documents/" + demoDocuments.get(0).id()
					+ "/signature.sig"))));
	}

	private static RequestPostProcessor as(TestActor actor) {
		return authentication(actor.authentication());
	}

	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}
}
