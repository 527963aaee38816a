package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiwang.supervision.screening.BidScreens;
import org.yiwang.supervision.screening.LabelledTenders;
import org.yiwang.supervision.screening.Screens;

/**
 * The screens reproduce the columns of the three labelled reference markets (test resources {@code collusion/}) to
 * the four decimals given, for every tender where the screen is defined. DIFFP and RD reproduce only in part (see
 * docs/supervision-screens.md); for those the test pins how many tenders reproduce, so a change of definition shows.
 */
class BidScreensTests {

	/** Minimum number of bids for each screen, in the order of {@link Screens#NAMES}. */
	private static final int[] DEFINED_FROM = { 2, 2, 2, 3, 4, 3, 2 };

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "america", "japan", "italy" })
	void reproducesCvSpdKurtSkewKstestForEveryTender(String market) throws IOException {
		List<String> misses = new ArrayList<>();
		int compared = 0;
		for (LabelledTenders.Tender t : read(market)) {
			Double[] mine = BidScreens.of(t.bids()).values();
			for (int i : new int[] { 0, 1, 4, 5, 6 }) {
				if (t.bids().length < DEFINED_FROM[i] || mine[i] == null || t.published()[i] == null) {
					continue;
				}
				compared++;
				if (!sameToFourDecimals(mine[i], t.published()[i])) {
					misses.add(market + " tender " + t.id() + " " + Screens.NAMES[i] + ": " + mine[i] + " vs " + t.published()[i]);
				}
			}
		}
		assertThat(misses).isEmpty();
		assertThat(compared).isGreaterThan(1000);
	}

	/** How many tenders (with enough bids) reproduce DIFFP and RD, of how many. */
	@ParameterizedTest
	@CsvSource({ "america, DIFFP, 504, 2141", "japan, DIFFP, 349, 1080", "italy, DIFFP, 254, 278",
			"america, RD, 0, 917", "japan, RD, 82, 1078", "italy, RD, 251, 278" })
	void diffpAndRdReproduceWhereTheStudysOwnFiguresAreConsistent(String market, String screen, int expected, int of)
			throws IOException {
		int i = List.of(Screens.NAMES).indexOf(screen);
		int same = 0;
		int total = 0;
		for (LabelledTenders.Tender t : read(market)) {
			Double mine = BidScreens.of(t.bids()).values()[i];
			if (t.bids().length < DEFINED_FROM[i] || mine == null || t.published()[i] == null) {
				continue;
			}
			total++;
			same += sameToFourDecimals(mine, t.published()[i]) ? 1 : 0;
		}
		System.out.printf("%s %s reproduced %d of %d%n", market, screen, same, total);
		assertThat(same).isEqualTo(expected);
		assertThat(total).isEqualTo(of);
	}

	@org.junit.jupiter.api.Test
	void undefinedScreensAreEmpty() {
		Screens one = BidScreens.of(100);
		assertThat(one.values()).containsOnlyNulls();
		Screens two = BidScreens.of(100, 110);
		assertThat(two.cv()).isNotNull();
		assertThat(two.rd()).isNull();
		assertThat(two.skew()).isNull();
		assertThat(two.kurt()).isNull();
		assertThat(two.kstest()).isEqualTo(0.5);
		Screens equal = BidScreens.of(100, 100, 100, 100);
		assertThat(equal.cv()).isZero();
		assertThat(equal.skew()).isNull();
		assertThat(equal.kstest()).isNull();
	}

	static boolean sameToFourDecimals(double mine, double published) {
		return Math.abs(Math.round(mine * 1e4) / 1e4 - published) <= 1.0001e-4;
	}

	static List<LabelledTenders.Tender> read(String market) throws IOException {
		try (Reader in = new InputStreamReader(BidScreensTests.class.getResourceAsStream("/collusion/bids-" + market + ".csv"),
				StandardCharsets.UTF_8)) {
			return LabelledTenders.read(in);
		}
	}
}
