package org.yiwang.transparency;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yiwang.portal.LogHeads;

/** The newest signed tree head for the portal's pages and open-data feed. */
@Component
class PortalLogHeads implements LogHeads {

	private final TransparencyLog log;

	PortalLogHeads(TransparencyLog log) {
		this.log = log;
	}

	@Override
	public Optional<LogHead> latest() {
		return log.latest().map(head -> new LogHead(head.treeSize(), head.root(), head.signedAt()));
	}
}
