package org.yiwang.transparency;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yiwang.audit.ChainCheckpoints;
import org.yiwang.audit.ChainHead;

/** The audit chain's newest checkpoint as the log holds it: audit verification fails when the chain disagrees. */
@Component
class AuditCheckpoints implements ChainCheckpoints {

	private final TransparencyLog log;

	AuditCheckpoints(TransparencyLog log) {
		this.log = log;
	}

	@Override
	public Optional<ChainHead> latest() {
		return log.latestCheckpoint().map(leaf -> new ChainHead(
				Long.parseLong(leaf.identifier().substring("audit:".length())), leaf.contentHash()));
	}
}
