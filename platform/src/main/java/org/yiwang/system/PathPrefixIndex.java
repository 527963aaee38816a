package org.yiwang.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.server.PathContainer;

/**
 * Which of a list of path-patterned rules could match a path, found by the patterns' leading literal segments instead
 * of trying every rule. Rule {@code i} is filed under the literal segments its patterns all start with ({@code /api/x/{id}}
 * and {@code /api/x/{id}/y} under {@code api → x}; {@code /{slug}} or a rule with no path pattern under the root). A
 * {@link org.springframework.web.util.pattern.PathPattern} matches one literal segment against one path segment, by
 * its decoded value without matrix parameters ({@code PathSegment.valueToMatch}), case-sensitively; so a rule filed
 * under {@code api → x} can only match a path whose first two segments are {@code api} and {@code x}, and the
 * candidates for a path (the rules filed at the root and at each node the path's own segments lead to) hold every
 * rule that can match it. Callers still match each candidate exactly as before; the index only leaves out rules that
 * cannot match. Candidates come back in rule order (ascending), so "first matching rule wins" keeps its meaning.
 * Immutable once built; one per set of rules.
 */
final class PathPrefixIndex {

	private static final int[] NONE = {};

	private final Node root;

	private final int size;

	private PathPrefixIndex(Node root, int size) {
		this.root = root;
		this.size = size;
	}

	/** Rules by number (0, 1, …), each with its path pattern strings; {@code null} patterns: a rule for any path. */
	static PathPrefixIndex of(List<? extends Collection<String>> patternsByRule) {
		Node root = new Node();
		for (int rule = 0; rule < patternsByRule.size(); rule++) {
			Collection<String> patterns = patternsByRule.get(rule);
			List<String> prefix = patterns == null || patterns.isEmpty() ? List.of() : commonLiteralPrefix(patterns);
			Node node = root;
			for (String segment : prefix) {
				node = node.children.computeIfAbsent(segment, s -> new Node());
			}
			node.add(rule);
		}
		return new PathPrefixIndex(root, patternsByRule.size());
	}

	/** How many rules were filed. */
	int size() {
		return this.size;
	}

	/**
	 * The rules that could match this path (the path within the application, as the patterns see it), ascending.
	 */
	int[] candidates(PathContainer path) {
		int[][] found = new int[8][];
		int count = 0;
		int total = 0;
		Node node = this.root;
		found[count++] = node.rules;
		total += node.rules.length;
		List<PathContainer.Element> elements = path.elements();
		for (int i = 0; i + 1 < elements.size(); i += 2) {
			if (!(elements.get(i) instanceof PathContainer.Separator)
					|| !(elements.get(i + 1) instanceof PathContainer.PathSegment segment)) {
				break;
			}
			node = node.children.get(segment.valueToMatch());
			if (node == null) {
				break;
			}
			if (node.rules.length > 0) {
				if (count == found.length) {
					found = Arrays.copyOf(found, count * 2);
				}
				found[count++] = node.rules;
				total += node.rules.length;
			}
		}
		if (count == 1) {
			return found[0];
		}
		int[] all = new int[total];
		int at = 0;
		for (int i = 0; i < count; i++) {
			System.arraycopy(found[i], 0, all, at, found[i].length);
			at += found[i].length;
		}
		Arrays.sort(all);
		return all;
	}

	/**
	 * The literal segments a pattern starts with: up to the first segment with a variable or wildcard ({@code {}, {@code *},
	 * {@code ?}) or an empty one. A pattern that does not start with {@code /} has none.
	 */
	static List<String> literalPrefix(String pattern) {
		if (!pattern.startsWith("/")) {
			return List.of();
		}
		List<String> segments = new ArrayList<>();
		int from = 1;
		while (from < pattern.length()) {
			int end = pattern.indexOf('/', from);
			String segment = end < 0 ? pattern.substring(from) : pattern.substring(from, end);
			if (segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
					|| segment.indexOf('}') >= 0) {
				break;
			}
			segments.add(segment);
			if (end < 0) {
				break;
			}
			from = end + 1;
		}
		return segments;
	}

	private static List<String> commonLiteralPrefix(Collection<String> patterns) {
		List<String> common = null;
		for (String pattern : patterns) {
			List<String> prefix = literalPrefix(pattern);
			if (common == null) {
				common = prefix;
			}
			else {
				int n = 0;
				while (n < common.size() && n < prefix.size() && common.get(n).equals(prefix.get(n))) {
					n++;
				}
				common = common.subList(0, n);
			}
		}
		return common == null ? List.of() : List.copyOf(common);
	}

	private static final class Node {

		final Map<String, Node> children = new HashMap<>();

		int[] rules = NONE;

		void add(int rule) {
			this.rules = Arrays.copyOf(this.rules, this.rules.length + 1);
			this.rules[this.rules.length - 1] = rule;
		}
	}
}
