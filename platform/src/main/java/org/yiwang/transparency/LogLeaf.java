package org.yiwang.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One leaf of the log: what kind of fact, its public identifier, the SHA-256 of its canonical bytes (never the
 * content itself) and when the log took it in. Its leaf hash is SHA-256(0x00 || {@link #canonical()}).
 *
 * @param kind {@code record}, {@code receipt}, {@code expert-draw}, {@code intermediary-result}, {@code regulator-act}
 *     or {@code audit-checkpoint} (docs/transparency-log.md says what each one's content is)
 * @param contentHash lower-case hex SHA-256 of the fact's canonical bytes
 * @param enteredAt as written in the canonical text (ISO-8601, UTC)
 * @param leafHash lower-case hex
 */
public record LogLeaf(long index, String kind, String identifier, String contentHash, String enteredAt,
		String leafHash) {

	/** The exact bytes the leaf hash is computed over: five lines of UTF-8, each ending in LF. */
	public static byte[] canonical(String kind, String identifier, String contentHash, String enteredAt) {
		return ("yiwang-log-leaf v1\nkind: " + kind + "\nid: " + identifier + "\nsha256: " + contentHash + "\ntime: "
				+ enteredAt + "\n").getBytes(StandardCharsets.UTF_8);
	}

	static String time(Instant at) {
		return at.toString();
	}
}
