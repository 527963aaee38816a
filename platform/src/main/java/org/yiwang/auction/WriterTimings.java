package org.yiwang.auction;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a bid's time goes in the auction's writer (issue 25), for the load bench: a handful of {@code nanoTime} reads
 * and counter increments per bid, always on. Each stage is a histogram of quarter-octave buckets (±10%), read as
 * p50/p99 by {@code bench/auction-load.sh} after each platform run.
 * <ul>
 * <li><b>queued</b>: the bid's arrival at its lane to the writer taking its batch;</li>
 * <li><b>decided</b>: the batch taken to its transaction begun (every bid decided in memory);</li>
 * <li><b>statements</b>: the batch's statements (bids, state, audit entry) inside its transaction;</li>
 * <li><b>commit</b>: the statements done to the commit returned (the fsync), or waiting for the batch before;</li>
 * <li><b>answered</b>: the bid's arrival to its answer handed to the request thread;</li>
 * <li><b>woken</b>: the answer handed over to the request thread running again;</li>
 * <li><b>batch</b>: bids per batch (a count, not a time).</li>
 * </ul>
 */
final class WriterTimings {

	enum Stage {
		QUEUED, DECIDED, STATEMENTS, COMMIT, ANSWERED, WOKEN, BATCH
	}

	/** Quarter-octave buckets from 1 µs (or 1 bid) to 2^40. */
	private static final int BUCKETS = 4 * 40;

	private final AtomicLongArray[] buckets = new AtomicLongArray[Stage.values().length];

	private final LongAdder[] sums = new LongAdder[Stage.values().length];

	WriterTimings() {
		for (int i = 0; i < buckets.length; i++) {
			buckets[i] = new AtomicLongArray(BUCKETS);
			sums[i] = new LongAdder();
		}
	}

	/** Records a duration in nanoseconds (kept in microseconds), or a count for {@link Stage#BATCH}. */
	void record(Stage stage, long value) {
		long v = stage == Stage.BATCH ? value : value / 1000;
		buckets[stage.ordinal()].incrementAndGet(bucket(v));
		sums[stage.ordinal()].add(v);
	}

	static int bucket(long v) {
		if (v <= 1) {
			return 0;
		}
		int log2 = 63 - Long.numberOfLeadingZeros(v);
		// The two bits below the top one: which quarter of the octave.
		int quarter = log2 >= 2 ? (int) ((v >>> (log2 - 2)) & 3) : (int) ((v << (2 - log2)) & 3);
		return Math.min(BUCKETS - 1, 4 * log2 + quarter);
	}

	/** The bucket's upper bound: a percentile is read as at most this. */
	static double upper(int bucket) {
		int log2 = bucket / 4;
		int quarter = bucket % 4;
		return Math.pow(2, log2) * (1 + (quarter + 1) / 4.0);
	}

	long count(Stage stage) {
		long n = 0;
		AtomicLongArray b = buckets[stage.ordinal()];
		for (int i = 0; i < BUCKETS; i++) {
			n += b.get(i);
		}
		return n;
	}

	double mean(Stage stage) {
		long n = count(stage);
		return n == 0 ? 0 : sums[stage.ordinal()].sum() / (double) n;
	}

	/** The {@code q} quantile's bucket bound: microseconds, or bids for {@link Stage#BATCH}. */
	double quantile(Stage stage, double q) {
		long n = count(stage);
		if (n == 0) {
			return 0;
		}
		long rank = (long) Math.ceil(q * n);
		long seen = 0;
		AtomicLongArray b = buckets[stage.ordinal()];
		for (int i = 0; i < BUCKETS; i++) {
			seen += b.get(i);
			if (seen >= rank) {
				return upper(i);
			}
		}
		return upper(BUCKETS - 1);
	}

	void reset() {
		for (int i = 0; i < buckets.length; i++) {
			for (int j = 0; j < BUCKETS; j++) {
				buckets[i].set(j, 0);
			}
			sums[i].reset();
		}
	}

	/** One line: each stage's p50/p99 in milliseconds (the batch in bids), and its mean. */
	String summary() {
		StringBuilder text = new StringBuilder();
		for (Stage s : Stage.values()) {
			double scale = s == Stage.BATCH ? 1 : 1000;
			text.append(String.format("%s%s p50 %.2f p99 %.2f mean %.2f", text.isEmpty() ? "" : "; ",
					s.name().toLowerCase(), quantile(s, 0.5) / scale, quantile(s, 0.99) / scale, mean(s) / scale));
		}
		return text.append(" (ms; batch in bids; ±12%)").toString();
	}
}
