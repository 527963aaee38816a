package org.yiwang.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by one PostgreSQL server (its postmaster and every backend it forked), read from
 * {@code /proc}. CPU seconds per operation barely change when other work shares the machine, unlike throughput: a
 * figure to compare runs on a busy machine by.
 */
public final class CpuMeter {

	/** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ: 100 on Linux). */
	private static final double TICKS = 100.0;

	private final long postmaster;

	private CpuMeter(long postmaster) {
		this.postmaster = postmaster;
	}

	/** For the PostgreSQL whose data directory is {@code dataDirectory} (or below it); -1 when none is found. */
	public static CpuMeter forDatabaseIn(Path dataDirectory) {
		try (Stream<Path> files = Files.walk(dataDirectory, 3)) {
			Path pidFile = files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst().orElse(null);
			if (pidFile == null) {
				return new CpuMeter(-1);
			}
			return new CpuMeter(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
		}
		catch (IOException | RuntimeException e) {
			return new CpuMeter(-1);
		}
	}

	/** CPU seconds so far: this JVM's and the database's (the postmaster and its living children). */
	public Sample sample() {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		double jvm = os.getProcessCpuTime() / 1e9;
		String[] self = stat(Path.of("/proc/self"));
		double jvmSystem = self == null ? Double.NaN : Long.parseLong(self[12]) / TICKS;
		double database = 0;
		if (postmaster > 0) {
			try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
				for (Path proc : (Iterable<Path>) procs::iterator) {
					String name = proc.getFileName().toString();
					if (!name.chars().allMatch(Character::isDigit)) {
						continue;
					}
					String[] stat = stat(proc);
					if (stat == null) {
						continue;
					}
					long pid = Long.parseLong(name);
					long parent = Long.parseLong(stat[1]);
					if (pid == postmaster || parent == postmaster) {
						// utime and stime of the living ones only: a backend that ends inside a measured span would
						// add its whole life's CPU to it (the insert baseline's pool closes just before the rush)
						database += (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS;
					}
				}
			}
			catch (IOException e) {
				database = Double.NaN;
			}
		}
		return new Sample(jvm, jvmSystem, database);
	}

	/**
	 * CPU seconds of this JVM's live threads, grouped by their name up to the first digit or dash ("http-nio-" for
	 * Tomcat's workers, "pool-" for executors); what the JVM spent beyond them is its own (garbage collection and JIT
	 * compilation, whose threads Java does not list) or of threads that ended.
	 */
	public static java.util.Map<String, Double> threads() {
		var mx = ManagementFactory.getThreadMXBean();
		java.util.Map<String, Double> groups = new java.util.TreeMap<>();
		for (long id : mx.getAllThreadIds()) {
			var info = mx.getThreadInfo(id);
			long nanos = mx.getThreadCpuTime(id);
			if (info == null || nanos < 0) {
				continue;
			}
			String group = info.getThreadName().replaceAll("[-#]?\\d.*$", "");
			groups.merge(group, nanos / 1e9, Double::sum);
		}
		return groups;
	}

	/** CPU seconds (user and kernel, all its threads) of the process {@code pid} so far; NaN when it is gone. */
	public static double processSeconds(long pid) {
		String[] stat = stat(Path.of("/proc", Long.toString(pid)));
		return stat == null ? Double.NaN : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS;
	}

	/**
	 * CPU seconds of this JVM's own threads that Java does not list, by what they do: "GC" (G1's workers, refinement
	 * and concurrent marking), "JIT" (the C1 and C2 compilers) and "VM" (the VM thread, safepoints), read from
	 * {@code /proc/self/task}; empty where there is no such directory.
	 */
	public static java.util.Map<String, Double> jvmThreads() {
		java.util.Map<String, Double> groups = new java.util.TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String comm;
				String[] stat;
				try {
					comm = Files.readString(task.resolve("comm")).strip();
					stat = stat(task);
				}
				catch (IOException e) {
					continue;
				}
				if (stat == null) {
					continue;
				}
				String group = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC"
						: comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "JIT"
								: comm.equals("VM Thread") || comm.equals("VM Periodic Tas") ? "VM" : null;
				if (group != null) {
					groups.merge(group, (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS, Double::sum);
				}
			}
		}
		catch (IOException e) {
			// not Linux: the rest stays one figure
		}
		return groups;
	}

	/** The fields of /proc/pid/stat after the command name: state, ppid, …; null when the process is gone. */
	private static String[] stat(Path proc) {
		try {
			String text = Files.readString(proc.resolve("stat"));
			return text.substring(text.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** CPU seconds of the JVM (of which in the kernel) and of the database at one instant. */
	public record Sample(double jvm, double jvmSystem, double database) {

		public Sample minus(Sample earlier) {
			return new Sample(jvm - earlier.jvm, jvmSystem - earlier.jvmSystem, database - earlier.database);
		}
	}
}
