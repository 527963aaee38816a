package org.yiwang.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A search to save: its name, the words and the filters. The date and amount ranges are not saved: a saved search
 * watches what is published from now on.
 *
 * @param email where to mail new matches; blank for the workspace only
 */
public record NewSavedSearch(@NotBlank(message = "{portal.saved.nameRequired}") @Size(max = 100,
		message = "{portal.saved.nameTooLong}") String name,
		@Size(max = SearchRequest.MAX_QUERY_LENGTH, message = "{portal.saved.queryTooLong}") String query,
		String region, String category, RecordType type,
		@Email(message = "{portal.saved.badEmail}") @Size(max = 200, message = "{portal.saved.badEmail}") String email) {

	SearchRequest request() {
		return new SearchRequest(query, region, category, type, null, null, null, null, null, 1).normalized();
	}
}
