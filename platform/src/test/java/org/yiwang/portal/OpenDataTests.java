package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import tools.jackson.databind.json.JsonMapper;

/**
 * OCDS 1.1.5 open data: every document validates against the standard's schemas (draft-04), and the release feed
 * never skips a record whose transaction committed after a younger one's.
 */
@PlatformTest
class OpenDataTests {

	private static final String OCDS = "https://standard.open-contracting.org/schema/1__1__5/";

	static JsonSchema releasePackageSchema() {
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
				builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(OCDS, "classpath:ocds-1.1.5/")));
		return factory.getSchema(SchemaLocation.of(OCDS + "release-package-schema.json"),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	OpenData openData;

	@Autowired
	Portal portal;

	@Autowired
	PublishedRecords records;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Test
	void a_corpus_of_every_record_type_validates_against_the_ocds_schemas() throws Exception {
		JsonSchema schema = releasePackageSchema();
		Publications publications = new Publications(context);
		String trade = "CQ-500103-2026-OCDS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		Set<String> tags = new java.util.TreeSet<>();
		for (NoticeType type : NoticeType.values()) {
			NoticePublished notice = publications.notice(UUID.randomUUID(), type, trade, TestActor.YUZHONG, "ENG_BUILDING",
					"渝中区开放数据" + type + "公告", "正文 \"引号\" <标签> & 符号", type == NoticeType.AWARD_RESULT
							|| type == NoticeType.CONTRACT || type == NoticeType.CANDIDATES ? "123456.78" : null);
			publications.publish(notice);
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> portal.history(trade).size() == NoticeType.values().length);
		// the auction module's record types are not published yet: build them as it will deliver them
		for (RecordType type : EnumSet.of(RecordType.LISTING_DISCLOSURE, RecordType.AUCTION_RESULT)) {
			PublicRecord listing = new PublicRecord(UUID.randomUUID(), type, trade, "国有产权转让", "某公司股权", TestActor.YUZHONG,
					"PROPERTY_RIGHTS", "渝中区" + type, "挂牌", null, type == RecordType.AUCTION_RESULT ? new java.math.BigDecimal("990000.00") : null,
					List.of(new Party("transferor", "重庆某国有公司", TestActor.creditCode("500103")), new Party("transferee", "受让人", null)),
					null, "content", "c2ln", clock.instant(), clock.instant());
			Map<String, Object> release = openData.release(listing);
			tags.addAll(cast(release.get("tag")));
			assertValid(schema, Map.of("uri", "https://example.org/p", "version", "1.1", "publishedDate", "2026-11-27T00:00:00Z",
					"publisher", Map.of("name", "test"), "releases", List.of(release)));
		}

		String section = mvc.perform(get("/opendata/sections/" + trade + "/releases")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertValid(schema, section);
		List<Map<String, Object>> releases = cast(json.readValue(section, Map.class).get("releases"));
		assertThat(releases).hasSize(NoticeType.values().length);
		releases.forEach(r -> tags.addAll(cast(r.get("tag"))));
		assertThat(tags).contains("tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "contract");

		String feed = mvc.perform(get("/opendata/releases").param("limit", "500")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertValid(schema, feed);
		mvc.perform(get("/opendata/sections/NO-SUCH-CODE/releases")).andExpect(status().isNotFound());
		mvc.perform(get("/opendata/releases").param("since", "yesterday")).andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("since")));
		mvc.perform(get("/opendata/releases").param("limit", "99999999999")).andExpect(status().isOk());
	}

	private void assertValid(JsonSchema schema, Object document) {
		String text = document instanceof String s ? s : json.writeValueAsString(document);
		Set<ValidationMessage> errors = schema.validate(text, InputFormat.JSON);
		assertThat(errors).as(text).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

	private PublicRecord record(String title) {
		UUID id = UUID.randomUUID();
		return new PublicRecord(id, RecordType.TENDER, "CQ-500103-2026-FEED" + id.toString().substring(0, 6).toUpperCase(),
				"项目", "标段", TestActor.YUZHONG, "ENG_BUILDING", title, "正文", null, null, List.of(new Party("tenderer", "某单位", null)),
				null, "c", "c2ln", clock.instant(), null);
	}

	/**
	 * Transaction A starts first (its record is older) but commits after B. A reader polling the feed throughout gets
	 * both, A first, because B is held back until it is older than the watermark. The same polling without a
	 * watermark passes A by: the test would catch a feed that skips.
	 */
	@Test
	void the_feed_never_skips_a_record_whose_transaction_committed_late() throws Exception {
		Instant start = clock.instant().minusMillis(1);
		String since = start + "_" + new UUID(0, 0);
		PublicRecord a = record("先开始后提交");
		PublicRecord b = record("后开始先提交");
		CountDownLatch aInserted = new CountDownLatch(1);
		CountDownLatch bCommitted = new CountDownLatch(1);
		CountDownLatch readWhileOpen = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> RegionScopes.runAsPlatform(
				() -> transactions.executeWithoutResult(s -> {
					records.add(a, "test");
					aInserted.countDown();
					await(readWhileOpen);
				})));
		assertThat(aInserted.await(10, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(5);
		CompletableFuture.runAsync(() -> RegionScopes.runAsPlatform(
				() -> transactions.executeWithoutResult(s -> records.add(b, "test")))).get(10, TimeUnit.SECONDS);
		bCommitted.countDown();

		OpenData noWatermark = new OpenData(records, transactions,
				new PortalSettings(Path.of("unused"), Duration.ZERO, "http://localhost", "x@y", "ocds-test", null, null, null, null,
						java.math.BigDecimal.ZERO), clock);
		List<String> seen = new ArrayList<>();
		List<String> seenWithoutWatermark = new ArrayList<>();
		String cursor = since;
		String cursorWithoutWatermark = since;
		// B committed, A not yet: the feed with a watermark holds B back; the one without serves B and moves past A
		cursor = poll(openData, cursor, seen, a, b);
		cursorWithoutWatermark = poll(noWatermark, cursorWithoutWatermark, seenWithoutWatermark, a, b);
		assertThat(seen).isEmpty();
		assertThat(seenWithoutWatermark).containsExactly("B");
		readWhileOpen.countDown();
		first.get(10, TimeUnit.SECONDS);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (seen.size() < 2 && System.nanoTime() < until) {
			cursor = poll(openData, cursor, seen, a, b);
			cursorWithoutWatermark = poll(noWatermark, cursorWithoutWatermark, seenWithoutWatermark, a, b);
			Thread.sleep(200);
		}
		assertThat(seen).containsExactly("A", "B");
		assertThat(seenWithoutWatermark).as("without the watermark A is skipped").containsExactly("B");
	}

	private static String poll(OpenData feed, String cursor, List<String> seen, PublicRecord a, PublicRecord b) {
		OpenData.FeedPage page = feed.feed(cursor, 500);
		List<Map<String, Object>> releases = cast(page.releasePackage().get("releases"));
		for (Map<String, Object> release : releases) {
			if (release.get("id").equals(a.id().toString())) {
				seen.add("A");
			}
			if (release.get("id").equals(b.id().toString())) {
				seen.add("B");
			}
		}
		return page.next();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
