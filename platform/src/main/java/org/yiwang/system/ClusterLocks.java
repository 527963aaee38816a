package org.yiwang.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Which of the cluster's jobs this node runs: each job is a PostgreSQL session-level advisory lock
 * ({@code pg_try_advisory_lock(CLASS, hash of the job's name)}) held on one connection of this node's own, outside the
 * pool, for as long as the node owns the job. The database lets one session hold it, so a job runs on one node; when
 * the node dies its session ends, the lock goes with it, and the next node that asks gets it. The connection is named
 * {@code yiwang <node id>} ({@code application_name}), so {@code pg_locks} joined to {@code pg_stat_activity} shows who
 * holds what (docs/cluster.md).
 */
@Component
public class ClusterLocks implements AutoCloseable {

	/** The advisory locks' first key, "YWNG": keeps them apart from any other application's locks in the database. */
	public static final int CLASS = 0x59574E47;

	private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

	private final DataSource application;

	private final String node;

	private final Set<String> held = new HashSet<>();

	private Connection connection;

	private boolean closed;

	public ClusterLocks(DataSource application, ClusterNode node) {
		this.application = application;
		this.node = node.id();
	}

	/** The lock's second key for a job's name (what {@code pg_locks.objid} shows, as an unsigned number). */
	public static int key(String job) {
		return job.hashCode();
	}

	/**
	 * Whether this node owns {@code job}: true if it held the lock already (and its session is alive) or got it now.
	 * False when another node holds it or the database cannot be reached (a node that cannot tell does not run it).
	 */
	public synchronized boolean owns(String job) {
		if (closed) {
			return false;
		}
		try {
			Connection c = connection();
			if (held.contains(job)) {
				return true;
			}
			try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
				s.setInt(1, CLASS);
				s.setInt(2, key(job));
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						held.add(job);
						log.info("Node {} now runs {}", node, job);
						return true;
					}
					return false;
				}
			}
		}
		catch (SQLException e) {
			log.warn("Node {} cannot reach its lock session ({}); it runs no cluster job until it can", node, e.toString());
			drop();
			return false;
		}
	}

	/** Gives {@code job} up (a node stopping its ticker), so another node takes it at its next tick. */
	public synchronized void release(String job) {
		if (held.remove(job) && connection != null) {
			try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
				s.setInt(1, CLASS);
				s.setInt(2, key(job));
				s.execute();
			}
			catch (SQLException e) {
				drop();
			}
		}
	}

	/** The jobs this node holds now. */
	public synchronized Set<String> held() {
		return new TreeSet<>(held);
	}

	/** The session that held the locks is checked on every ask: a broken one lost them all. */
	private Connection connection() throws SQLException {
		if (connection != null && !connection.isValid(2)) {
			log.warn("Node {} lost its lock session; it gave up {}", node, held);
			drop();
		}
		if (connection == null) {
			connection = open();
			connection.setAutoCommit(true);
		}
		return connection;
	}

	private Connection open() throws SQLException {
		if (application.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = application.unwrap(HikariDataSource.class);
			Properties p = new Properties();
			if (pool.getUsername() != null) {
				p.setProperty("user", pool.getUsername());
			}
			if (pool.getPassword() != null) {
				p.setProperty("password", pool.getPassword());
			}
			p.setProperty("ApplicationName", "yiwang " + node);
			return DriverManager.getConnection(pool.getJdbcUrl(), p);
		}
		return application.getConnection();
	}

	private void drop() {
		held.clear();
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException e) {
				// Closing a broken session: the server ends it and its locks on its own.
			}
			connection = null;
		}
	}

	/**
	 * A node stopping in order gives every job up before it closes its session ({@code pg_advisory_unlock_all()}), so
	 * the next node that asks has them at once: a closed connection's backend ends, and its locks with it, only some
	 * time after the client has gone (under load, after the next node's tick). A node that dies has its session ended by
	 * the server, and another takes its jobs over once the server has noticed.
	 */
	@Override
	public synchronized void close() {
		closed = true;
		if (connection != null && !held.isEmpty()) {
			try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock_all()")) {
				s.execute();
			}
			catch (SQLException e) {
				log.warn("Node {} could not give its jobs {} up; they are free once its session ends ({})", node, held,
						e.toString());
			}
		}
		drop();
	}
}
