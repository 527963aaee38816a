package org.yiwang.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yiwang.registry.EntityId;

/**
 * The first stage's arithmetic (财政部令第110号, closed framework agreements): every response ranks, price first
 * (lowest unit price, then the earlier response) or quality first (highest score, then the lower price, then the
 * earlier response); at least one in five responses is eliminated and at least one, so two responses are the least
 * that can enter anybody; the entry cap, when the notice set one, limits the entrants further.
 */
final class EntrySelection {

	/** Fewer responses and nobody can enter: the framework fails. */
	static final int MIN_RESPONSES = 2;

	record Candidate(EntityId supplier, BigDecimal unitPrice, BigDecimal qualityScore, Instant respondedAt) {
	}

	record Ranked(Candidate candidate, int rank, boolean entered) {
	}

	private EntrySelection() {
	}

	/** How many of {@code responses} enter: at least one in five eliminated (rounded up), at most {@code cap}. */
	static int entrants(int responses, Integer cap) {
		if (responses < MIN_RESPONSES) {
			return 0;
		}
		int eliminated = Math.max(1, (responses + 4) / 5);
		int entering = responses - eliminated;
		return cap == null ? entering : Math.min(cap, entering);
	}

	static List<Ranked> rank(List<Candidate> candidates, FrameworkEvaluation evaluation, Integer cap) {
		Comparator<Candidate> byPrice = Comparator.comparing(Candidate::unitPrice);
		Comparator<Candidate> order = evaluation == FrameworkEvaluation.QUALITY_FIRST
				? Comparator.comparing(Candidate::qualityScore, Comparator.reverseOrder()).thenComparing(byPrice)
				: byPrice;
		order = order.thenComparing(Candidate::respondedAt).thenComparing(c -> c.supplier().value());
		List<Candidate> sorted = candidates.stream().sorted(order).toList();
		int entering = entrants(sorted.size(), cap);
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			ranked.add(new Ranked(sorted.get(i), i + 1, i < entering));
		}
		return ranked;
	}
}
