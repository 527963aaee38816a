package org.yiwang.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This application node's name in a cluster of nodes on one PostgreSQL ({@code yiwang.cluster.node-id}, docs/cluster.md).
 * It names the owner of an auction clock's lease and the database session that holds a job's lock. The default is the
 * host's name: stable across restarts (a restarted node takes its own lease back at once), distinct across machines;
 * two nodes on one machine must be given ids of their own.
 */
@Component
public class ClusterNode {

	private final String id;

	public ClusterNode(@Value("${yiwang.cluster.node-id:}") String id) {
		this.id = id == null || id.isBlank() ? hostName() : id.strip();
	}

	public String id() {
		return id;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "local";
		}
	}

	@Override
	public String toString() {
		return id;
	}
}
