package org.yiwang.portal;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Marks the searched words in a text: the text is HTML-escaped and each occurrence of a word (case-insensitive)
 * wrapped in {@code <mark>}. Matching is by substring, as the index matches.
 */
final class Highlights {

	private static final int SNIPPET = 90;

	private Highlights() {
	}

	static String mark(String text, List<String> terms) {
		String lower = text.toLowerCase(Locale.ROOT);
		boolean[] marked = new boolean[text.length()];
		for (String term : terms) {
			String t = term.toLowerCase(Locale.ROOT);
			if (t.isEmpty() || lower.length() != text.length()) {
				continue;
			}
			for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
				for (int i = at; i < at + t.length(); i++) {
					marked[i] = true;
				}
			}
		}
		StringBuilder html = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			int j = i;
			while (j < text.length() && marked[j] == marked[i]) {
				j++;
			}
			String part = HtmlUtils.htmlEscape(text.substring(i, j));
			html.append(marked[i] ? "<mark>" + part + "</mark>" : part);
			i = j;
		}
		return html.toString();
	}

	/** About {@value #SNIPPET} characters of the text around the first match (or its start), marked. */
	static String snippet(String text, List<String> terms) {
		String flat = text.replaceAll("\\s+", " ").strip();
		String lower = flat.toLowerCase(Locale.ROOT);
		int first = -1;
		for (String term : terms) {
			int at = lower.indexOf(term.toLowerCase(Locale.ROOT));
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		int start = Math.max(0, first - SNIPPET / 3);
		if (start > 0 && Character.isLowSurrogate(flat.charAt(start))) {
			start--;
		}
		int end = Math.min(flat.length(), start + SNIPPET);
		if (end < flat.length() && Character.isHighSurrogate(flat.charAt(end - 1))) {
			end++;
		}
		String cut = flat.substring(start, end);
		return (start > 0 ? "…" : "") + mark(cut, terms) + (end < flat.length() ? "…" : "");
	}
}
