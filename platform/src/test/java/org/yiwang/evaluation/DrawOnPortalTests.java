package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.TrustStore;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, item 18: the section's public page on the portal links the expert draw's verification record once the
 * draw may be public (evaluation has begun), and not before; the link works for anyone not signed in, and what it
 * gives recomputes the draw: the seed and pool match the commitments published before the draw, and the picks follow
 * from them (docs/expert-draw.md).
 */
@PlatformTest
class DrawOnPortalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ExpertPool pool;

	@Autowired
	ExpertDraws draws;

	@Autowired
	TrustStore trustStore;

	@Autowired
	TenderDesk desk;

	@Autowired
	TenderDocuments documents;

	@Autowired
	EntityRegistry registry;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	Portal portal;

	@Autowired
	JsonMapper json;

	@TempDir
	Path dir;

	@Test
	void the_section_page_links_the_draw_record_once_evaluation_begins_and_anyone_recomputes_the_draw()
			throws Exception {
		ExpertFixture fixture = new ExpertFixture(dir, trustStore, pool);
		String r = fixture.run;
		String tendererUser = "tdr." + r;
		EntityView tenderer = ExpertFixture.approvedTenderer(registry, tendererUser);
		SectionView section = ExpertFixture.closedSection(desk, documents, certificates, registry, jdbc, transactions, clock, r,
				tendererUser, tenderer);
		// the tender notice on the portal: the section's public page
		PublicRecord notice = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> portal.history(section.tradeCode().value()), l -> !l.isEmpty()).get(0);
		String page = "/notices/" + notice.id();
		// B0103 (this test's own specialty): two experts, one seat
		List<ExpertView> experts = List.of(fixture.expert("pd1." + r, "甲" + r, "500103", Set.of("B0103"), null),
				fixture.expert("pd2." + r, "乙" + r, "500101", Set.of("B0103"), null));
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		DrawView committed = staff.call(() -> draws.request(new DrawRequest(section.id().value(),
				clock.instant().plus(Duration.ofDays(1)), Map.of("B0103", 1), Set.of(), Set.of())));
		staff.run(() -> draws.draw(committed.id()));
		for (ExpertView e : experts) {
			TestActor expert = TestActor.of(e.username(), Role.EXPERT, TestActor.CITY, false);
			if (expert.call(() -> draws.myInvitations()).stream().anyMatch(i -> i.draw().equals(committed.id())
					&& i.outcome() == DrawOutcome.INVITED)) {
				expert.run(() -> draws.respond(committed.id(), true));
			}
		}
		assertThat(staff.call(() -> draws.view(committed.id())).status()).isEqualTo(DrawStatus.COMPLETE);
		String link = "/draws/" + committed.id() + "/verification.json";

		// sealed: no link on the public page, and the record is not there
		String before = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(before).doesNotContain(link).doesNotContain("id=\"expert-draws\"");
		mvc.perform(get(link)).andExpect(status().isNotFound());

		// evaluation begins: the page links the record, which anyone (not signed in) reads and recomputes
		staff.run(() -> draws.evaluationBegun(committed.id()));
		String after = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher href = Pattern.compile("class=\"draw-verification\" href=\"([^\"]+)\"").matcher(after);
		assertThat(href.find()).as("the draw's link on " + page).isTrue();
		assertThat(href.group(1)).isEqualTo(link);
		assertThat(after).contains("第 1 轮专家抽取验证记录");
		byte[] body = mvc.perform(get(href.group(1))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		JsonNode record = json.readTree(body);
		assertThat(record.get("tradeCode").asString()).isEqualTo(section.tradeCode().value());
		byte[] seed = HexFormat.of().parseHex(record.get("seed").asString());
		assertThat(Sha256.hex(seed)).isEqualTo(committed.seedSha256());
		String poolText = record.get("pool").asString();
		assertThat(DrawAlgorithm.poolSha256(poolText)).isEqualTo(committed.poolSha256());
		DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(seed, DrawAlgorithm.parsePool(poolText));
		for (JsonNode pick : record.get("picks")) {
			assertThat(sequence.next(pick.get("specialty").asString()).toString()).isEqualTo(pick.get("expert").asString());
		}
		assertThat(record.get("picks")).hasSize(1);
		// every notice of the section carries it, in English too
		mvc.perform(get(page).param("lang", "en")).andExpect(status().isOk()).andExpect(
				org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
						org.hamcrest.Matchers.containsString("Verification record of the expert draw, round 1")));
		assertThat(portal.draws(section.tradeCode().value())).extracting(RevealedDraw::id).containsExactly(committed.id());
		assertThat(portal.draws("NO-SUCH-" + UUID.randomUUID())).isEmpty();
	}
}
