package org.yiwang.procurement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The custodians' decrypted key shares given to open a case's sealed offers, held in this node's memory only (never
 * the database, never a log) until enough are there; then taken, used once and zeroed. A restart forgets them: the
 * custodians give them again.
 */
@Component
class OfferShares {

	private final Map<String, Map<Integer, byte[]>> held = new ConcurrentHashMap<>();

	private static String key(UUID procurement, String stage) {
		return procurement + "/" + stage;
	}

	/** Holds a share; false (and the share zeroed) when this index is already held. */
	synchronized boolean add(UUID procurement, String stage, int index, byte[] share) {
		Map<Integer, byte[]> shares = held.computeIfAbsent(key(procurement, stage), k -> new TreeMap<>());
		if (shares.containsKey(index)) {
			Arrays.fill(share, (byte) 0);
			return false;
		}
		shares.put(index, share);
		return true;
	}

	synchronized int count(UUID procurement, String stage) {
		return held.getOrDefault(key(procurement, stage), Map.of()).size();
	}

	/** Takes every share held for the stage out of memory; the caller zeroes them when done. */
	synchronized List<byte[]> take(UUID procurement, String stage) {
		Map<Integer, byte[]> shares = held.remove(key(procurement, stage));
		return shares == null ? List.of() : new ArrayList<>(shares.values());
	}

	static void zero(List<byte[]> shares) {
		for (byte[] share : shares) {
			Arrays.fill(share, (byte) 0);
		}
	}
}
