package org.yiwang.supervision.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the labelled reference markets (one row per bid, the study's columns {@code Tender}, {@code Bid_value},
 * {@code Collusive_competitor} and the seven screens it computed). Used to check the screens and to fit and validate
 * the risk model; the files are plain comma-separated text without quoting.
 */
public final class LabelledTenders {

	/**
	 * A tender of a reference market.
	 *
	 * @param collusive at least half of its bids come from cartel members (the study's label)
	 * @param published the screens as the study published them, in the order of {@link Screens#NAMES}
	 */
	public record Tender(String id, double[] bids, boolean collusive, Double[] published) {
	}

	private LabelledTenders() {
	}

	public static List<Tender> read(Reader source) throws IOException {
		BufferedReader in = new BufferedReader(source);
		List<String> header = Arrays.asList(in.readLine().split(",", -1));
		int tender = column(header, "Tender");
		int bid = column(header, "Bid_value");
		int label = column(header, "Collusive_competitor");
		int[] screens = new int[Screens.NAMES.length];
		for (int i = 0; i < screens.length; i++) {
			screens[i] = column(header, Screens.NAMES[i]);
		}
		record Rows(List<Double> bids, int[] collusive, Double[] published) {
		}
		Map<String, Rows> tenders = new LinkedHashMap<>();
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split(",", -1);
			Rows rows = tenders.computeIfAbsent(f[tender], id -> {
				Double[] published = new Double[screens.length];
				for (int i = 0; i < screens.length; i++) {
					published[i] = f[screens[i]].isBlank() ? null : Double.valueOf(f[screens[i]]);
				}
				return new Rows(new ArrayList<>(), new int[1], published);
			});
			rows.bids().add(Double.valueOf(f[bid]));
			rows.collusive()[0] += "1".equals(f[label].trim()) ? 1 : 0;
		}
		List<Tender> out = new ArrayList<>();
		tenders.forEach((id, rows) -> out.add(new Tender(id, rows.bids().stream().mapToDouble(Double::doubleValue).toArray(),
				2 * rows.collusive()[0] >= rows.bids().size(), rows.published())));
		return out;
	}

	private static int column(List<String> header, String name) {
		int i = header.indexOf(name);
		if (i < 0) {
			throw new IllegalArgumentException("reference file lacks column " + name);
		}
		return i;
	}
}
