package org.yiwang.audit;

final class Hashes {

	static final String GENESIS = "0".repeat(64);

	private Hashes() {
	}
}
