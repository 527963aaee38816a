package org.yiwang.audit;

import java.time.Instant;

import org.yiwang.kernel.Sha256;

/** Checks entries one after another, remembering the first that breaks the chain. */
class ChainWalk {

	private long expectedSeq = 1;

	/** What the first entry names as its predecessor's hash. */
	static final String GENESIS = "0".repeat(64);

	private String previousHash = GENESIS;

	private long checked;

	private Long brokenSeq;

	private String problem;

	/** The newest checkpoint taken outside the database; null when none. */
	private final ChainHead checkpoint;

	ChainWalk() {
		this(null);
	}

	ChainWalk(ChainHead checkpoint) {
		this.checkpoint = checkpoint;
	}

	boolean intact() {
		return brokenSeq == null;
	}

	void check(AuditEntry entry) {
		checked++;
		if (entry.seq() != expectedSeq) {
			fail(expectedSeq, "audit.broken.removed");
		}
		else if (!Sha256.hex(entry.payload()).equals(entry.payloadHash())) {
			fail(entry.seq(), "audit.broken.payload");
		}
		else if (!entry.previousHash().equals(previousHash)) {
			fail(entry.seq(), "audit.broken.link");
		}
		else if (!Sha256.hex(entry.canonical()).equals(entry.hash())) {
			fail(entry.seq(), "audit.broken.fields");
		}
		else if (checkpoint != null && entry.seq() == checkpoint.seq() && !entry.hash().equals(checkpoint.hash())) {
			fail(entry.seq(), "audit.broken.checkpoint");
		}
		else {
			expectedSeq++;
			previousHash = entry.hash();
		}
	}

	/** The head names the last entry appended: entries removed from the end show here. */
	void checkHead(long headSeq, String headHash) {
		if (checkpoint != null && checkpoint.seq() >= expectedSeq) { // entries the checkpoint saw are gone
			fail(expectedSeq, "audit.broken.checkpoint");
		}
		else if (headSeq >= expectedSeq) {
			fail(expectedSeq, "audit.broken.removed");
		}
		else if (headSeq != expectedSeq - 1 || !headHash.equals(previousHash)) {
			fail(headSeq, "audit.broken.head");
		}
	}

	private void fail(long seq, String why) {
		brokenSeq = seq;
		problem = why;
	}

	ChainVerification result(Instant at, long millis) {
		return new ChainVerification(intact(), checked, brokenSeq, problem, at, millis);
	}
}
