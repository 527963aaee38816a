package org.yiwang.supervision.screening;

import java.util.Arrays;

/**
 * Computes the price screens of one tender from its bid prices, in the variants the study behind the labelled
 * reference data used (García Rodríguez et al. 2022, after Imhof and Huber &amp; Imhof), found by reproducing its
 * columns: sample (n−1) standard deviation, bias-corrected skewness and excess kurtosis, and the Kolmogorov–Smirnov
 * distance to the uniform distribution between the lowest and highest bid. RD divides by the standard deviation of
 * all bids but the highest, as the study's figures do (the textbook uses the losing bids); see
 * docs/supervision-screens.md for what does and does not reproduce.
 */
public final class BidScreens {

	private BidScreens() {
	}

	/** The screens of these bid prices (any order; all positive). */
	public static Screens of(double... prices) {
		double[] b = prices.clone();
		Arrays.sort(b);
		int n = b.length;
		if (n < 2) {
			return new Screens(n, null, null, null, null, null, null, null);
		}
		double mean = mean(b, n);
		double sd = sampleSd(b, n);
		boolean spread = b[n - 1] > b[0];
		Double cv = sd / mean;
		Double spd = (b[n - 1] - b[0]) / b[0];
		Double diffp = (b[1] - b[0]) / b[0];
		Double rd = null;
		if (n >= 3) {
			double sdButHighest = sampleSd(b, n - 1);
			rd = sdButHighest > 0 ? (b[1] - b[0]) / sdButHighest : null;
		}
		Double skew = null;
		Double kurt = null;
		if (spread && n >= 3) {
			double m2 = 0;
			double m3 = 0;
			double m4 = 0;
			for (double x : b) {
				double d = x - mean;
				m2 += d * d;
				m3 += d * d * d;
				m4 += d * d * d * d;
			}
			m2 /= n;
			m3 /= n;
			m4 /= n;
			double g1 = m3 / Math.pow(m2, 1.5);
			skew = g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
			if (n >= 4) {
				double g2 = m4 / (m2 * m2) - 3;
				kurt = ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
			}
		}
		Double ks = spread ? uniformKs(b) : null;
		return new Screens(n, cv, spd, diffp, rd, kurt, skew, ks);
	}

	private static double mean(double[] b, int count) {
		double sum = 0;
		for (int i = 0; i < count; i++) {
			sum += b[i];
		}
		return sum / count;
	}

	private static double sampleSd(double[] b, int count) {
		double m = mean(b, count);
		double ss = 0;
		for (int i = 0; i < count; i++) {
			ss += (b[i] - m) * (b[i] - m);
		}
		return Math.sqrt(ss / (count - 1));
	}

	/** Largest distance between the bids' empirical distribution and the uniform one on [lowest, highest]. */
	private static double uniformKs(double[] sorted) {
		int n = sorted.length;
		double lo = sorted[0];
		double width = sorted[n - 1] - lo;
		double d = 0;
		for (int i = 0; i < n; i++) {
			double f = (sorted[i] - lo) / width;
			d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
		}
		return d;
	}
}
