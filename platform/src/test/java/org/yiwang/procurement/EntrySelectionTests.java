package org.yiwang.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.registry.EntityId;

/** The first stage's elimination rate and ranking, without a database. */
class EntrySelectionTests {

	@Test
	void at_least_one_in_five_and_at_least_one_is_eliminated() {
		assertThat(EntrySelection.entrants(0, null)).isZero();
		assertThat(EntrySelection.entrants(1, null)).isZero();
		assertThat(EntrySelection.entrants(2, null)).isEqualTo(1);
		assertThat(EntrySelection.entrants(5, null)).isEqualTo(4);
		assertThat(EntrySelection.entrants(6, null)).isEqualTo(4);
		assertThat(EntrySelection.entrants(10, null)).isEqualTo(8);
		assertThat(EntrySelection.entrants(11, null)).isEqualTo(8);
		assertThat(EntrySelection.entrants(10, 3)).isEqualTo(3);
		for (int n = 2; n <= 200; n++) {
			int entered = EntrySelection.entrants(n, null);
			assertThat(n - entered).as("eliminated of %d", n).isGreaterThanOrEqualTo(1);
			assertThat((n - entered) * 5).as("at least 20 %% of %d", n).isGreaterThanOrEqualTo(n);
			assertThat((n - entered - 1) * 5).as("no more than needed of %d", n).isLessThan(n);
		}
	}

	@Test
	void price_first_breaks_ties_by_the_earlier_response_and_quality_first_by_price() {
		Instant t = Instant.parse("2026-12-01T00:00:00Z");
		EntityId a = new EntityId(UUID.randomUUID());
		EntityId b = new EntityId(UUID.randomUUID());
		EntityId c = new EntityId(UUID.randomUUID());
		List<EntrySelection.Candidate> candidates = new ArrayList<>(List.of(
				new EntrySelection.Candidate(a, new BigDecimal("10"), new BigDecimal("90"), t.plusSeconds(2)),
				new EntrySelection.Candidate(b, new BigDecimal("10"), new BigDecimal("90"), t.plusSeconds(1)),
				new EntrySelection.Candidate(c, new BigDecimal("9"), new BigDecimal("80"), t.plusSeconds(3))));
		assertThat(EntrySelection.rank(candidates, FrameworkEvaluation.PRICE_FIRST, null))
			.extracting(r -> r.candidate().supplier(), EntrySelection.Ranked::rank, EntrySelection.Ranked::entered)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(c, 1, true), org.assertj.core.groups.Tuple.tuple(b, 2, true),
					org.assertj.core.groups.Tuple.tuple(a, 3, false));
		assertThat(EntrySelection.rank(candidates, FrameworkEvaluation.QUALITY_FIRST, 1))
			.extracting(r -> r.candidate().supplier()).containsExactly(b, a, c);
	}
}
