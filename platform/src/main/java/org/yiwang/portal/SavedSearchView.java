package org.yiwang.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved search as its owner sees it.
 *
 * @param feedToken the unguessable part of its Atom feed's address
 * @param email where new matches are mailed; null for workspace only
 * @param unseen matches not yet seen in the workspace
 */
public record SavedSearchView(UUID id, String name, SearchRequest request, String email, String feedToken,
		Instant createdAt, long unseen) {
}
