package org.yiwang.tendering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The custodians' decrypted key shares given at an opening, held in this node's memory only (never the database, never
 * a log) until enough are there to reassemble the opening key; then they are zeroed and forgotten. A restart forgets
 * them too: the custodians give them again.
 */
@Component
class DecryptionShares {

	private final Map<String, Map<Integer, byte[]>> held = new ConcurrentHashMap<>();

	private static String key(SectionId section, int round) {
		return section + "/" + round;
	}

	/** Holds a share; false when this index is already held. Returns the count held otherwise via {@link #count}. */
	synchronized boolean add(SectionId section, int round, int index, byte[] share) {
		Map<Integer, byte[]> shares = held.computeIfAbsent(key(section, round), k -> new TreeMap<>());
		if (shares.containsKey(index)) {
			Arrays.fill(share, (byte) 0);
			return false;
		}
		shares.put(index, share);
		return true;
	}

	synchronized int count(SectionId section, int round) {
		return held.getOrDefault(key(section, round), Map.of()).size();
	}

	synchronized boolean holds(SectionId section, int round, int index) {
		return held.getOrDefault(key(section, round), Map.of()).containsKey(index);
	}

	/** Takes every share held for the round out of memory; the caller zeroes them when done. */
	synchronized List<byte[]> take(SectionId section, int round) {
		Map<Integer, byte[]> shares = held.remove(key(section, round));
		return shares == null ? List.of() : new ArrayList<>(shares.values());
	}

	/** Zeroes and forgets the round's shares. */
	void forget(SectionId section, int round) {
		zero(take(section, round));
	}

	static void zero(List<byte[]> shares) {
		for (byte[] share : shares) {
			Arrays.fill(share, (byte) 0);
		}
	}
}
