package org.yiwang.supervision.redflag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.portal.OpenData;
import org.yiwang.portal.Publications;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.NoticeParticulars;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;
import org.yiwang.tendering.TenderParticulars;

/**
 * Red flags from the platform's own OCDS data, end to end: a section's notices reach the portal as tendering publishes
 * them (the tender notice, the opening record with its bidders, the candidates' publicity, the award result); the
 * award makes supervision read the section's public release package and store its flags; regulators see them in
 * their industries and regions only; bad filters are refused naming the field.
 */
@PlatformTest
class RedFlagsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	RedFlags redFlags;

	@Autowired
	OpenData openData;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	@Test
	void an_awarded_section_is_flagged_from_its_public_ocds_release_package() throws Exception {
		Publications publications = new Publications(context);
		String trade = "CQ-500103-2026-RF" + run;
		Instant now = clock.instant();
		Instant deadline = now.plus(Duration.ofDays(20));
		// the documents can be had 10 days before the deadline: a 10-day bid period in an open tender (R003)
		NoticePublished tender = publications.notice(UUID.randomUUID(), NoticeType.TENDER, trade, TestActor.YUZHONG,
				"ENG_BUILDING", "红旗测试" + run, "正文", null);
		tender = tender.with(particulars(now.plus(Duration.ofDays(10)), tenderParticulars(), List.of(), null));
		publications.publish(tender);
		String a = TestActor.creditCode("500103");
		String b = TestActor.creditCode("500103");
		String c = TestActor.creditCode("500103");
		String d = TestActor.creditCode("500103");
		// A bids 1,000,000; B and C both 1,020,000 (R028); D's bid was not decrypted: withdrawn, not submitted
		List<NoticeParticulars.Bidder> bidders = List.of(bidder("甲公司" + run, a, "1000000.00", now),
				bidder("乙公司" + run, b, "1020000.00", now), bidder("丙公司" + run, c, "1020000.00", now),
				bidder("丁公司" + run, d, null, now));
		publications.publish(publications.notice(UUID.randomUUID(), NoticeType.OPENING_RECORD, trade, TestActor.YUZHONG,
				"ENG_BUILDING", "红旗测试开标" + run, "开标记录", null).with(particulars(null, null, bidders, null)));
		// the committee ranks A then B: both valid
		NoticeParticulars.Evaluation evaluation = new NoticeParticulars.Evaluation(UUID.randomUUID(), 1,
				"LOWEST_EVALUATED_PRICE", "c".repeat(64), List.of(candidate(1, "甲公司" + run, a, "1000000.00"),
						candidate(2, "乙公司" + run, b, "1020000.00")));
		publications.publish(publications.notice(UUID.randomUUID(), NoticeType.CANDIDATES, trade, TestActor.YUZHONG,
				"ENG_BUILDING", "红旗测试候选人" + run, "公示", "1000000.00").with(particulars(null, null, List.of(), evaluation)));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bids(trade).stream()
			.anyMatch(bid -> "valid".equals(bid.get("status"))));
		NoticePublished result = publications.notice(UUID.randomUUID(), NoticeType.AWARD_RESULT, trade, TestActor.YUZHONG,
				"ENG_BUILDING", "红旗测试中标" + run, "中标结果", "1000000.00");
		result = new NoticePublished(result.actor(), result.noticeId(), result.type(), result.tradeCode(),
				result.projectName(), result.sectionName(), result.region(), result.category(), result.title(),
				result.body(), result.estimatedPrice(), result.amount(), result.tendererName(), result.tendererCreditCode(),
				result.agencyName(), null, result.signedContent(), result.signature(), result.occurredAt(), "甲公司" + run,
				CreditCode.of(a), null);
		publications.publish(result);
		UUID awardRecord = result.noticeId();

		// the public package carries the bids: 3 submitted tenderers, D withdrawn, A and B valid after the publicity
		Map<String, Object> compiled = RedFlagIndicators.compile(releases(trade));
		assertThat(((Map<?, ?>) compiled.get("tender")).get("numberOfTenderers")).isEqualTo(3L);
		assertThat(((Map<?, ?>) compiled.get("tender")).get("procurementMethod")).isEqualTo("open");

		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> redFlags.ofProcess(trade).stream().anyMatch(f -> f.indicator() == Indicator.R024));
		List<RedFlagView> flags = redFlags.ofProcess(trade);
		// R003: 10 days < 15; R024: (1,020,000 − 1,000,000) / 1,000,000 = 0.02 ≤ 0.05; R028: B and C at 1,020,000;
		// not R018 (3 tenderers), not R058 (0.02 < 0.50)
		assertThat(flags).extracting(f -> f.indicator().name()).containsExactly("R003", "R024", "R028");
		RedFlagView r024 = flags.get(1);
		assertThat(r024.value()).isEqualByComparingTo("0.02");
		assertThat(r024.record()).isEqualTo(awardRecord);
		assertThat(r024.evidence()).contains("winningBidAmount = 1000000.00 (CN-USCC-" + a + ")",
				"secondLowestValidBidAmount = 1020000.00 (CN-USCC-" + b + ")");
		assertThat(flags.get(2).evidence()).containsExactly("/bids/details/value/amount = 1020000 ← " + String.join(", ",
				new java.util.TreeSet<>(List.of("CN-USCC-" + b, "CN-USCC-" + c))));
		// rebuildable: a recomputation from the public package gives the same flags
		assertThat(redFlags.compute(trade, awardRecord)).extracting(f -> f.indicator().name())
			.containsExactly("R003", "R024", "R028");
		assertThat(redFlags.ofProcess(trade)).hasSize(3);
		// rebuild: with the process's rows gone, walking the public release feed gives back the live path's flags
		List<List<Object>> live = redFlags.ofProcess(trade).stream().map(RedFlagsTests::comparable).toList();
		RegionScopes.runAsPlatform(() -> context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context
			.getBean(JdbcClient.class).sql("DELETE FROM supervision.red_flags WHERE trade_code = ?").param(trade).update()));
		assertThat(redFlags.ofProcess(trade)).isEmpty();
		// (the release feed holds back records younger than its watermark, 2 s in tests: the award is in it after that)
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(1))
			.until(() -> RegionScopes.callAsPlatform(() -> redFlags.rebuild()) >= 1 && !redFlags.ofProcess(trade).isEmpty());
		assertThat(redFlags.ofProcess(trade)).extracting(RedFlagsTests::comparable).containsExactlyElementsOf(live);

		// regulators: building works in Yuzhong (or city-wide) see them; Wanzhou's and water works' do not
		TestActor yuzhong = regulator(RegionScope.of(RegionCode.of(TestActor.YUZHONG)), "ENG_BUILDING");
		assertThat(yuzhong.call(() -> redFlags.visible(null, trade))).hasSize(3);
		assertThat(yuzhong.call(() -> redFlags.visible("r024", trade))).extracting(RedFlagView::indicator)
			.containsExactly(Indicator.R024);
		assertThat(regulator(RegionScope.wholeCity(), "ENG_BUILDING").call(() -> redFlags.visible(null, trade))).hasSize(3);
		assertThat(regulator(RegionScope.of(RegionCode.of(TestActor.WANZHOU)), "ENG_BUILDING")
			.call(() -> redFlags.visible(null, trade))).isEmpty();
		assertThat(regulator(RegionScope.wholeCity(), "ENG_WATER").call(() -> redFlags.visible(null, trade))).isEmpty();
		// the operator's staff hold no supervisory power: refused
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> redFlags.visible(null, trade)))
			.isInstanceOf(Refusal.class);

		// the page: the flag with its definition and source, the evidence, the links to the transaction
		mvc.perform(get("/supervision/red-flags").param("code", "R024").header("Accept-Language", "zh-CN")
			.with(authentication(yuzhong.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("次低报价接近中标价（R024）")))
			.andExpect(content().string(containsString("cardinal.readthedocs.io/en/latest/cli/indicators/R/024.html")))
			.andExpect(content().string(containsString("difference = 0.0200")))
			.andExpect(content().string(containsString("/notices/" + awardRecord)))
			.andExpect(content().string(containsString("/opendata/sections/" + trade + "/releases")));
		mvc.perform(get("/supervision/red-flags").param("lang", "en")
			.with(authentication(regulator(RegionScope.of(RegionCode.of(TestActor.WANZHOU)), "ENG_BUILDING").authentication())))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString(trade))));
	}

	/** What a flag says, apart from when it was computed. */
	private static List<Object> comparable(RedFlagView f) {
		return List.of(f.indicator(), f.ocid(), f.title(), f.region(), f.category(), f.value().stripTrailingZeros(),
				f.evidence(), f.record());
	}

	@Test
	void bad_filters_are_refused_naming_the_field_and_others_cannot_open_the_page() throws Exception {
		TestActor regulator = regulator(RegionScope.of(RegionCode.of(TestActor.YUZHONG)), "ENG_BUILDING");
		assertThatThrownBy(() -> regulator.call(() -> redFlags.visible("R999", null))).isInstanceOf(Refusal.class)
			.extracting(e -> ((Refusal) e).field()).isEqualTo("code");
		assertThatThrownBy(() -> regulator.call(() -> redFlags.visible(null, "X".repeat(41)))).isInstanceOf(Refusal.class)
			.extracting(e -> ((Refusal) e).field()).isEqualTo("tradeCode");
		mvc.perform(get("/supervision/red-flags").param("code", "R999").header("Accept-Language", "zh-CN")
			.with(authentication(regulator.authentication())))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("指标代码无效")));
		mvc.perform(get("/supervision/red-flags").param("code", "<script>").param("lang", "en")
			.with(authentication(regulator.authentication())))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Unknown indicator code")));
		mvc.perform(get("/supervision/red-flags").param("tradeCode", "X".repeat(200)).param("lang", "en")
			.with(authentication(regulator.authentication())))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Trade code too long")));
		mvc.perform(get("/supervision/red-flags").with(authentication(TestActor.districtStaff(TestActor.YUZHONG)
			.authentication()))).andExpect(status().isForbidden());
		mvc.perform(get("/supervision/red-flags").with(authentication(TestActor.of("rf.bidder." + run, Role.BIDDER,
				TestActor.YUZHONG, false).authentication()))).andExpect(status().isForbidden());
	}

	// ---- helpers --------------------------------------------------------------------------------------------------

	private TestActor regulator(RegionScope scope, String industry) {
		return new TestActor(new Actor("rf.regulator." + run, "REGULATOR", TestActor.YUZHONG), "红旗监管" + run,
				Set.of(Role.REGULATOR), scope, Set.of(CategoryCode.of(industry)));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> releases(String trade) {
		return (List<Map<String, Object>>) openData.sectionPackage(trade).get("releases");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> bids(String trade) {
		try {
			Map<String, Object> compiled = RedFlagIndicators.compile(releases(trade));
			return (List<Map<String, Object>>) ((Map<String, Object>) compiled.get("bids")).get("details");
		}
		catch (Refusal notYet) {
			return List.of();
		}
	}

	private static TenderParticulars tenderParticulars() {
		// the uplink keys the project by its tender project id: one is needed for the section's dataset to be kept
		return new TenderParticulars("TP-" + UUID.randomUUID(), null, TestActor.YUZHONG, "红旗测试招标项目", null, null,
				"OPEN_TENDER", 1, List.of(), null, null, null, null, "ENG_BUILDING", null);
	}

	private static NoticeParticulars particulars(Instant documentsFrom, TenderParticulars tender,
			List<NoticeParticulars.Bidder> bidders, NoticeParticulars.Evaluation evaluation) {
		return new NoticeParticulars(null, null, documentsFrom, null, null, null, null, null, null, null, null, null, null,
				tender, bidders, evaluation);
	}

	private static NoticeParticulars.Bidder bidder(String name, String creditCode, String price, Instant at) {
		return new NoticeParticulars.Bidder(UUID.randomUUID(), name, creditCode, "ORGANIZATION", TestActor.YUZHONG, null,
				false, false, null, price == null ? null : Money.of(price), null, at.minus(Duration.ofDays(1)), null, null,
				null, null, null);
	}

	private static NoticeParticulars.Candidate candidate(int rank, String name, String creditCode, String price) {
		return new NoticeParticulars.Candidate(rank, name, creditCode, "ORGANIZATION", TestActor.YUZHONG, null,
				Money.of(price), null, "合格", null);
	}
}
