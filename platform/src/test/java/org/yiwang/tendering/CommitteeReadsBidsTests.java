package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.system.Refusal;

/**
 * Issue 17, item 1: each member of the evaluation committee reads every opened bid of its case — signer, hashes, price
 * sheet and files streamed from the blob store — while it evaluates, and nobody else does: not before the opening is
 * closed, not before the evaluation begins, not a bid that was not decrypted; not another expert, a bidder (even of
 * this section), the tenderer, an agency, staff of the section's district or another, the city's staff, the
 * administrator, a regulator, or anyone not signed in.
 */
@PlatformTest
class CommitteeReadsBidsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	OpenedBidFiles files;

	@TempDir
	Path dir;

	@Test
	void the_committee_reads_every_opened_bid_while_it_evaluates_and_nobody_else_does() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		CommitteeReadingScenario s = new CommitteeReadingScenario(dir, context);
		UUID b1 = s.bids.get("b1");
		UUID b3 = s.bids.get("b3");

		// before the opening is closed nothing is readable, not even to whom the committee will be
		for (TestActor early : List.of(s.member(0), TestActor.districtStaff(TestActor.YUZHONG), s.f.as("b1"))) {
			assertThatThrownBy(() -> early.call(() -> files.contents(s.section.id(), b1))).isInstanceOf(Refusal.class)
				.hasMessage("tendering.bidFiles.notFound");
		}
		s.closeOpening();
		String page = "/evaluation/cases/" + s.caseId + "/bids/" + b1;
		// seated, but the evaluation has not begun
		mvc.perform(get(page).with(as(s.member(0)))).andExpect(status().isNotFound());
		s.begin();

		// a member: the signer (certificate subject, the bound entity), the hashes, the price sheet, the files
		String bidder = s.f.bidders.get("b1").name();
		String envelopeSha256 = s.f.platform(() -> s.f.beans.jdbc().sql("select sha256 from tendering.bids where id = ?")
			.param(b1).query(String.class).single());
		byte[] document = Files.readAllBytes(s.documents.get("b1"));
		String documentName = s.documents.get("b1").getFileName().toString();
		mvc.perform(get(page).with(as(s.member(0)))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("CN=b1 " + s.f.run)))
			.andExpect(content().string(Matchers.containsString(bidder)))
			.andExpect(content().string(Matchers.containsString(envelopeSha256)))
			.andExpect(content().string(Matchers.containsString("900000.00")))
			.andExpect(content().string(Matchers.containsString("王五")))
			.andExpect(content().string(Matchers.containsString(documentName)))
			.andExpect(content().string(Matchers.containsString(Sha256.hex(document))))
			.andExpect(content().string(Matchers.containsString(sm3(document))));
		MvcResult sheet = mvc.perform(get(page + "/files/0").with(as(s.member(1)))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Matchers.startsWith("application/json")))
			.andExpect(header().string("Cache-Control", "no-store")).andReturn();
		byte[] sheetBytes = sheet.getResponse().getContentAsByteArray();
		assertThat(new String(sheetBytes, StandardCharsets.UTF_8)).contains("\"totalPrice\"", "900000.00", bidder);
		assertThat(sheet.getResponse().getHeader("X-Content-SHA256")).isEqualTo(Sha256.hex(sheetBytes));
		assertThat(sheet.getResponse().getHeader("X-Content-SM3")).isEqualTo(sm3(sheetBytes));
		MvcResult file = mvc.perform(get(page + "/files/1").with(as(s.member(2)))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", Matchers.startsWith("inline"))).andReturn();
		assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(document);
		assertThat(s.f.count("select count(*) from tendering.opened_files where bid_id = ?", b1))
			.as("the price sheet and the one document, kept in the blob store").isEqualTo(2);
		assertThat(s.f.count("select count(*) from audit.entries where action = 'evaluation.bid.read' "
				+ "and payload::text like ?", "%bid:" + b1 + " file:1%")).as("every file read is audited").isEqualTo(1);
		// the second bid too; a file that is not there, a bid that was not decrypted: not found
		mvc.perform(get("/evaluation/cases/" + s.caseId + "/bids/" + s.bids.get("b2")).with(as(s.member(0))))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("950000.00")));
		mvc.perform(get(page + "/files/2").with(as(s.member(0)))).andExpect(status().isNotFound());
		mvc.perform(get(page + "/files/x").with(as(s.member(0)))).andExpect(status().isNotFound());
		mvc.perform(get("/evaluation/cases/" + s.caseId + "/bids/" + b3).with(as(s.member(0))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/evaluation/cases/" + s.caseId + "/bids/not-a-uuid").with(as(s.member(0))))
			.andExpect(status().isNotFound());
		// the case page links each opened bid for the member
		mvc.perform(get("/evaluation/cases/" + s.caseId).with(as(s.member(0)))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(page)));

		// everyone else: the expert role without a seat (not found), every other role (forbidden), anonymous (sign in)
		TestActor outsider = TestActor.of(s.outsider, Role.EXPERT, TestActor.CITY, false);
		for (String url : List.of(page, page + "/files/0", page + "/files/1")) {
			mvc.perform(get(url).with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get(url).with(as(s.f.tenderer()))).andExpect(status().isNotFound());
			for (TestActor other : List.of(s.f.as("b1"), s.f.as("b2"), TestActor.of("agency." + s.f.run, Role.AGENCY,
					TestActor.CITY, false), TestActor.districtStaff(TestActor.YUZHONG),
					TestActor.districtStaff(TestActor.WANZHOU), TestActor.cityStaff(), TestActor.admin(),
					TestActor.regulator(), TestActor.of("reg.yz." + s.f.run, Role.REGULATOR, TestActor.YUZHONG, false))) {
				mvc.perform(get(url).with(as(other))).andExpect(status().isForbidden());
			}
			MvcResult anonymous = mvc.perform(get(url)).andReturn();
			assertThat(anonymous.getResponse().getStatus()).as("anonymous " + url).isIn(302, 401);
			assertThat(anonymous.getResponse().getContentAsString()).doesNotContain(bidder);
		}
		// and the module itself refuses them whatever the web rules say
		for (TestActor other : List.of(outsider, s.f.as("b1"), TestActor.districtStaff(TestActor.YUZHONG),
				TestActor.regulator(), TestActor.admin())) {
			assertThatThrownBy(() -> other.call(() -> files.contents(s.section.id(), b1))).isInstanceOf(Refusal.class)
				.hasMessage("tendering.bidFiles.notFound");
			assertThatThrownBy(() -> other.call(() -> files.file(s.section.id(), b1, 1))).isInstanceOf(Refusal.class)
				.hasMessage("tendering.bidFiles.notFound");
		}
		assertThat(s.f.count("select count(*) from audit.entries where action = 'evaluation.bid.read' "
				+ "and payload::text like ?", "%bid:" + b1 + "%")).as("refused reads leave no read").isEqualTo(2);
	}

	private static RequestPostProcessor as(TestActor actor) {
		return authentication(actor.authentication());
	}

	private static String sm3(byte[] bytes) {
		SM3Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return java.util.HexFormat.of().formatHex(out);
	}
}
