package org.yiwang.tendering;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.registry.EntityId;

/**
 * The origins of a section's opened bids for the platform's own supervision rules. Only bids whose section was opened
 * are answered (before the opening, where a bid came from is as closed as the bid itself); nothing here is shown to
 * people: regulators read a single bid's source through {@link BidBox#sourceIp}.
 */
@Service
public class BidOrigins {

	private final JdbcClient jdbc;

	private final SectionAccess access;

	BidOrigins(JdbcClient jdbc, SectionAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** The origins of these bids, those of opened sections only, in no particular order. */
	public List<BidOrigin> ofOpened(Collection<UUID> bids) {
		if (bids.isEmpty()) {
			return List.of();
		}
		return access.platform(() -> jdbc.sql("""
				select b.id, b.bidder_id, b.bidder_name, e.source_ip, b.signer_fingerprint
				from tendering.bids b
				join tendering.bid_evidence e on e.bid_id = b.id
				join tendering.sections s on s.id = b.section_id
				where b.id = any(?) and s.opened_at is not null""")
			.param(bids.toArray(UUID[]::new))
			.query((rs, n) -> new BidOrigin(rs.getObject("id", UUID.class),
					new EntityId(rs.getObject("bidder_id", UUID.class)), rs.getString("bidder_name"),
					rs.getString("source_ip"), rs.getString("signer_fingerprint")))
			.list());
	}
}
