package org.yiwang.evaluation;

import java.util.List;

/**
 * The worked example of docs/expert-draw.md as the independent implementation (docs/expert-draw-verify.py
 * --example) computed it; the platform's implementation must agree.
 */
final class ExpertDrawExample {

	static final String POOL_SHA256 = "1b97a3c9d3924d7037a1f18bdc4be15301b49eb45204fd6cfa091f7d8495f862";

	static final List<String> PICKS = List.of("00000000-0000-0000-0000-000000000003",
			"00000000-0000-0000-0000-000000000004", "00000000-0000-0000-0000-000000000007");

	static final String REDRAW = "00000000-0000-0000-0000-000000000002";

	private ExpertDrawExample() {
	}
}
