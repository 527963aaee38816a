package org.yiwang.portal;

import java.time.Instant;
import java.util.Optional;

/**
 * The transparency log's newest signed tree head, which the portal's pages and open data carry so that copies of it
 * exist outside the operator's hands. Another module provides it (the transparency log, which depends on the portal
 * and not the other way round); without one the portal shows none.
 */
public interface LogHeads {

	Optional<LogHead> latest();

	/** What a reader needs to compare heads: the size, the root (hex) and when it was signed. */
	record LogHead(long treeSize, String root, Instant signedAt) {
	}
}
