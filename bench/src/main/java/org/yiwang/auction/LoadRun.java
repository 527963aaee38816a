package org.yiwang.auction;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.yiwang.bench.CpuMeter;

/**
 * One measured run of the load bench: N client threads repeating an attempt for a duration (or at a paced total
 * rate), with the answers counted, their latencies kept and the CPU this JVM and PostgreSQL spent meanwhile.
 */
final class LoadRun {

	private LoadRun() {
	}

	/** What an attempt got: accepted (durable, timed), refused (an answer, also durable), or nothing. */
	enum Answer {
		ACCEPTED, REFUSED
	}

	interface Attempt {

		Answer run() throws Exception;
	}

	/**
	 * @param decidedPerSecond answered attempts (accepted or refused: both are durably recorded before the answer)
	 * @param durablePerSecond accepted attempts (the floor's: committed rows)
	 * @param p50Ms median latency of decided attempts
	 * @param p99Ms 99th percentile latency of decided attempts
	 * @param acceptedP99Ms 99th percentile latency of accepted attempts only
	 * @param cpu cores busy in this JVM (client and server) during the run, on average
	 * @param load the machine's one-minute load average at the end (other processes included)
	 * @param cpuMsPerDecided CPU milliseconds per decided attempt: this JVM (client included) and PostgreSQL
	 * @param cpuDetail the same split by JVM thread group, kernel share and PostgreSQL
	 * @param decided answered attempts in all
	 */
	record Result(double offeredPerSecond, double decidedPerSecond, double durablePerSecond, double p50Ms, double p99Ms,
			double acceptedP99Ms, double cpu, double load, double cpuMsPerDecided, String cpuDetail, long decided) {
	}

	/** Runs {@code threads} loops for the duration; pacedRate > 0 spreads attempts at that total rate. */
	static Result run(int threads, int seconds, int pacedRate, CpuMeter meter, Attempt attempt) throws Exception {
		System.gc();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long[][] latencies = new long[threads][];
		int[] counts = new int[threads];
		long[][] acceptedLatencies = new long[threads][];
		int[] acceptedCounts = new int[threads];
		long[] offered = new long[threads];
		long[] decided = new long[threads];
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		CpuMeter.Sample cpuStart = meter.sample();
		Map<String, Double> threadsStart = CpuMeter.threads();
		long cpuBefore = os.getProcessCpuTime();
		CountDownLatch done = new CountDownLatch(threads);
		long started = System.nanoTime();
		long end = started + Duration.ofSeconds(seconds).toNanos();
		for (int t = 0; t < threads; t++) {
			int me = t;
			latencies[t] = new long[1 << 16];
			acceptedLatencies[t] = new long[1 << 16];
			pool.execute(() -> {
				try {
					long interval = pacedRate > 0 ? 1_000_000_000L * threads / pacedRate : 0;
					long due = System.nanoTime() + (interval > 0 ? interval * me / threads : 0);
					while (System.nanoTime() < end) {
						if (interval > 0) {
							long wait = due - System.nanoTime();
							if (wait > 0) {
								Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
							}
							due += interval;
						}
						long t0 = System.nanoTime();
						offered[me]++;
						Answer answer = attempt.run();
						long took = System.nanoTime() - t0;
						decided[me]++;
						if (counts[me] < latencies[me].length) {
							latencies[me][counts[me]++] = took;
						}
						if (answer == Answer.ACCEPTED && acceptedCounts[me] < acceptedLatencies[me].length) {
							acceptedLatencies[me][acceptedCounts[me]++] = took;
						}
					}
				}
				catch (Exception e) {
					e.printStackTrace();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		double elapsed = (System.nanoTime() - started) / 1e9;
		double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed;
		CpuMeter.Sample spent = meter.sample().minus(cpuStart);
		pool.shutdown();
		long[] all = merged(latencies, counts);
		long[] accepted = merged(acceptedLatencies, acceptedCounts);
		double n = Math.max(1, Arrays.stream(decided).sum());
		return new Result(Arrays.stream(offered).sum() / elapsed, Arrays.stream(decided).sum() / elapsed,
				accepted.length / elapsed, percentile(all, 0.50), percentile(all, 0.99), percentile(accepted, 0.99), cpu,
				os.getSystemLoadAverage(), 1000 * (spent.jvm() + spent.database()) / n, detail(spent, threadsStart, n),
				Arrays.stream(decided).sum());
	}

	private static double percentile(long[] sorted, double q) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
	}

	/** CPU ms per decided attempt: this JVM (by thread group), the kernel's share, and PostgreSQL. */
	static String detail(CpuMeter.Sample cpu, Map<String, Double> threadsBefore, double n) {
		StringBuilder text = new StringBuilder(String.format("JVM %.2f ms (kernel %.2f), PostgreSQL %.2f ms; by thread:",
				1000 * cpu.jvm() / n, 1000 * cpu.jvmSystem() / n, 1000 * cpu.database() / n));
		double listed = 0;
		for (var e : CpuMeter.threads().entrySet()) {
			double ms = 1000 * (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)) / n;
			listed += ms;
			if (ms >= 0.01) {
				text.append(String.format(" %s %.2f", e.getKey(), ms));
			}
		}
		return text.append(String.format(", GC+JIT+ended %.2f", 1000 * cpu.jvm() / n - listed)).toString();
	}

	/** Each thread's first {@code counts[t]} latencies, in one sorted array. */
	static long[] merged(long[][] latencies, int[] counts) {
		long[] all = new long[Arrays.stream(counts).sum()];
		int i = 0;
		for (int t = 0; t < latencies.length; t++) {
			System.arraycopy(latencies[t], 0, all, i, counts[t]);
			i += counts[t];
		}
		Arrays.sort(all);
		return all;
	}
}
