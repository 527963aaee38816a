package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	PortalSettings settings;

	private static final String PUBLIC_ADDRESS = "https://ggzy.test.yiwang.example";

	/**
	 * Every party of every release has its OCDS roles and its credit code under the org-id scheme; an agency, where
	 * one runs the tender, is the procuring entity (the tenderer stays the buyer); a listing's transferor is neither a
	 * supplier nor a buyer. Every link carries the configured public address, in OCDS and in the national datasets.
	 */
	@Test
	void every_party_has_roles_and_a_credit_code_identifier_the_agency_is_the_procuring_entity_and_links_are_public()
			throws Exception {
		assertThat(settings.baseUrl()).as("application-test.properties sets it").isEqualTo(PUBLIC_ADDRESS);
		JsonSchema schema = releasePackageSchema();
		Set<String> partyRoles = codelist("partyRole.csv");
		Publications publications = new Publications(context);
		String trade = "CQ-500103-2026-ROLE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String tendererCode = null;
		String agencyCode = TestActor.creditCode("500103");
		String winnerCode = TestActor.creditCode("500103");
		List<UUID> notices = new ArrayList<>();
		for (NoticeType type : NoticeType.values()) {
			boolean award = type == NoticeType.AWARD_RESULT || type == NoticeType.CONTRACT;
			NoticePublished plain = publications.notice(UUID.randomUUID(), type, trade, TestActor.YUZHONG, "ENG_BUILDING",
					"渝中区角色" + type + "公告", "正文", award || type == NoticeType.CANDIDATES ? "123456.78" : null);
			tendererCode = plain.tendererCreditCode().value();
			NoticePublished notice = new NoticePublished(plain.actor(), plain.noticeId(), type, plain.tradeCode(),
					plain.projectName(), plain.sectionName(), plain.region(), plain.category(), plain.title(), plain.body(),
					plain.estimatedPrice(), plain.amount(), plain.tendererName(), plain.tendererCreditCode(), plain.agencyName(),
					plain.bidDeadline(), plain.signedContent(), plain.signature(), plain.occurredAt(),
					award ? "重庆中标建设有限公司" : null, award ? org.yiwang.kernel.CreditCode.of(winnerCode) : null,
					new org.yiwang.tendering.NoticeParticulars(null, null, null, null, null,
							new org.yiwang.tendering.NoticeParticulars.Contact(tendererCode, null, null, null, null),
							new org.yiwang.tendering.NoticeParticulars.Contact(agencyCode, null, null, null, null), null, null,
							null, null, null, null, null, null, null));
			publications.publish(notice);
			notices.add(notice.noticeId());
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> portal.history(trade).size() == NoticeType.values().length);

		String body = mvc.perform(get("/opendata/sections/" + trade + "/releases")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertValid(schema, body);
		Map<String, Object> pkg = json.readValue(body, Map.class);
		assertThat((String) pkg.get("uri")).startsWith(PUBLIC_ADDRESS + "/opendata/sections/");
		assertThat(((Map<?, ?>) pkg.get("publisher")).get("uri")).isEqualTo(PUBLIC_ADDRESS);
		List<Map<String, Object>> releases = cast(pkg.get("releases"));
		assertThat(releases).hasSize(NoticeType.values().length);
		int withWinner = 0;
		for (Map<String, Object> release : releases) {
			assertEveryPartyHasRolesAndIdentifier(release, partyRoles);
			Map<String, Object> tender = cast(release.get("tender"));
			assertThat(((Map<?, ?>) tender.get("procuringEntity")).get("id")).as("the agency runs it")
				.isEqualTo("CN-USCC-" + agencyCode);
			Map<?, ?> buyer = (Map<?, ?>) release.get("buyer");
			assertThat(buyer.get("name")).as("the tenderer pays").isEqualTo("重庆市城市建设投资有限公司");
			assertThat(roles(release, "CN-USCC-" + agencyCode)).containsExactly("procuringEntity");
			assertThat(roles(release, (String) buyer.get("id"))).containsExactly("buyer");
			List<Map<String, Object>> documents = cast(tender.get("documents"));
			assertThat(documents).allSatisfy(d -> assertThat((String) d.get("url")).startsWith(PUBLIC_ADDRESS + "/notices/"));
			if (roles(release, "CN-USCC-" + winnerCode) != null) {
				assertThat(roles(release, "CN-USCC-" + winnerCode)).containsExactly("tenderer", "supplier");
				withWinner++;
			}
		}
		assertThat(withWinner).as("the award result and the contract name the winner").isEqualTo(2);
		String feed = mvc.perform(get("/opendata/releases").param("limit", "500")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat((String) json.readValue(feed, Map.class).get("uri")).startsWith(PUBLIC_ADDRESS + "/opendata/releases");

		// a tenderer running its own tender (自行招标) is buyer and procuring entity at once
		PublicRecord own = new PublicRecord(UUID.randomUUID(), RecordType.TENDER, trade, "项目", "标段", TestActor.YUZHONG,
				"ENG_BUILDING", "自行招标", "正文", null, null, List.of(new Party("tenderer", "某单位", tendererCode)), null, "c",
				"c2ln", clock.instant(), clock.instant());
		Map<String, Object> ownRelease = openData.release(own);
		assertThat(roles(ownRelease, "CN-USCC-" + tendererCode)).containsExactly("buyer", "procuringEntity");
		assertThat(((Map<?, ?>) ((Map<?, ?>) ownRelease.get("tender")).get("procuringEntity")).get("id"))
			.isEqualTo("CN-USCC-" + tendererCode);

		// a listing and its sale: the transferor runs the disposal and is paid, the transferee bid and pays
		String transferorCode = TestActor.creditCode("500103");
		String transfereeCode = TestActor.creditCode("500103");
		for (RecordType type : EnumSet.of(RecordType.LISTING_DISCLOSURE, RecordType.AUCTION_RESULT)) {
			List<Party> parties = type == RecordType.AUCTION_RESULT
					? List.of(new Party("transferor", "重庆某国有公司", transferorCode), new Party("transferee", "受让公司", transfereeCode))
					: List.of(new Party("transferor", "重庆某国有公司", transferorCode));
			PublicRecord listing = new PublicRecord(UUID.randomUUID(), type, trade, "国有产权转让", "某公司股权", TestActor.YUZHONG,
					"STATE_EQUITY", "渝中区" + type, "挂牌", null,
					type == RecordType.AUCTION_RESULT ? new java.math.BigDecimal("990000.00") : null, parties, null, "content",
					"c2ln", clock.instant(), clock.instant());
			Map<String, Object> release = openData.release(listing);
			assertValid(schema, Map.of("uri", "https://example.org/p", "version", "1.1", "publishedDate",
					"2026-11-27T00:00:00Z", "publisher", Map.of("name", "test"), "releases", List.of(release)));
			assertEveryPartyHasRolesAndIdentifier(release, partyRoles);
			assertThat(roles(release, "CN-USCC-" + transferorCode)).containsExactly("procuringEntity", "payee")
				.doesNotContain("supplier", "buyer");
			assertThat(((Map<?, ?>) ((Map<?, ?>) release.get("tender")).get("procuringEntity")).get("id"))
				.isEqualTo("CN-USCC-" + transferorCode);
			assertThat(release).doesNotContainKey("buyer");
			if (type == RecordType.AUCTION_RESULT) {
				assertThat(roles(release, "CN-USCC-" + transfereeCode)).containsExactly("tenderer", "payer");
			}
		}

		// the national datasets' source URLs carry the public address too
		for (UUID id : notices) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
				.sql("select count(*) from portal.uplink where record_id = ?").param(id).query(Long.class).single() > 0);
			Map<String, Object> payload = json.readValue(jdbc.sql("select payload::text from portal.uplink where record_id = ?")
				.param(id).query(String.class).single(), Map.class);
			Object url = payload.containsKey("公告源URL") ? payload.get("公告源URL") : payload.get("公示源URL");
			if (url != null) {
				assertThat((String) url).isEqualTo(PUBLIC_ADDRESS + "/notices/" + id);
			}
			assertThat(payload.values()).noneSatisfy(v -> assertThat(String.valueOf(v)).contains("localhost"));
		}
	}

	private static void assertEveryPartyHasRolesAndIdentifier(Map<String, Object> release, Set<String> partyRoles) {
		List<Map<String, Object>> parties = cast(release.get("parties"));
		assertThat(parties).isNotEmpty();
		for (Map<String, Object> party : parties) {
			List<String> roles = cast(party.get("roles"));
			assertThat(roles).as("roles of " + party).isNotEmpty().allSatisfy(r -> assertThat(partyRoles).contains(r));
			Map<String, Object> identifier = cast(party.get("identifier"));
			assertThat(identifier).as("identifier of " + party).isNotNull();
			assertThat(identifier.get("scheme")).isEqualTo(OpenData.USCC_SCHEME);
			assertThat((String) identifier.get("id")).matches("[0-9A-HJ-NPQRTUWXY]{18}");
			assertThat(party.get("id")).isEqualTo("CN-USCC-" + identifier.get("id"));
		}
	}

	private static List<String> roles(Map<String, Object> release, String partyId) {
		List<Map<String, Object>> parties = cast(release.get("parties"));
		return parties.stream().filter(p -> partyId.equals(p.get("id"))).findFirst().map(p -> OpenDataTests.<List<String>>cast(p.get("roles")))
			.orElse(null);
	}

	private static Set<String> codelist(String file) throws java.io.IOException {
		try (var in = OpenDataTests.class.getResourceAsStream("/ocds-1.1.5/codelists/" + file)) {
			assertThat(in).as("OCDS 1.1.5 codelist " + file).isNotNull();
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
				.map(line -> line.split(",", 2)[0]).collect(java.util.stream.Collectors.toSet());
		}
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
		Instant bStarts = clock.instant();
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
		// B committed, A not yet: the feed with a watermark holds B back; the one without serves B and moves past A.
		// The first look is taken as of B's start (the watermark reads the clock): a machine slow to get here must not
		// let B grow older than the watermark before it.
		OpenData asOfB = new OpenData(records, transactions, settings, Clock.fixed(bStarts, ZoneOffset.UTC));
		cursor = poll(asOfB, cursor, seen, a, b);
		cursorWithoutWatermark = poll(noWatermark, cursorWithoutWatermark, seenWithoutWatermark, a, b);
		assertThat(seen).isEmpty();
		assertThat(seenWithoutWatermark).containsExactly("B");
		readWhileOpen.countDown();
		first.get(10, TimeUnit.SECONDS);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
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
