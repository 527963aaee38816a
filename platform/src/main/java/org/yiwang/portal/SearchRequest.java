package org.yiwang.portal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What someone searches the portal for. Every field is optional; {@link #normalized()} makes any combination safe.
 *
 * @param query words to find, separated by spaces; each must occur in the record (a substring match for Chinese)
 * @param from first publication day (Asia/Shanghai), inclusive
 * @param to last publication day, inclusive
 * @param minAmount least effective amount (yuan)
 * @param page 1-based
 */
public record SearchRequest(String query, String region, String category, RecordType type, LocalDate from,
		LocalDate to, BigDecimal minAmount, BigDecimal maxAmount, Sort sort, int page) {

	public static final int PAGE_SIZE = 20;

	/** The deepest result one may page to; past it the page asks to narrow the search. */
	public static final int MAX_WINDOW = 10_000;

	public static final int MAX_QUERY_LENGTH = 100;

	public static final int MAX_TERMS = 8;

	public enum Sort {
		RELEVANCE, NEWEST, OLDEST, AMOUNT_DESC, AMOUNT_ASC;

		public static Sort parse(String value) {
			for (Sort sort : values()) {
				if (sort.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
					return sort;
				}
			}
			return null;
		}
	}

	public static SearchRequest of(String query) {
		return new SearchRequest(query, null, null, null, null, null, null, null, null, 1);
	}

	public SearchRequest withPage(int page) {
		return new SearchRequest(query, region, category, type, from, to, minAmount, maxAmount, sort, page);
	}

	/** Blank strings as null, control characters out, the query cut to its maximum length, page at least 1. */
	public SearchRequest normalized() {
		String q = query == null ? "" : query.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Co}\\p{Cn}]", " ").strip();
		if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
			q = q.substring(0, q.offsetByCodePoints(0, MAX_QUERY_LENGTH));
		}
		Sort s = sort != null ? sort : (q.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE);
		if (s == Sort.RELEVANCE && q.isEmpty()) {
			s = Sort.NEWEST;
		}
		return new SearchRequest(q, blankToNull(region), blankToNull(category), type, from, to, minAmount, maxAmount, s,
				Math.max(1, page));
	}

	public boolean hasQuery() {
		return query != null && !query.isBlank();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
