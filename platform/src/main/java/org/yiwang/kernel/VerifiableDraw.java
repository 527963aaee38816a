package org.yiwang.kernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The commit-reveal draw every verifiable draw of the platform uses (the expert draw, the intermediary marketplace's
 * draw), so that anyone can recompute one from its revealed seed and pool with {@code docs/expert-draw-verify.py}:
 * the canonical pool text (a format line naming whose draw it is, then per group its seats and eligible ids) and its
 * SHA-256, and the per-group random sequence (SHA-256 of seed, group code and a counter; unbiased by rejection) that
 * picks among the eligible ids not drawn yet. A pure function: no state but what it is given, no beans.
 */
public final class VerifiableDraw {

	/** The length of an id's line in the canonical text: 36 characters and LF. */
	public static final int LINE = 37;

	private static final HexFormat HEX = HexFormat.of();

	private VerifiableDraw() {
	}

	/** One group of a draw (an expert specialty, a service type): the seats wanted and the eligible ids, sorted. */
	public record Group(String code, int seats, List<UUID> eligible) {

		public Group {
			if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,39}")) {
				throw new IllegalArgumentException("group code " + code);
			}
			if (seats < 0) {
				throw new IllegalArgumentException("seats " + seats);
			}
			eligible = ascending(eligible) ? List.copyOf(eligible) : eligible.stream().sorted(CANONICAL_ORDER).toList();
		}
	}

	/**
	 * The order of the canonical text: a lower-case UUID's text sorts as its two 64-bit halves compared unsigned (fixed
	 * width hex, dashes in the same places), which is also PostgreSQL's order of {@code uuid}.
	 */
	public static final Comparator<UUID> CANONICAL_ORDER = (a, b) -> {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	private static boolean ascending(List<UUID> ids) {
		for (int i = 1; i < ids.size(); i++) {
			if (CANONICAL_ORDER.compare(ids.get(i - 1), ids.get(i)) > 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The canonical pool: the format line, then per group in ascending code order a line {@code <code> <seats> <count>}
	 * followed by one line per eligible id (lower-case UUID, ascending); every line ends with LF; UTF-8 (all ASCII).
	 */
	public static String canonicalPool(String format, List<Group> groups) {
		StringBuilder text = new StringBuilder(format).append('\n');
		for (Group g : byCode(groups)) {
			text.append(g.code()).append(' ').append(g.seats()).append(' ').append(g.eligible().size()).append('\n');
			g.eligible().forEach(id -> text.append(id).append('\n'));
		}
		return text.toString();
	}

	/** Reads the canonical pool text of the format back; refuses any other format or a text that is not canonical. */
	public static List<Group> parsePool(String format, String text) {
		String[] lines = text.split("\n", -1);
		if (!lines[0].equals(format) || !lines[lines.length - 1].isEmpty()) {
			throw new IllegalArgumentException("not a canonical pool");
		}
		List<Group> groups = new ArrayList<>();
		int i = 1;
		while (i < lines.length - 1) {
			String[] head = lines[i++].split(" ");
			int count = Integer.parseInt(head[2]);
			List<UUID> ids = new ArrayList<>(count);
			for (int k = 0; k < count; k++) {
				ids.add(UUID.fromString(lines[i++]));
			}
			groups.add(new Group(head[0], Integer.parseInt(head[1]), ids));
		}
		if (!canonicalPool(format, groups).equals(text)) {
			throw new IllegalArgumentException("pool text is not canonical");
		}
		return groups;
	}

	/** The SHA-256 (lower-case hex) of a pool text as UTF-8: the pool's commitment. */
	public static String poolSha256(String canonicalPool) {
		return Sha256.hex(canonicalPool.getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-256 of {@link #canonicalPool}, without building the text. */
	public static String poolSha256(String format, List<Group> groups) {
		return poolSha256OfSubsets(format, groups.stream().map(g -> {
			BitSet all = new BitSet(g.eligible().size());
			all.set(0, g.eligible().size());
			return new Subset(g.code(), g.seats(), canonicalLines(g.eligible()), all);
		}).toList());
	}

	/** One group of a pool as a subset of a list of ids: the list's {@link #canonicalLines} and which are eligible. */
	public record Subset(String code, int seats, byte[] lines, BitSet eligible) {
	}

	/**
	 * The SHA-256 of {@link #canonicalPool} of the subsets: the lines of the eligible ids are hashed in runs straight
	 * from the lists' lines, so nothing is formatted per draw (a pool of thousands of experts).
	 */
	public static String poolSha256OfSubsets(String format, List<Subset> subsets) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((format + "\n").getBytes(StandardCharsets.US_ASCII));
			for (Subset s : subsets.stream().sorted(Comparator.comparing(Subset::code)).toList()) {
				BitSet eligible = s.eligible();
				sha.update((s.code() + " " + s.seats() + " " + eligible.cardinality() + "\n")
					.getBytes(StandardCharsets.US_ASCII));
				for (int from = eligible.nextSetBit(0); from >= 0; from = eligible.nextSetBit(from)) {
					int to = eligible.nextClearBit(from);
					sha.update(s.lines(), LINE * from, LINE * (to - from));
					from = to;
				}
			}
			return HEX.formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The canonical text's line of each id, one after another ({@value #LINE} bytes each, ASCII). */
	public static byte[] canonicalLines(List<UUID> ids) {
		byte[] lines = new byte[LINE * ids.size()];
		int at = 0;
		for (UUID id : ids) {
			at = line(id, lines, at);
		}
		return lines;
	}

	/** Two lower-case hex digits per byte value. */
	private static final byte[] HEX_PAIRS = new byte[512];
	static {
		byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
		for (int b = 0; b < 256; b++) {
			HEX_PAIRS[2 * b] = digits[b >>> 4];
			HEX_PAIRS[2 * b + 1] = digits[b & 0xf];
		}
	}

	/** Writes a UUID's line of the canonical text (36 lower-case characters and LF, ASCII) at {@code at}. */
	private static int line(UUID id, byte[] into, int at) {
		long high = id.getMostSignificantBits();
		long low = id.getLeastSignificantBits();
		hex(high >>> 32, 4, into, at); // xxxxxxxx-
		into[at + 8] = '-';
		hex(high >>> 16, 2, into, at + 9); // xxxx-
		into[at + 13] = '-';
		hex(high, 2, into, at + 14); // xxxx-
		into[at + 18] = '-';
		hex(low >>> 48, 2, into, at + 19); // xxxx-
		into[at + 23] = '-';
		hex(low, 6, into, at + 24); // xxxxxxxxxxxx
		into[at + 36] = '\n';
		return at + LINE;
	}

	/** The low {@code bytes} bytes of {@code value} as 2 hex digits each, most significant first. */
	private static void hex(long value, int bytes, byte[] into, int at) {
		for (int i = bytes - 1; i >= 0; i--) {
			int b = (int) (value & 0xff);
			into[at + 2 * i] = HEX_PAIRS[2 * b];
			into[at + 2 * i + 1] = HEX_PAIRS[2 * b + 1];
			value >>>= 8;
		}
	}

	private static List<Group> byCode(List<Group> groups) {
		return groups.stream().sorted(Comparator.comparing(Group::code)).toList();
	}

	/**
	 * The 64-bit number {@code counter} of a group's sequence: the first 8 bytes, big-endian unsigned, of
	 * SHA-256(seed ‖ ASCII(code) ‖ 0x00 ‖ uint64be(counter)).
	 */
	public static long block(byte[] seed, String code, long counter) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(seed);
			sha.update(code.getBytes(StandardCharsets.US_ASCII));
			sha.update((byte) 0);
			sha.update(ByteBuffer.allocate(8).putLong(counter).array());
			return ByteBuffer.wrap(sha.digest()).getLong();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A running draw: the picks so far and each group's counter. {@link #next} picks for one group among its eligible
	 * ids not yet picked (for any group), uniformly: index = u mod m for the first block u below the largest multiple
	 * of m under 2^64 (blocks at or above it are skipped).
	 */
	public static final class Sequence {

		private final byte[] seed;

		private final Map<String, List<UUID>> eligible = new HashMap<>();

		private final Map<String, Long> counters = new HashMap<>();

		private final Set<UUID> picked = new HashSet<>();

		public Sequence(byte[] seed, List<Group> pool) {
			if (seed.length != 32) {
				throw new IllegalArgumentException("the seed is 32 bytes");
			}
			this.seed = seed.clone();
			pool.forEach(g -> {
				eligible.put(g.code(), g.eligible());
				counters.put(g.code(), 0L);
			});
		}

		/** Continues from a stored state: the counters and every id picked so far. */
		public Sequence(byte[] seed, List<Group> pool, Map<String, Long> counters, Set<UUID> picked) {
			this(seed, pool);
			this.counters.putAll(counters);
			this.picked.addAll(picked);
		}

		/** The next id of the group, or null when none is left (the pool is exhausted). */
		public UUID next(String group) {
			List<UUID> candidates = eligible.get(group);
			if (candidates == null) {
				throw new IllegalArgumentException("group " + group + " is not in the pool");
			}
			// the positions (ascending) of the candidates already picked, for any group: the remaining ids are the
			// candidates without them, in the same order
			int[] taken = picked.stream().mapToInt(id -> Collections.binarySearch(candidates, id, CANONICAL_ORDER))
				.filter(i -> i >= 0).sorted().toArray();
			long m = candidates.size() - taken.length;
			if (m == 0) {
				return null;
			}
			long r = Long.remainderUnsigned(Long.remainderUnsigned(-1L, m) + 1, m); // 2^64 mod m
			long counter = counters.get(group);
			while (true) {
				long u = block(seed, group, counter++);
				if (r == 0 || Long.compareUnsigned(u, -r) < 0) {
					counters.put(group, counter);
					int index = (int) Long.remainderUnsigned(u, m);
					for (int t : taken) { // the index-th remaining candidate: skip the taken ones at or before it
						if (t <= index) {
							index++;
						}
					}
					UUID chosen = candidates.get(index);
					picked.add(chosen);
					return chosen;
				}
			}
		}

		public long counter(String group) {
			return counters.get(group);
		}
	}

	/** The first picks: for each group in ascending code order, its seats one after another. */
	public static List<Pick> initial(List<Group> pool, Sequence sequence) {
		List<Pick> picks = new ArrayList<>();
		byCode(pool).forEach(g -> {
			for (int i = 0; i < g.seats(); i++) {
				UUID id = sequence.next(g.code());
				if (id == null) {
					break;
				}
				picks.add(new Pick(picks.size() + 1, g.code(), id));
			}
		});
		return picks;
	}

	/** A pick in draw order. */
	public record Pick(int n, String group, UUID id) {
	}
}
