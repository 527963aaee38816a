package org.yiwang.bidtool;

import java.math.BigInteger;
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

import tools.jackson.databind.JsonNode;

/**
 * Recomputes an expert draw from its published verification record, following docs/expert-draw.md only (this tool
 * shares no code with the platform): the seed and pool against their commitments, then every pick in order.
 */
final class DrawVerifier {

	private static final String POOL_FORMAT = "yiwang-expert-draw-pool/1";

	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	private DrawVerifier() {
	}

	/** What is wrong with the record; empty when it verifies. */
	static List<String> problems(JsonNode record) {
		List<String> problems = new ArrayList<>();
		byte[] seed = HexFormat.of().parseHex(record.get("seed").asString());
		String pool = record.get("pool").asString();
		if (!hex(sha256(seed)).equals(record.get("seedSha256").asString())) {
			problems.add("the seed does not match its commitment seedSha256");
		}
		if (!hex(sha256(pool.getBytes(StandardCharsets.UTF_8))).equals(record.get("poolSha256").asString())) {
			problems.add("the pool does not match its commitment poolSha256");
		}
		Map<String, List<String>> eligible = new HashMap<>();
		Map<String, Integer> seats = new HashMap<>();
		String[] lines = pool.split("\n", -1);
		if (!lines[0].equals(POOL_FORMAT) || !lines[lines.length - 1].isEmpty()) {
			problems.add("the pool is not in the format " + POOL_FORMAT);
			return problems;
		}
		String previousCode = "";
		for (int i = 1; i < lines.length - 1;) {
			String[] head = lines[i++].split(" ");
			if (head.length != 3 || head[0].compareTo(previousCode) <= 0) {
				problems.add("the pool's specialties are not in canonical order at " + head[0]);
				return problems;
			}
			previousCode = head[0];
			int count = Integer.parseInt(head[2]);
			List<String> ids = new ArrayList<>();
			for (int k = 0; k < count; k++) {
				String id = lines[i++];
				if (!ids.isEmpty() && id.compareTo(ids.get(ids.size() - 1)) <= 0) {
					problems.add("the pool's ids under " + head[0] + " are not in ascending order");
					return problems;
				}
				ids.add(id);
			}
			eligible.put(head[0], ids);
			seats.put(head[0], Integer.parseInt(head[1]));
		}
		Map<String, Long> counters = new HashMap<>();
		Set<String> picked = new HashSet<>();
		Map<String, Integer> kept = new HashMap<>();
		for (JsonNode pick : record.get("picks")) {
			String specialty = pick.get("specialty").asString();
			if (!eligible.containsKey(specialty)) {
				problems.add("pick " + pick.get("n").asInt() + ": specialty " + specialty + " is not in the pool");
				continue;
			}
			List<String> remaining = eligible.get(specialty).stream().filter(id -> !picked.contains(id)).toList();
			String expected = null;
			if (!remaining.isEmpty()) {
				BigInteger m = BigInteger.valueOf(remaining.size());
				BigInteger limit = TWO_64.subtract(TWO_64.mod(m));
				long k = counters.getOrDefault(specialty, 0L);
				BigInteger u;
				do {
					u = block(seed, specialty, k++);
				}
				while (u.compareTo(limit) >= 0);
				counters.put(specialty, k);
				expected = remaining.get(u.mod(m).intValue());
				picked.add(expected);
			}
			String recorded = pick.get("expert").asString();
			if (!recorded.equals(expected)) {
				problems.add("pick " + pick.get("n").asInt() + ": recomputed " + expected + ", recorded " + recorded);
			}
			String outcome = pick.get("outcome").asString();
			if (!outcome.equals("DECLINED") && !outcome.equals("NO_SHOW")) {
				kept.merge(specialty, 1, Integer::sum);
			}
		}
		kept.forEach((specialty, n) -> {
			if (n > seats.get(specialty)) {
				problems.add(specialty + ": " + n + " seats kept, " + seats.get(specialty) + " asked");
			}
		});
		return problems;
	}

	private static BigInteger block(byte[] seed, String specialty, long counter) {
		MessageDigest sha = digest();
		sha.update(seed);
		sha.update(specialty.getBytes(StandardCharsets.US_ASCII));
		sha.update((byte) 0);
		for (int shift = 56; shift >= 0; shift -= 8) {
			sha.update((byte) (counter >>> shift));
		}
		byte[] first8 = java.util.Arrays.copyOf(sha.digest(), 8);
		return new BigInteger(1, first8);
	}

	private static byte[] sha256(byte[] bytes) {
		return digest().digest(bytes);
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}
}
