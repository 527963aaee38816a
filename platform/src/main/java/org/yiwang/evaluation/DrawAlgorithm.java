package org.yiwang.evaluation;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.yiwang.kernel.VerifiableDraw;

/**
 * The expert draw as published in {@code docs/expert-draw.md}: the platform's one commit-reveal draw
 * ({@link VerifiableDraw}) with the expert pool's format line and specialty codes, so that anyone can recompute it
 * from the revealed seed and pool. What stays here is the expert draw's own: the specialty code form, the format, and
 * how the pool snapshot stores ids. The same seed, pool and order of requests always give the same picks.
 */
public final class DrawAlgorithm {

	/** The first line of the canonical pool text; a new encoding gets a new version. */
	public static final String POOL_FORMAT = "yiwang-expert-draw-pool/1";

	/** The length of an id's line in the canonical text: 36 characters and LF. */
	static final int LINE = VerifiableDraw.LINE;

	private DrawAlgorithm() {
	}

	/** One specialty of a draw: the seats wanted and the eligible experts (any order; the encoding sorts). */
	public record Specialty(String code, int seats, List<UUID> eligible) {

		public Specialty {
			if (code == null || !code.matches("[A-Z][0-9]{2,6}")) {
				throw new IllegalArgumentException("specialty code " + code);
			}
			eligible = new VerifiableDraw.Group(code, seats, eligible).eligible();
		}

		VerifiableDraw.Group group() {
			return new VerifiableDraw.Group(code, seats, eligible);
		}
	}

	/** The order of the canonical text (and PostgreSQL's order of {@code uuid}). */
	static final Comparator<UUID> CANONICAL_ORDER = VerifiableDraw.CANONICAL_ORDER;

	private static List<VerifiableDraw.Group> groups(List<Specialty> specialties) {
		return specialties.stream().map(Specialty::group).toList();
	}

	/**
	 * The canonical pool: {@value #POOL_FORMAT}, then per specialty in ascending code order a line
	 * {@code <code> <seats> <count>} followed by one line per eligible expert id (lower-case UUID, ascending); every
	 * line ends with LF; UTF-8 (all ASCII).
	 */
	public static String canonicalPool(List<Specialty> specialties) {
		return VerifiableDraw.canonicalPool(POOL_FORMAT, groups(specialties));
	}

	/** Reads the canonical pool text back (what the verification JSON and the database keep). */
	public static List<Specialty> parsePool(String text) {
		return VerifiableDraw.parsePool(POOL_FORMAT, text).stream()
			.map(g -> new Specialty(g.code(), g.seats(), g.eligible()))
			.toList();
	}

	/** Ids as the database keeps them: 16 bytes each, big-endian, in the order given. */
	static byte[] packIds(List<UUID> ids) {
		ByteBuffer out = ByteBuffer.allocate(16 * ids.size());
		for (UUID id : ids) {
			out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		}
		return out.array();
	}

	/** Reads {@link #packIds} back. */
	static List<UUID> unpackIds(byte[] packed) {
		ByteBuffer in = ByteBuffer.wrap(packed);
		UUID[] ids = new UUID[packed.length / 16];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = new UUID(in.getLong(), in.getLong());
		}
		return Arrays.asList(ids);
	}

	public static String poolSha256(String canonicalPool) {
		return VerifiableDraw.poolSha256(canonicalPool);
	}

	/** The SHA-256 of {@link #canonicalPool}, without building the text. */
	public static String poolSha256(List<Specialty> specialties) {
		return VerifiableDraw.poolSha256(POOL_FORMAT, groups(specialties));
	}

	/**
	 * One specialty of a pool as a subset of a list of ids: the list's {@link #canonicalLines} and which of them are
	 * eligible.
	 */
	record Subset(String code, int seats, byte[] lines, BitSet eligible) {
	}

	/** The SHA-256 of {@link #canonicalPool} of the subsets, hashed straight from the lists' lines. */
	static String poolSha256OfSubsets(List<Subset> subsets) {
		return VerifiableDraw.poolSha256OfSubsets(POOL_FORMAT, subsets.stream()
			.map(s -> new VerifiableDraw.Subset(s.code(), s.seats(), s.lines(), s.eligible()))
			.toList());
	}

	/** The canonical text's line of each id, one after another ({@value #LINE} bytes each, ASCII). */
	static byte[] canonicalLines(List<UUID> ids) {
		return VerifiableDraw.canonicalLines(ids);
	}

	/** The 64-bit number {@code counter} of a specialty's sequence ({@link VerifiableDraw#block}). */
	static long block(byte[] seed, String specialty, long counter) {
		return VerifiableDraw.block(seed, specialty, counter);
	}

	/** A running draw over specialties ({@link VerifiableDraw.Sequence}). */
	public static final class Sequence {

		private final VerifiableDraw.Sequence sequence;

		public Sequence(byte[] seed, List<Specialty> pool) {
			this.sequence = new VerifiableDraw.Sequence(seed, groups(pool));
		}

		/** Continues from a stored state: the counters and every expert picked so far. */
		public Sequence(byte[] seed, List<Specialty> pool, Map<String, Long> counters, Set<UUID> picked) {
			this.sequence = new VerifiableDraw.Sequence(seed, groups(pool), counters, picked);
		}

		/** The next expert of the specialty, or null when none is left (the pool is exhausted). */
		public UUID next(String specialty) {
			return sequence.next(specialty);
		}

		public long counter(String specialty) {
			return sequence.counter(specialty);
		}
	}

	/** The first picks: for each specialty in ascending code order, its seats one after another. */
	public static List<Pick> initial(List<Specialty> pool, Sequence sequence) {
		return VerifiableDraw.initial(groups(pool), sequence.sequence).stream()
			.map(p -> new Pick(p.n(), p.group(), p.id()))
			.collect(Collectors.toCollection(ArrayList::new));
	}

	/** A pick in draw order. */
	public record Pick(int n, String specialty, UUID expert) {
	}
}
