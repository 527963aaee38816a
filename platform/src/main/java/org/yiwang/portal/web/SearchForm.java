package org.yiwang.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.yiwang.portal.RecordType;
import org.yiwang.portal.SearchRequest;

/**
 * The search page's parameters as typed. Anything unreadable (a date that is no date, an amount that is no number,
 * a page past any int) is left out or clamped and said so, never an error page.
 */
public class SearchForm {

	private String q;

	private String region;

	private String category;

	private String type;

	private String from;

	private String to;

	private String min;

	private String max;

	private String sort;

	private String page;

	SearchRequest request(List<String> notes) {
		return new SearchRequest(q, region, category, RecordType.parse(type), date(from, notes), date(to, notes),
				amount(min, notes), amount(max, notes), SearchRequest.Sort.parse(sort), page(notes));
	}

	private static LocalDate date(String value, List<String> notes) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return org.yiwang.kernel.InputRules.date(value);
		}
		catch (org.yiwang.kernel.InputRefused e) {
			add(notes, "portal.search.badDate");
			return null;
		}
	}

	private static BigDecimal amount(String value, List<String> notes) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			BigDecimal amount = org.yiwang.kernel.InputRules.number(value);
			if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1e15")) > 0 || amount.scale() > 2) {
				add(notes, "portal.search.badAmount");
				return null;
			}
			return amount;
		}
		catch (org.yiwang.kernel.InputRefused e) {
			add(notes, "portal.search.badAmount");
			return null;
		}
	}

	private int page(List<String> notes) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			long asked = Long.parseLong(page.strip());
			return (int) Math.max(1, Math.min(asked, Integer.MAX_VALUE));
		}
		catch (NumberFormatException e) {
			if (page.strip().matches("\\d+")) {
				return Integer.MAX_VALUE;
			}
			add(notes, "portal.search.badPage");
			return 1;
		}
	}

	private static void add(List<String> notes, String key) {
		if (!notes.contains(key)) {
			notes.add(key);
		}
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public String getRegion() {
		return region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getMin() {
		return min;
	}

	public void setMin(String min) {
		this.min = min;
	}

	public String getMax() {
		return max;
	}

	public void setMax(String max) {
		this.max = max;
	}

	public String getSort() {
		return sort;
	}

	public void setSort(String sort) {
		this.sort = sort;
	}

	public String getPage() {
		return page;
	}

	public void setPage(String page) {
		this.page = page;
	}
}
