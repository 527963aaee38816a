package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.yiwang.kernel.Sha256;

/** The published draw algorithm (docs/expert-draw.md): determinism, avoidance, uniformity, the canonical pool. */
class DrawAlgorithmProperties {

	record Case(byte[] seed, List<DrawAlgorithm.Specialty> pool, List<UUID> avoided) {
	}

	@Provide
	Arbitrary<Case> cases() {
		Arbitrary<byte[]> seeds = Arbitraries.bytes().array(byte[].class).ofSize(32);
		Arbitrary<Long> poolSeeds = Arbitraries.longs();
		return Combinators.combine(seeds, poolSeeds, Arbitraries.integers().between(1, 3)).as((seed, poolSeed, n) -> {
			Random random = new Random(poolSeed);
			List<UUID> everyone = IntStream.range(0, 5 + random.nextInt(60)).mapToObj(i -> new UUID(random.nextLong(),
					random.nextLong())).toList();
			List<UUID> avoided = everyone.stream().filter(id -> random.nextInt(4) == 0).toList();
			List<DrawAlgorithm.Specialty> pool = new ArrayList<>();
			for (int s = 0; s < n; s++) {
				List<UUID> holders = everyone.stream().filter(id -> random.nextInt(2) == 0).filter(id -> !avoided.contains(id))
					.toList();
				pool.add(new DrawAlgorithm.Specialty("A010" + (s + 1), 1 + random.nextInt(Math.max(1, Math.min(5,
						holders.size() + 1))), holders));
			}
			return new Case(seed, pool, avoided);
		});
	}

	@Property(tries = 200)
	void the_same_seed_and_pool_give_the_same_picks(@ForAll("cases") Case c) {
		List<DrawAlgorithm.Pick> first = DrawAlgorithm.initial(c.pool(), new DrawAlgorithm.Sequence(c.seed(), c.pool()));
		// the pool read back from its canonical text, as a verifier would
		List<DrawAlgorithm.Specialty> reread = DrawAlgorithm.parsePool(DrawAlgorithm.canonicalPool(c.pool()));
		List<DrawAlgorithm.Pick> second = DrawAlgorithm.initial(reread, new DrawAlgorithm.Sequence(c.seed().clone(), reread));
		assertThat(second).isEqualTo(first);
	}

	@Property(tries = 200)
	void an_avoided_expert_is_never_drawn_and_nobody_twice(@ForAll("cases") Case c) {
		DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(c.seed(), c.pool());
		List<UUID> drawn = new ArrayList<>(DrawAlgorithm.initial(c.pool(), sequence).stream()
			.map(DrawAlgorithm.Pick::expert).toList());
		// redraw until every specialty is exhausted
		for (DrawAlgorithm.Specialty s : c.pool()) {
			for (UUID next = sequence.next(s.code()); next != null; next = sequence.next(s.code())) {
				drawn.add(next);
				assertThat(s.eligible()).contains(next);
			}
		}
		assertThat(drawn).doesNotHaveDuplicates();
		assertThat(drawn).noneMatch(c.avoided()::contains);
		Set<UUID> everyEligible = c.pool().stream().flatMap(s -> s.eligible().stream()).collect(Collectors.toSet());
		assertThat(new HashSet<>(drawn)).isEqualTo(everyEligible);
	}

	@Property(tries = 100)
	void a_redraw_continues_the_sequence_from_its_stored_state(@ForAll("cases") Case c) {
		DrawAlgorithm.Sequence running = new DrawAlgorithm.Sequence(c.seed(), c.pool());
		List<DrawAlgorithm.Pick> picks = DrawAlgorithm.initial(c.pool(), running);
		Map<String, Long> counters = new HashMap<>();
		c.pool().forEach(s -> counters.put(s.code(), running.counter(s.code())));
		DrawAlgorithm.Sequence restored = new DrawAlgorithm.Sequence(c.seed(), c.pool(), counters,
				picks.stream().map(DrawAlgorithm.Pick::expert).collect(Collectors.toSet()));
		for (DrawAlgorithm.Specialty s : c.pool()) {
			assertThat(restored.next(s.code())).isEqualTo(running.next(s.code()));
		}
	}

	@Property(tries = 200)
	void the_streamed_hash_and_the_packed_ids_agree_with_the_canonical_text(@ForAll("cases") Case c) {
		for (DrawAlgorithm.Specialty s : c.pool()) { // the canonical order is the order of the ids' text
			assertThat(s.eligible().stream().map(UUID::toString).toList())
				.isEqualTo(s.eligible().stream().map(UUID::toString).sorted().toList());
		}
		String text = DrawAlgorithm.canonicalPool(c.pool());
		assertThat(DrawAlgorithm.poolSha256(c.pool())).isEqualTo(DrawAlgorithm.poolSha256(text));
		for (DrawAlgorithm.Specialty s : c.pool()) {
			assertThat(DrawAlgorithm.unpackIds(DrawAlgorithm.packIds(s.eligible()))).isEqualTo(s.eligible());
		}
	}

