package org.yiwang.supervision.screening;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seven price screens of one tender, each null where the tender has too few (or all equal) bids for it to be
 * defined. Definitions in docs/supervision-screens.md.
 *
 * @param bids how many bids the screens were computed from
 */
public record Screens(int bids, Double cv, Double spd, Double diffp, Double rd, Double kurt, Double skew, Double kstest) {

	/** The screens' names in the order of the columns, as the study and the CSV output write them. */
	public static final String[] NAMES = { "CV", "SPD", "DIFFP", "RD", "KURT", "SKEW", "KSTEST" };

	/** The screens in the order of {@link #NAMES}; null where undefined. */
	public Double[] values() {
		return new Double[] { cv, spd, diffp, rd, kurt, skew, kstest };
	}

	public Map<String, Double> byName() {
		Map<String, Double> named = new LinkedHashMap<>();
		Double[] values = values();
		for (int i = 0; i < NAMES.length; i++) {
			named.put(NAMES[i], values[i]);
		}
		return named;
	}

	@Override
	public String toString() {
		return "Screens" + bids + Arrays.toString(values());
	}
}
