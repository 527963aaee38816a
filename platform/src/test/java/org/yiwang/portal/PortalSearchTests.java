package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

/** Search over notices published through the event, as the tendering module publishes them. */
@PlatformTest
class PortalSearchTests {

	@Autowired
	Portal portal;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Publications publications;

	@BeforeEach
	void publisher() {
		publications = new Publications(context);
	}

	private NoticePublished published(NoticePublished notice) {
		publications.publish(notice);
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> portal.search(SearchRequest.of(notice.noticeId().toString().substring(0, 8))) != null
					&& portal.record(notice.noticeId()).isPresent() && found(notice));
		return notice;
	}

	private boolean found(NoticePublished notice) {
		return portal.search(new SearchRequest(null, notice.region().value(), notice.category().value(), null, null, null,
				null, null, SearchRequest.Sort.NEWEST, 1)).hits().stream().anyMatch(h -> h.record().id().equals(notice.noticeId()))
				|| portal.search(SearchRequest.of(notice.tradeCode().value())).total() > 0;
	}

	private Set<UUID> allIds(SearchRequest request) {
		Set<UUID> ids = new HashSet<>();
		SearchResult first = portal.search(request);
		for (int page = 1; page <= first.pages(); page++) {
			portal.search(request.withPage(page)).hits().forEach(h -> ids.add(h.record().id()));
		}
		return ids;
	}

	@Test
	void a_two_character_term_finds_every_record_containing_it_across_districts() {
		published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING", "渝中区解放碑道路改造工程施工招标公告",
				"本工程为城市道路改造。", null));
		published(publications.notice(NoticeType.AWARD_RESULT, TestActor.WANZHOU, "ENG_TRANSPORT", "万州区滨江路面修复中标结果公告",
				"中标人承担沥青道路面层修复。", "880000.00"));
		published(publications.notice(NoticeType.TENDER, "500102", "ENG_WATER", "涪陵区水库除险加固工程招标公告",
				"不含路面工程。", null));

		Set<UUID> expected = new HashSet<>(jdbc.sql("""
				select id from portal.records where title || project_name || section_name || body || parties::text like '%道路%'""")
			.query(UUID.class).list());
		assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
		SearchResult result = portal.search(SearchRequest.of("道路"));
		assertThat(result.total()).isEqualTo(expected.size());
		assertThat(allIds(SearchRequest.of("道路"))).isEqualTo(expected);
		assertThat(result.facets().get("region")).containsKeys(TestActor.YUZHONG, TestActor.WANZHOU);
	}

	@Test
	void three_and_four_character_terms_match_as_substrings_not_as_scattered_bigrams() {
		NoticePublished hit = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区嘉陵江大桥检测服务招标公告", "桥梁检测与评估。", null));
		NoticePublished scattered = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区大江桥梁与嘉陵区间整治招标公告", "检测。", null));
		Set<UUID> ids = allIds(SearchRequest.of("嘉陵江大桥"));
		assertThat(ids).contains(hit.noticeId()).doesNotContain(scattered.noticeId());
		assertThat(allIds(SearchRequest.of("桥检测"))).contains(hit.noticeId()).doesNotContain(scattered.noticeId());
	}

	@Test
	void a_single_character_and_latin_words_are_found_too() {
		String code = "ZX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		NoticePublished notice = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区" + code + "型号设备采购招标公告", "采购 BIM 软件一套。", null));
		assertThat(allIds(SearchRequest.of(code.toLowerCase()))).containsExactly(notice.noticeId());
		assertThat(allIds(new SearchRequest("购 " + code, null, null, null, null, null, null, null, null, 1)))
			.containsExactly(notice.noticeId());
	}

	@Test
	void narrowing_by_region_category_type_dates_and_amounts() {
		String word = "晗" + "昱";
		NoticePublished yuzhongWorks = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区" + word + "小学教学楼施工招标公告", "教学楼。", null));
		NoticePublished yuzhongAward = published(publications.notice(NoticeType.AWARD_RESULT, TestActor.YUZHONG,
				"GOV_PROCUREMENT", "渝中区" + word + "小学课桌椅采购结果公告", "课桌椅。", "50000.00"));
		NoticePublished wanzhou = published(publications.notice(NoticeType.TENDER, TestActor.WANZHOU, "ENG_BUILDING",
				"万州区" + word + "中学操场招标公告", "操场。", null));

		assertThat(allIds(SearchRequest.of(word))).containsExactlyInAnyOrder(yuzhongWorks.noticeId(),
				yuzhongAward.noticeId(), wanzhou.noticeId());
		SearchResult byRegion = portal.search(new SearchRequest(word, TestActor.YUZHONG, null, null, null, null, null, null,
				null, 1));
		assertThat(byRegion.total()).isEqualTo(2);
		assertThat(byRegion.facets().get("category")).containsEntry("ENG_BUILDING", 1L).containsEntry("GOV_PROCUREMENT", 1L);
		assertThat(allIds(new SearchRequest(word, TestActor.YUZHONG, "ENG_BUILDING", null, null, null, null, null, null, 1)))
			.containsExactly(yuzhongWorks.noticeId());
		assertThat(allIds(new SearchRequest(word, null, null, RecordType.AWARD_RESULT, null, null, null, null, null, 1)))
			.containsExactly(yuzhongAward.noticeId());
		// amounts: the award states 50,000; the tenders only their estimated price of 1,000,000
		assertThat(allIds(new SearchRequest(word, null, null, null, null, null, null, new BigDecimal("60000"), null, 1)))
			.containsExactly(yuzhongAward.noticeId());
		LocalDate today = LocalDate.now(SearchIndex.SHANGHAI);
		assertThat(allIds(new SearchRequest(word, null, null, null, today, today, null, null, null, 1))).hasSize(3);
		assertThat(allIds(new SearchRequest(word, null, null, null, today.plusDays(1), null, null, null, null, 1))).isEmpty();
		SearchResult sorted = portal.search(new SearchRequest(word, null, null, null, null, null, null, null,
				SearchRequest.Sort.AMOUNT_ASC, 1));
		assertThat(sorted.hits().get(0).record().id()).isEqualTo(yuzhongAward.noticeId());
	}

	@Test
	void matches_are_marked_and_the_rest_of_the_text_is_escaped() {
		NoticePublished notice = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区<script>alert(1)</script>隧道照明改造招标公告", "隧道照明灯具更换，含 <b>应急</b> 照明。", null));
		SearchResult result = portal.search(new SearchRequest("隧道照明", TestActor.YUZHONG, null, null, null, null, null,
				null, null, 1));
		SearchResult.Hit hit = result.hits().stream().filter(h -> h.record().id().equals(notice.noticeId())).findFirst()
			.orElseThrow();
		assertThat(hit.titleHtml()).contains("<mark>隧道照明</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
		assertThat(hit.snippetHtml()).contains("<mark>隧道照明</mark>").contains("&lt;b&gt;");
	}

	@Test
	void the_title_ranks_above_the_body() {
		String word = "曦" + "瑾";
		NoticePublished inBody = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区某道路招标公告", "附近有" + word + "广场。", null));
		NoticePublished inTitle = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区" + word + "广场改造招标公告", "广场改造。", null));
		List<SearchResult.Hit> hits = portal.search(SearchRequest.of(word)).hits();
		assertThat(hits).extracting(h -> h.record().id()).containsExactly(inTitle.noticeId(), inBody.noticeId());
	}

	@Test
	void a_redelivered_event_changes_nothing() {
		NoticePublished notice = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区重复投递测试招标公告", "重复。", null));
		portal.receive(NoticeListener.record(notice), "tendering");
		assertThat(jdbc.sql("select count(*) from portal.records where id = ?").param(notice.noticeId()).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(portal.search(SearchRequest.of("重复投递测试")).total()).isEqualTo(1);
	}

	@Test
	void the_platform_signature_of_a_record_verifies_and_a_tampered_one_does_not() {
		NoticePublished notice = published(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区签名核验招标公告", "签名。", null));
		assertThat(portal.verifySignature(notice.noticeId()).valid()).isTrue();
		NoticePublished forged = publications.notice(UUID.randomUUID(), NoticeType.TENDER, "CQ-500103-2026-FORGED01",
				TestActor.YUZHONG, "ENG_BUILDING", "渝中区伪造签名招标公告", "伪造。", null);
		NoticePublished tampered = new NoticePublished(forged.actor(), forged.noticeId(), forged.type(), forged.tradeCode(),
				forged.projectName(), forged.sectionName(), forged.region(), forged.category(), forged.title(), forged.body(),
				forged.estimatedPrice(), forged.amount(), forged.tendererName(), forged.tendererCreditCode(),
				forged.agencyName(), forged.bidDeadline(), forged.signedContent().replace("伪造", "改动"), forged.signature(),
				forged.occurredAt());
		published(tampered);
		assertThat(portal.verifySignature(tampered.noticeId()).valid()).isFalse();
	}
}
