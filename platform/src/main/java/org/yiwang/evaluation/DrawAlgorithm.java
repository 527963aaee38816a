package org.yiwang.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The expert draw as published in {@code docs/expert-draw.md}, so that anyone can recompute it from the revealed
 * seed and pool: the canonical pool text and its SHA-256, and the per-specialty random sequence (SHA-256 of seed,
 * specialty and a counter; unbiased by rejection) that picks from the eligible experts not drawn yet. No state but
 * what it is given: the same seed, pool and order of requests always give the same picks.
 */
public final class DrawAlgorithm {

	/** The first line of the canonical pool text; a new encoding gets a new version. */
	public static final String POOL_FORMAT = "yiwang-expert-draw-pool/1";

	private static final HexFormat HEX = HexFormat.of();

	private DrawAlgorithm() {
	}

	/** One specialty of a draw: the seats wanted and the eligible experts (any order; the encoding sorts). */
	public record Specialty(String code, int seats, List<UUID> eligible) {

		public Specialty {
			if (code == null || !code.matches("[A-Z][0-9]{2,6}")) {
				throw new IllegalArgumentException("specialty code " + code);
			}
			eligible = eligible.stream().map(UUID::toString).sorted().map(UUID::fromString).toList();
		}
	}

	/**
	 * The canonical pool: {@value #POOL_FORMAT}, then per specialty in ascending code order a line
	 * {@code <code> <seats> <count>} followed by one line per eligible expert id (lower-case UUID, ascending); every
	 * line ends with LF; UTF-8 (all ASCII).
	 */
	public static String canonicalPool(List<Specialty> specialties) {
		SortedMap<String, Specialty> sorted = new TreeMap<>();
		specialties.forEach(s -> sorted.put(s.code(), s));
		StringBuilder text = new StringBuilder(POOL_FORMAT).append('\n');
		for (Specialty s : sorted.values()) {
			text.append(s.code()).append(' ').append(s.seats()).append(' ').append(s.eligible().size()).append('\n');
			s.eligible().forEach(id -> text.append(id).append('\n'));
		}
		return text.toString();
	}

	/** Reads the canonical pool text back (what the verification JSON and the database keep). */
	public static List<Specialty> parsePool(String text) {
		String[] lines = text.split("\n", -1);
		if (!lines[0].equals(POOL_FORMAT) || !lines[lines.length - 1].isEmpty()) {
			throw new IllegalArgumentException("not a canonical pool");
		}
		List<Specialty> specialties = new ArrayList<>();
		int i = 1;
		while (i < lines.length - 1) {
			String[] head = lines[i++].split(" ");
			int count = Integer.parseInt(head[2]);
			List<UUID> ids = new ArrayList<>(count);
			for (int k = 0; k < count; k++) {
				ids.add(UUID.fromString(lines[i++]));
			}
			specialties.add(new Specialty(head[0], Integer.parseInt(head[1]), ids));
		}
		if (!canonicalPool(specialties).equals(text)) {
			throw new IllegalArgumentException("pool text is not canonical");
		}
		return specialties;
	}

	public static String sha256Hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String poolSha256(String canonicalPool) {
		return sha256Hex(canonicalPool.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The 64-bit number {@code counter} of a specialty's sequence: the first 8 bytes, big-endian unsigned, of
	 * SHA-256(seed ‖ ASCII(code) ‖ 0x00 ‖ uint64be(counter)).
	 */
	static long block(byte[] seed, String specialty, long counter) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(seed);
			sha.update(specialty.getBytes(StandardCharsets.US_ASCII));
			sha.update((byte) 0);
			sha.update(ByteBuffer.allocate(8).putLong(counter).array());
			return ByteBuffer.wrap(sha.digest()).getLong();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A running draw: the picks so far and each specialty's counter. {@link #next} picks for one specialty among its
	 * eligible experts not yet picked (for any specialty), uniformly: index = u mod m for the first block u below the
	 * largest multiple of m under 2^64 (blocks at or above it are skipped).
	 */
	public static final class Sequence {

		private final byte[] seed;

		private final Map<String, List<UUID>> eligible = new HashMap<>();

		private final Map<String, Long> counters = new HashMap<>();

		private final Set<UUID> picked = new HashSet<>();

		public Sequence(byte[] seed, List<Specialty> pool) {
			if (seed.length != 32) {
				throw new IllegalArgumentException("the seed is 32 bytes");
			}
			this.seed = seed.clone();
			pool.forEach(s -> {
				eligible.put(s.code(), s.eligible());
				counters.put(s.code(), 0L);
			});
		}

		/** Continues from a stored state: the counters and every expert picked so far. */
		public Sequence(byte[] seed, List<Specialty> pool, Map<String, Long> counters, Set<UUID> picked) {
			this(seed, pool);
			this.counters.putAll(counters);
			this.picked.addAll(picked);
		}

		/** The next expert of the specialty, or null when none is left (the pool is exhausted). */
		public UUID next(String specialty) {
			List<UUID> candidates = eligible.get(specialty);
			if (candidates == null) {
				throw new IllegalArgumentException("specialty " + specialty + " is not in the pool");
			}
			List<UUID> remaining = candidates.stream().filter(id -> !picked.contains(id)).toList();
			long m = remaining.size();
			if (m == 0) {
				return null;
			}
			long r = Long.remainderUnsigned(Long.remainderUnsigned(-1L, m) + 1, m); // 2^64 mod m
			long counter = counters.get(specialty);
			while (true) {
				long u = block(seed, specialty, counter++);
				if (r == 0 || Long.compareUnsigned(u, -r) < 0) {
					counters.put(specialty, counter);
					UUID chosen = remaining.get((int) Long.remainderUnsigned(u, m));
					picked.add(chosen);
					return chosen;
				}
			}
		}

		public long counter(String specialty) {
			return counters.get(specialty);
		}
	}

	/** The first picks: for each specialty in ascending code order, its seats one after another. */
	public static List<Pick> initial(List<Specialty> pool, Sequence sequence) {
		List<Pick> picks = new ArrayList<>();
		pool.stream().sorted(java.util.Comparator.comparing(Specialty::code)).forEach(s -> {
			for (int i = 0; i < s.seats(); i++) {
				UUID id = sequence.next(s.code());
				if (id == null) {
					break;
				}
				picks.add(new Pick(picks.size() + 1, s.code(), id));
			}
		});
		return picks;
	}

	/** A pick in draw order. */
	public record Pick(int n, String specialty, UUID expert) {
	}
}
