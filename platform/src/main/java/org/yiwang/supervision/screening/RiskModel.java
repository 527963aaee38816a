package org.yiwang.supervision.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A logistic regression on the seven screens and the logarithm of the number of bids. An undefined screen counts as 0
 * (as the reference data write it), each input is standardised with the training set's mean and standard deviation
 * and clipped to ±4, and the classes are weighted equally (collusive tenders are a minority). The platform's default
 * coefficients ({@code supervision/risk-model.properties}) are fitted on all three reference markets by the
 * {@code CollusionCrossMarket} benchmark, which also validates the construction market by market.
 */
public final class RiskModel {

	/** Inputs: the seven screens, then ln(bids). */
	static final int INPUTS = Screens.NAMES.length + 1;

	private static final double CLIP = 4;

	private final double[] mean;

	private final double[] sd;

	/** Intercept first, then one weight per input. */
	private final double[] weights;

	RiskModel(double[] mean, double[] sd, double[] weights) {
		this.mean = mean.clone();
		this.sd = sd.clone();
		this.weights = weights.clone();
	}

	/** The coefficients shipped with the platform. */
	public static RiskModel platformDefault() {
		try (InputStream in = RiskModel.class.getResourceAsStream("/supervision/risk-model.properties")) {
			if (in == null) {
				throw new IllegalStateException("supervision/risk-model.properties is missing from the classpath");
			}
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static RiskModel read(InputStream in) throws IOException {
		Properties p = new Properties();
		p.load(in);
		return new RiskModel(array(p, "mean", INPUTS), array(p, "sd", INPUTS), array(p, "weights", INPUTS + 1));
	}

	private static double[] array(Properties p, String key, int length) {
		String[] parts = p.getProperty(key, "").split(",");
		if (parts.length != length) {
			throw new IllegalStateException("risk model: " + key + " needs " + length + " numbers");
		}
		double[] values = new double[length];
		for (int i = 0; i < length; i++) {
			values[i] = Double.parseDouble(parts[i].trim());
		}
		return values;
	}

	public void write(Writer out, String comment) throws IOException {
		out.write("# " + comment + "\n");
		out.write("# inputs: " + String.join(",", Screens.NAMES) + ",LN_BIDS (undefined screen = 0)\n");
		out.write("mean=" + join(mean) + "\n");
		out.write("sd=" + join(sd) + "\n");
		out.write("# intercept first\n");
		out.write("weights=" + join(weights) + "\n");
	}

	private static String join(double[] values) {
		StringBuilder s = new StringBuilder();
		for (double v : values) {
			s.append(s.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.10g", v));
		}
		return s.toString();
	}

	/** The raw inputs of a tender: screens with undefined as 0, then ln(bids). */
	static double[] inputs(Screens s) {
		Double[] v = s.values();
		double[] x = new double[INPUTS];
		for (int i = 0; i < v.length; i++) {
			x[i] = v[i] == null || !Double.isFinite(v[i]) ? 0 : v[i];
		}
		x[INPUTS - 1] = Math.log(Math.max(1, s.bids()));
		return x;
	}

	private double[] standardised(Screens s) {
		double[] x = inputs(s);
		for (int i = 0; i < INPUTS; i++) {
			x[i] = Math.max(-CLIP, Math.min(CLIP, (x[i] - mean[i]) / sd[i]));
		}
		return x;
	}

	/** The linear predictor (log-odds); only its order matters for ranking. */
	public double logOdds(Screens s) {
		double[] z = standardised(s);
		double t = weights[0];
		for (int i = 0; i < INPUTS; i++) {
			t += weights[i + 1] * z[i];
		}
		return t;
	}

	public Risk score(Screens s) {
		if (s.bids() < 1) {
			return new Risk(0, List.of());
		}
		double[] z = standardised(s);
		double t = weights[0];
		record Part(String name, double contribution) {
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < INPUTS; i++) {
			double c = weights[i + 1] * z[i];
			t += c;
			if (i < Screens.NAMES.length && c > 0) {
				parts.add(new Part(Screens.NAMES[i], c));
			}
		}
		parts.sort(Comparator.comparingDouble(Part::contribution).reversed());
		return new Risk(1 / (1 + Math.exp(-t)), parts.stream().limit(3).map(Part::name).toList());
	}

	/**
	 * Fits the model by Newton's method on an L2-penalised, class-balanced log-likelihood.
	 *
	 * @param collusive the label of each tender, in the order of {@code tenders}
	 */
	public static RiskModel fit(List<Screens> tenders, boolean[] collusive, double l2) {
		int n = tenders.size();
		double[][] x = new double[n][];
		double[] mean = new double[INPUTS];
		double[] sd = new double[INPUTS];
		for (int r = 0; r < n; r++) {
			x[r] = inputs(tenders.get(r));
			for (int i = 0; i < INPUTS; i++) {
				mean[i] += x[r][i] / n;
			}
		}
		for (int r = 0; r < n; r++) {
			for (int i = 0; i < INPUTS; i++) {
				sd[i] += (x[r][i] - mean[i]) * (x[r][i] - mean[i]) / n;
			}
		}
		for (int i = 0; i < INPUTS; i++) {
			sd[i] = sd[i] > 0 ? Math.sqrt(sd[i]) : 1;
		}
		int positives = 0;
		for (boolean c : collusive) {
			positives += c ? 1 : 0;
		}
		double wPos = 0.5 * n / Math.max(1, positives);
		double wNeg = 0.5 * n / Math.max(1, n - positives);
		int k = INPUTS + 1;
		double[][] z = new double[n][k];
		for (int r = 0; r < n; r++) {
			z[r][0] = 1;
			for (int i = 0; i < INPUTS; i++) {
				z[r][i + 1] = Math.max(-CLIP, Math.min(CLIP, (x[r][i] - mean[i]) / sd[i]));
			}
		}
		double[] w = new double[k];
		for (int iteration = 0; iteration < 50; iteration++) {
			double[] g = new double[k];
			double[][] h = new double[k][k];
			for (int r = 0; r < n; r++) {
				double t = 0;
				for (int i = 0; i < k; i++) {
					t += w[i] * z[r][i];
				}
				double p = 1 / (1 + Math.exp(-t));
				double y = collusive[r] ? 1 : 0;
				double weight = collusive[r] ? wPos : wNeg;
				for (int i = 0; i < k; i++) {
					g[i] += weight * (p - y) * z[r][i];
					for (int j = 0; j < k; j++) {
						h[i][j] += weight * p * (1 - p) * z[r][i] * z[r][j];
					}
				}
			}
			for (int i = 1; i < k; i++) {
				g[i] += l2 * w[i];
				h[i][i] += l2;
			}
			double[] step = solve(h, g);
			double size = 0;
			for (int i = 0; i < k; i++) {
				w[i] -= step[i];
				size = Math.max(size, Math.abs(step[i]));
			}
			if (size < 1e-10) {
				break;
			}
		}
		return new RiskModel(mean, sd, w);
	}

	/** Gaussian elimination with partial pivoting; the systems here are 9 × 9. */
	private static double[] solve(double[][] a, double[] b) {
		int k = b.length;
		double[][] m = new double[k][k + 1];
		for (int i = 0; i < k; i++) {
			System.arraycopy(a[i], 0, m[i], 0, k);
			m[i][k] = b[i];
		}
		for (int c = 0; c < k; c++) {
			int pivot = c;
			for (int r = c + 1; r < k; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
					pivot = r;
				}
			}
			double[] tmp = m[c];
			m[c] = m[pivot];
			m[pivot] = tmp;
			for (int r = c + 1; r < k; r++) {
				double f = m[r][c] / m[c][c];
				for (int j = c; j <= k; j++) {
					m[r][j] -= f * m[c][j];
				}
			}
		}
		double[] x = new double[k];
		for (int r = k - 1; r >= 0; r--) {
			double s = m[r][k];
			for (int j = r + 1; j < k; j++) {
				s -= m[r][j] * x[j];
			}
			x[r] = s / m[r][r];
		}
		return x;
	}
}
