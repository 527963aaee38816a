package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The Lucene index alone, on disk: substring recall of Chinese terms, and what survives a restart. */
class SearchIndexTests {

	private static final String WORDS = "重庆市渝中区万州区道路桥梁隧道改造工程施工监理设计采购服务学校医院供水管网照明绿化";

	private static Path directory;

	private static SearchIndex index;

	private static final List<PublicRecord> RECORDS = new ArrayList<>();

	static PublicRecord record(String title, String region) {
		return new PublicRecord(UUID.randomUUID(), RecordType.TENDER, "CQ-" + region + "-2026-00001", "项目", "标段", region,
				"ENG_BUILDING", title, "正文", new BigDecimal("100.00"), null, List.of(new Party("tenderer", "某单位", null)), null,
				"c", "c2ln", Instant.parse("2026-11-27T02:00:00Z"), Instant.parse("2026-11-27T02:00:00Z"));
	}

	static SearchIndex open(Path dir) {
		return new SearchIndex(new PortalSettings(dir, Duration.ofSeconds(5), "http://localhost", "a@b", "ocds-test", null, null, null,
				null, java.math.BigDecimal.ZERO));
	}

	@BeforeContainer
	static void indexTitles() throws IOException {
		directory = Files.createTempDirectory("portal-index-test");
		index = open(directory);
		var random = new java.util.Random(8);
		for (int i = 0; i < 300; i++) {
			StringBuilder title = new StringBuilder();
			for (int c = 0; c < 12 + random.nextInt(12); c++) {
				title.append(WORDS.charAt(random.nextInt(WORDS.length())));
			}
			RECORDS.add(record(title.toString(), "500103"));
		}
		index.index(RECORDS, true);
	}

	@AfterContainer
	static void close() throws IOException {
		index.destroy();
	}

	@Provide
	Arbitrary<String> substrings() {
		return Combinators.combine(Arbitraries.integers().between(0, 299), Arbitraries.integers().between(2, 4),
				Arbitraries.integers().between(0, 20)).as((which, length, start) -> {
					String title = RECORDS.get(which).title();
					int from = Math.min(start, title.length() - length);
					return title.substring(from, from + length);
				});
	}

	@Property(tries = 300)
	void every_two_to_four_character_substring_finds_exactly_the_records_containing_it(@ForAll("substrings") String term) {
		long expected = RECORDS.stream().filter(r -> r.title().contains(term)).count();
		assertThat(index.count(index.query(SearchRequest.of(term).normalized()))).isEqualTo(expected);
	}

	@Test
	void the_index_survives_a_restart() throws IOException {
		Path dir = Files.createTempDirectory("portal-index-restart");
		SearchIndex first = open(dir);
		PublicRecord record = record("璧山区来凤街道路灯更换招标公告", "500120");
		first.index(List.of(record), true);
		first.destroy();
		SearchIndex second = open(dir);
		try {
			assertThat(second.size()).isEqualTo(1);
			assertThat(second.search(second.query(SearchRequest.of("路灯").normalized()), SearchRequest.Sort.RELEVANCE, 1).ids())
				.containsExactly(record.id());
		}
		finally {
			second.destroy();
		}
	}

	@Test
	void a_large_batch_indexed_on_all_cores_holds_each_record_once_even_when_indexed_again() throws IOException {
		Path dir = Files.createTempDirectory("portal-index-parallel");
		SearchIndex parallel = open(dir);
		try {
			List<PublicRecord> batch = new ArrayList<>();
			for (int i = 0; i < 5_000; i++) {
				batch.add(record("并行索引测试第" + i + "号道路工程", i % 2 == 0 ? "500103" : "500101"));
			}
			parallel.index(batch, false);
			parallel.index(batch.subList(1_000, 3_000), true);
			assertThat(parallel.size()).isEqualTo(5_000);
			assertThat(parallel.count(parallel.query(SearchRequest.of("并行").normalized()))).isEqualTo(5_000);
			assertThat(parallel.count(parallel.query(new SearchRequest("道路", "500101", null, null, null, null, null, null,
					null, 1).normalized()))).isEqualTo(2_500);
		}
		finally {
			parallel.destroy();
		}
	}
}
