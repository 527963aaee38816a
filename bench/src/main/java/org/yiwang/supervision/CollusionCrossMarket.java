package org.yiwang.supervision;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.yiwang.supervision.screening.BidScreens;
import org.yiwang.supervision.screening.LabelledTenders;
import org.yiwang.supervision.screening.RiskModel;
import org.yiwang.supervision.screening.Screens;

/**
 * Cross-market validation of the risk score: for each of the three labelled markets, fit on the other two and report
 * the held-out area under the ROC curve of the combined score beside each single screen's (an undefined screen counts
 * as 0, as the study's files write it; a screen's direction — high or low means collusive — is chosen on the training
 * markets). The baseline is the best single screen measured in the same run on the same held-out tenders. Finally the
 * model is fitted on all three markets and written as the platform's default.
 */
public final class CollusionCrossMarket {

	static final String[] MARKETS = { "america", "japan", "italy" };

	static final double L2 = 1.0;

	record Market(String name, List<Screens> screens, boolean[] collusive) {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args.length > 0 ? args[0] : "platform/src/test/resources/collusion");
		Path modelOut = Path.of(args.length > 1 ? args[1] : "platform/src/main/resources/supervision/risk-model.properties");
		Map<String, Market> markets = new LinkedHashMap<>();
		for (String m : MARKETS) {
			try (Reader in = Files.newBufferedReader(data.resolve("bids-" + m + ".csv"), StandardCharsets.UTF_8)) {
				List<LabelledTenders.Tender> tenders = LabelledTenders.read(in);
				boolean[] labels = new boolean[tenders.size()];
				List<Screens> screens = new ArrayList<>();
				for (int i = 0; i < labels.length; i++) {
					labels[i] = tenders.get(i).collusive();
					screens.add(BidScreens.of(tenders.get(i).bids()));
				}
				markets.put(m, new Market(m, screens, labels));
			}
		}
		long started = System.nanoTime();
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "| held-out market | tenders | collusive | combined score |"));
		for (String s : Screens.NAMES) {
			table.append(' ').append(s).append(" |");
		}
		table.append(" best single | margin |\n|---|---|---|---|");
		table.append("---|".repeat(Screens.NAMES.length)).append("---|---|\n");
		boolean allBeat = true;
		for (String test : MARKETS) {
			List<Screens> trainScreens = new ArrayList<>();
			List<Boolean> trainLabels = new ArrayList<>();
			for (String m : MARKETS) {
				if (!m.equals(test)) {
					trainScreens.addAll(markets.get(m).screens());
					for (boolean b : markets.get(m).collusive()) {
						trainLabels.add(b);
					}
				}
			}
			boolean[] train = new boolean[trainLabels.size()];
			for (int i = 0; i < train.length; i++) {
				train[i] = trainLabels.get(i);
			}
			Market held = markets.get(test);
			RiskModel model = RiskModel.fit(trainScreens, train, L2);
			double combined = auc(held.screens(), held.collusive(), model::logOdds);
			double best = 0;
			StringBuilder singles = new StringBuilder();
			for (int i = 0; i < Screens.NAMES.length; i++) {
				int screen = i;
				ToDoubleFunction<Screens> value = s -> zeroIfUndefined(s.values()[screen]);
				double direction = auc(trainScreens, train, value) >= 0.5 ? 1 : -1;
				double single = auc(held.screens(), held.collusive(), s -> direction * value.applyAsDouble(s));
				best = Math.max(best, single);
				singles.append(String.format(Locale.ROOT, " %.3f%s |", single, direction > 0 ? "" : " (low)"));
			}
			int positives = 0;
			for (boolean b : held.collusive()) {
				positives += b ? 1 : 0;
			}
			allBeat &= combined > best;
			table.append(String.format(Locale.ROOT, "| %s | %d | %d | **%.3f** |%s %.3f | %+.3f |%n", test,
					held.screens().size(), positives, combined, singles, best, combined - best));
		}
		System.out.println("Held-out AUC (train on the other two markets; '(low)' = low values mean collusive):");
		System.out.print(table);
		System.out.println(allBeat ? "The combined score beats the best single screen on every held-out market."
				: "The combined score does NOT beat the best single screen on every held-out market.");

		List<Screens> all = new ArrayList<>();
		List<Boolean> labels = new ArrayList<>();
		for (Market m : markets.values()) {
			all.addAll(m.screens());
			for (boolean b : m.collusive()) {
				labels.add(b);
			}
		}
		boolean[] allLabels = new boolean[labels.size()];
		for (int i = 0; i < allLabels.length; i++) {
			allLabels[i] = labels.get(i);
		}
		RiskModel platform = RiskModel.fit(all, allLabels, L2);
		Files.createDirectories(modelOut.toAbsolutePath().getParent());
		try (Writer out = Files.newBufferedWriter(modelOut, StandardCharsets.UTF_8)) {
			platform.write(out, "Fitted by bench/collusion-cross-market.sh on " + all.size()
					+ " tenders of the three reference markets (L2 = " + L2 + "); do not edit by hand.");
		}
		System.out.printf(Locale.ROOT, "In-sample AUC of the default model on all %d tenders: %.3f%n", all.size(),
				auc(all, allLabels, platform::logOdds));
		System.out.printf(Locale.ROOT, "Wrote %s (%.1f s)%n", modelOut, (System.nanoTime() - started) / 1e9);
		if (!allBeat) {
			System.exit(1);
		}
	}

	static double zeroIfUndefined(Double v) {
		return v == null || !Double.isFinite(v) ? 0 : v;
	}

	/** Mann–Whitney AUC with ties counted half. */
	static double auc(List<Screens> screens, boolean[] labels, ToDoubleFunction<Screens> score) {
		int n = screens.size();
		double[][] pairs = new double[n][2];
		for (int i = 0; i < n; i++) {
			pairs[i][0] = score.applyAsDouble(screens.get(i));
			pairs[i][1] = labels[i] ? 1 : 0;
		}
		Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
		double rankSumPositives = 0;
		long positives = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j < n && pairs[j][0] == pairs[i][0]) {
				j++;
			}
			double rank = (i + 1 + j) / 2.0;
			for (int k = i; k < j; k++) {
				if (pairs[k][1] == 1) {
					rankSumPositives += rank;
					positives++;
				}
			}
			i = j;
		}
		long negatives = n - positives;
		return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}
}