	/** The commitment as a draw computes it (runs of a list's precomputed lines) is the canonical text's SHA-256. */
	@Property(tries = 200)
	void the_hash_of_subsets_of_lists_is_the_hash_of_the_canonical_text(@ForAll("cases") Case c,
			@ForAll long subsetSeed) {
		Random random = new Random(subsetSeed);
		List<DrawAlgorithm.Subset> subsets = new ArrayList<>();
		List<DrawAlgorithm.Specialty> pool = new ArrayList<>();
		for (DrawAlgorithm.Specialty s : c.pool()) { // the specialty's eligible experts as a list, a random part eligible
			BitSet chosen = new BitSet();
			IntStream.range(0, s.eligible().size()).filter(i -> random.nextInt(3) > 0).forEach(chosen::set);
			subsets.add(new DrawAlgorithm.Subset(s.code(), s.seats(), DrawAlgorithm.canonicalLines(s.eligible()), chosen));
			pool.add(new DrawAlgorithm.Specialty(s.code(), s.seats(), chosen.stream().mapToObj(s.eligible()::get).toList()));
		}
		Collections.reverse(subsets); // any order: the canonical text is in code order
		assertThat(DrawAlgorithm.poolSha256OfSubsets(subsets))
			.isEqualTo(DrawAlgorithm.poolSha256(DrawAlgorithm.canonicalPool(pool)));
	}

	/** Every pick, redraws across specialties included, is the one the specification's plain filtering gives. */
	@Property(tries = 200)
	void each_pick_is_the_one_the_plain_definition_gives(@ForAll("cases") Case c) {
		DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(c.seed(), c.pool());
		Map<String, Long> counters = new HashMap<>();
		Set<UUID> picked = new HashSet<>();
		for (int round = 0; round < 12; round++) {
			DrawAlgorithm.Specialty s = c.pool().get(round % c.pool().size());
			UUID expected = plainNext(c.seed(), s, counters, picked);
			assertThat(sequence.next(s.code())).isEqualTo(expected);
		}
	}

	/** docs/expert-draw.md word for word: filter out everyone picked, then the first unbiased block modulo the rest. */
	private static UUID plainNext(byte[] seed, DrawAlgorithm.Specialty s, Map<String, Long> counters, Set<UUID> picked) {
		List<UUID> remaining = s.eligible().stream().filter(id -> !picked.contains(id)).toList();
		long m = remaining.size();
		if (m == 0) {
			return null;
		}
		long r = Long.remainderUnsigned(Long.remainderUnsigned(-1L, m) + 1, m);
		long counter = counters.getOrDefault(s.code(), 0L);
		while (true) {
			long u = DrawAlgorithm.block(seed, s.code(), counter++);
			if (r == 0 || Long.compareUnsigned(u, -r) < 0) {
				counters.put(s.code(), counter);
				UUID chosen = remaining.get((int) Long.remainderUnsigned(u, m));
				picked.add(chosen);
				return chosen;
			}
		}
	}

	/**
	 * Over many draws (deterministic seeds 0..N-1) each of 20 eligible experts is drawn about equally often: the
	 * chi-square statistic of the counts of one pick from 20 stays below the 0.001 critical value for 19 degrees of
	 * freedom (43.82); a biased draw (modulo without rejection over a small range) would not.
	 */
	@Test
	void every_eligible_expert_is_drawn_about_equally_often() {
		List<UUID> ids = IntStream.range(0, 20).mapToObj(i -> new UUID(0, i)).toList();
		List<DrawAlgorithm.Specialty> pool = List.of(new DrawAlgorithm.Specialty("A0101", 3, ids));
		Map<UUID, Integer> counts = new HashMap<>();
		int draws = 20_000;
		for (int i = 0; i < draws; i++) {
			byte[] seed32 = HexFormat.of().parseHex(Sha256.hex(("chi-square " + i).getBytes(StandardCharsets.UTF_8)));
			for (DrawAlgorithm.Pick pick : DrawAlgorithm.initial(pool, new DrawAlgorithm.Sequence(seed32, pool))) {
				counts.merge(pick.expert(), 1, Integer::sum);
			}
		}
		double expected = draws * 3 / 20.0;
		double chiSquare = ids.stream().mapToDouble(id -> {
			double d = counts.getOrDefault(id, 0) - expected;
			return d * d / expected;
		}).sum();
		assertThat(chiSquare).as("chi-square over 20 experts, 19 df").isLessThan(43.82);
		assertThat(counts).hasSize(20);
	}

	/** The worked example of docs/expert-draw.md: another implementation must print exactly these picks. */
	@Test
	void the_documented_example_gives_the_documented_picks() {
		byte[] seed = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
		List<DrawAlgorithm.Specialty> pool = List.of(
				new DrawAlgorithm.Specialty("A0101", 2, IntStream.rangeClosed(1, 6).mapToObj(i -> new UUID(0, i)).toList()),
				new DrawAlgorithm.Specialty("A0105", 1, IntStream.rangeClosed(5, 8).mapToObj(i -> new UUID(0, i)).toList()));
		String text = DrawAlgorithm.canonicalPool(pool);
		assertThat(text).startsWith("yiwang-expert-draw-pool/1\nA0101 2 6\n00000000-0000-0000-0000-000000000001\n");
		DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(seed, pool);
		List<DrawAlgorithm.Pick> picks = DrawAlgorithm.initial(pool, sequence);
		UUID redraw = sequence.next("A0101");
		assertThat(DrawAlgorithm.poolSha256(text)).isEqualTo(ExpertDrawExample.POOL_SHA256);
		assertThat(picks.stream().map(p -> p.expert().toString()).toList()).isEqualTo(ExpertDrawExample.PICKS);
		assertThat(redraw.toString()).isEqualTo(ExpertDrawExample.REDRAW);
	}

	@Test
	void a_pool_text_that_is_not_canonical_is_refused() {
		assertThatThrownBy(() -> DrawAlgorithm.parsePool("yiwang-expert-draw-pool/1\nA0101 1 2\n"
				+ "00000000-0000-0000-0000-000000000002\n00000000-0000-0000-0000-000000000001\n"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DrawAlgorithm.parsePool("something else\n")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DrawAlgorithm.Sequence(new byte[31], List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
