package org.yiwang.portal;

import java.time.Instant;

/**
 * Where a rebuild of the search index from the database stands.
 *
 * @param done records indexed so far
 * @param total records in the database when the rebuild started
 * @param error why the last rebuild stopped, or null
 */
public record RebuildProgress(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
		String error) {

	static final RebuildProgress NEVER = new RebuildProgress(false, 0, 0, null, null, null);

	public int percent() {
		return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
	}
}
