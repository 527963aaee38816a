package org.yiwang.auction;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterNode;

/**
 * The lease on the live auctions' clock (auction.clock_lease): the node that holds it sweeps the countdowns, decides
 * the bids and beats the heartbeat; it renews the lease every second. Another node takes the lease once it has expired
 * ({@code yiwang.auction.clock-lease}, 5 s by default), so the clock is away for at most the lease plus one renewal
 * period after its holder dies. Every time is the database's clock, the one all nodes share; one upsert, which locks
 * the row, decides between nodes asking at once.
 */
@Component
class ClockLease {

	private final JdbcClient jdbc;

	private final String node;

	private final Duration lease;

	@Autowired
	ClockLease(DataSource dataSource, ClusterNode node, @Value("${yiwang.auction.clock-lease:5s}") Duration lease) {
		this(JdbcClient.create(dataSource), node.id(), lease);
	}

	ClockLease(JdbcClient jdbc, String node, Duration lease) {
		this.jdbc = jdbc;
		this.node = node;
		this.lease = lease;
	}

	String node() {
		return node;
	}

	Duration lease() {
		return lease;
	}

	/**
	 * Takes or renews the lease: true if this node holds it now (it held it, or it was free or had expired). A node
	 * restarted under the same id takes its own lease back at once.
	 */
	boolean hold() {
		return jdbc.sql("""
				insert into auction.clock_lease (id, owner_node, acquired_at, renewed_at, expires_at)
				values (true, :node, clock_timestamp(), clock_timestamp(), clock_timestamp() + make_interval(secs => :secs))
				on conflict (id) do update set
				  owner_node = excluded.owner_node,
				  acquired_at = case when auction.clock_lease.owner_node = excluded.owner_node
				                     then auction.clock_lease.acquired_at else excluded.acquired_at end,
				  renewed_at = excluded.renewed_at,
				  expires_at = excluded.expires_at
				where auction.clock_lease.owner_node = excluded.owner_node
				   or auction.clock_lease.expires_at < excluded.renewed_at
				returning owner_node""")
			.param("node", node).param("secs", lease.toMillis() / 1000.0)
			.query(String.class).optional().isPresent();
	}

	/** Gives the lease up at once (a node shutting down), so another node need not wait for it to expire. */
	void release() {
		jdbc.sql("update auction.clock_lease set expires_at = clock_timestamp() where owner_node = ?").param(node).update();
	}

	/** Who holds the lease and until when, if anyone ever did. */
	Optional<Holder> holder() {
		return jdbc.sql("select owner_node, expires_at > clock_timestamp() from auction.clock_lease where id")
			.query((rs, n) -> new Holder(rs.getString(1), rs.getBoolean(2))).optional();
	}

	record Holder(String node, boolean live) {
	}
}
