package org.yiwang.portal;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total exact number of matching records
 * @param facets per facet ({@code region}, {@code category}, {@code type}) the number of matching records per value
 * @param notes message keys telling what was adjusted in the request (reversed dates swapped, page past the end...)
 */
public record SearchResult(SearchRequest request, List<Hit> hits, long total, int page, int pages,
		Map<String, Map<String, Long>> facets, List<String> notes) {

	/**
	 * A matching record with its title and an excerpt of its text, HTML-escaped, the matched words in {@code <mark>}.
	 */
	public record Hit(PublicRecord record, String titleHtml, String snippetHtml) {
	}
}
