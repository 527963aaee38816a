package org.yiwang.portal.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.web.util.UriUtils;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordType;
import org.yiwang.portal.SearchRequest;
import org.yiwang.portal.SearchResult;

/**
 * The search page as its template shows it: every label, date, amount and link made here, once. The template then
 * only prints strings: with a page of 20 hits and some 80 facet links, evaluating the same in the template (a URI
 * builder per link, a zone, a number format and a message lookup per hit) cost most of the page's time
 * ({@code bench/portal-wrk.sh}).
 *
 * @param facets region, category and record type, in that order
 * @param previous the link to the page before, or null on the first
 * @param next the link to the page after, or null on the last
 */
record SearchPage(List<Facet> facets, List<Hit> hits, String previous, String next) {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	/**
	 * One facet: its values with their counts.
	 *
	 * @param all the link that drops this facet's filter, or null when it is not filtered
	 */
	record Facet(String name, String all, List<Link> links) {
	}

	record Link(String value, String label, String href, boolean active) {
	}

	/**
	 * One matching record.
	 *
	 * @param titleHtml HTML-escaped, the matched words in {@code <mark>}
	 * @param amount the effective amount with the yuan sign, or null
	 */
	record Hit(String id, String href, String titleHtml, String snippetHtml, String region, String category, String type,
			String day, String amount) {
	}

	static SearchPage of(SearchResult result, Links links, Map<String, String> regionNames,
			Map<String, String> categoryNames, Function<String, String> typeLabels) {
		SearchRequest request = result.request();
		List<Facet> facets = List.of(
				facet("region", request.region(), result, links, v -> regionNames.getOrDefault(v, v)),
				facet("category", request.category(), result, links, v -> categoryNames.getOrDefault(v, v)),
				facet("type", request.type() == null ? null : request.type().name(), result, links, typeLabels));
		DecimalFormat yuan = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		List<Hit> hits = new ArrayList<>(result.hits().size());
		for (SearchResult.Hit hit : result.hits()) {
			PublicRecord record = hit.record();
			BigDecimal amount = record.effectiveAmount();
			String id = record.id().toString();
			hits.add(new Hit(id, links.record(id), hit.titleHtml(), hit.snippetHtml(),
					regionNames.getOrDefault(record.regionCode(), record.regionCode()),
					categoryNames.getOrDefault(record.categoryCode(), record.categoryCode()),
					typeLabels.apply(record.type().name()), DAY.format(record.publishedAt().atZone(SHANGHAI)),
					amount == null ? null : yuan.format(amount)));
		}
		String previous = result.page() > 1 ? links.with("page", Integer.toString(result.page() - 1)) : null;
		String next = result.page() < result.pages() ? links.with("page", Integer.toString(result.page() + 1)) : null;
		return new SearchPage(facets, hits, previous, next);
	}

	private static Facet facet(String name, String current, SearchResult result, Links links,
			Function<String, String> labels) {
		Map<String, Long> counts = result.facets().getOrDefault(name, Map.of());
		List<Link> values = new ArrayList<>(counts.size());
		counts.forEach((value, count) -> values.add(new Link(value, labels.apply(value) + " (" + count + ")",
				links.with(name, value), value.equals(current))));
		return new Facet(name, current == null ? null : links.without(name), values);
	}

	/**
	 * Links to the same page with one parameter changed, every other parameter as the reader typed it; a new filter
	 * goes back to the first page.
	 */
	static final class Links {

		private final String path;

		/** The query's {@code name=value} pairs as they came, still encoded, without {@code page}. */
		private final List<String[]> pairs = new ArrayList<>();

		Links(String path, String query) {
			this.path = path;
			if (query != null && !query.isEmpty()) {
				for (String pair : query.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int equals = pair.indexOf('=');
					String name = equals < 0 ? pair : pair.substring(0, equals);
					if (!name.equals("page")) {
						pairs.add(new String[] { name, pair });
					}
				}
			}
		}

		/** The page with {@code name} set to {@code value}; for a filter, page 1. */
		String with(String name, String value) {
			return link(name, name + "=" + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
		}

		/** The record's own page, under the search page's path. */
		String record(String id) {
			return path + "/" + id;
		}

		/** The page without {@code name}, page 1. */
		String without(String name) {
			return link(name, null);
		}

		private String link(String name, String replacement) {
			StringBuilder link = new StringBuilder(path.length() + 64).append(path);
			char separator = '?';
			for (String[] pair : pairs) {
				if (!pair[0].equals(name)) {
					link.append(separator).append(pair[1]);
					separator = '&';
				}
			}
			if (replacement != null) {
				link.append(separator).append(replacement);
			}
			return link.toString();
		}
	}
}
