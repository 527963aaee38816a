package org.yiwang.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Live feeds on every node: a node tells the others what changed (a bid decided, an opening's step) by PostgreSQL
 * {@code NOTIFY} on the channel {@code yiwang_feed}, and hears theirs by {@code LISTEN} on a connection of its own,
 * outside the pool, polled with pgjdbc's {@code getNotifications(timeout)}. A notice is small (topic, key, node); the
 * receiving node reloads the state from the database and pushes it to its own watchers ({@link ClusterNotified}).
 * Sending never holds up the caller: notices wait in a set (the same notice twice is sent once) that a thread of
 * the feed drains. A notice lost while a node reconnects is made good by the next one, which carries the whole state
 * to the watchers again.
 */
@Component
public class ClusterFeed implements SmartLifecycle {

	static final String CHANNEL = "yiwang_feed";

	private static final Logger log = LoggerFactory.getLogger(ClusterFeed.class);

	private final DataSource application;

	private final String node;

	private final ApplicationEventPublisher events;

	private final Set<String> outbox = new LinkedHashSet<>();

	private volatile boolean running;

	/** Connections the listener has made so far; {@link #listening} is the current one's number, or -1 between them. */
	private final AtomicLong connections = new AtomicLong();

	private final AtomicLong listening = new AtomicLong(-1);

	private Thread listener;

	private Thread sender;

	public ClusterFeed(DataSource application, ClusterNode node, ApplicationEventPublisher events) {
		this.application = application;
		this.node = node.id();
		this.events = events;
	}

	/** Tells the other nodes that {@code key} of {@code topic} changed (neither may contain a tab). */
	public void tell(String topic, String key) {
		if (!running) {
			return;
		}
		synchronized (outbox) {
			if (outbox.add(topic + '\t' + key)) {
				outbox.notifyAll();
			}
		}
	}

	/**
	 * While this node hears the other nodes' notices: the number of its listening connection, which changes at every
	 * reconnection (a notice sent meanwhile was lost for it); -1 while it hears nothing. What a node keeps because it
	 * would be told of a change ({@link CachedSessions}) is trusted only under the connection it was read under.
	 */
	public long listening() {
		return listening.get();
	}

	@Override
	public void start() {
		running = true;
		listener = thread("cluster-feed-listen", this::listen);
		sender = thread("cluster-feed-send", this::send);
	}

	@Override
	public void stop() {
		running = false;
		listening.set(-1);
		if (listener != null) {
			listener.interrupt();
		}
		if (sender != null) {
			sender.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static Thread thread(String name, Runnable work) {
		Thread t = new Thread(work, name);
		t.setDaemon(true);
		t.start();
		return t;
	}

	private void listen() {
		while (running) {
			long mine = connections.incrementAndGet();
			try (Connection c = open("feed")) {
				try (Statement s = c.createStatement()) {
					s.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = c.unwrap(PGConnection.class);
				listening.set(mine);
				while (running) {
					PGNotification[] notices = pg.getNotifications(1000);
					if (notices == null) {
						continue;
					}
					for (PGNotification notice : notices) {
						deliver(notice.getParameter());
					}
				}
			}
			catch (SQLException e) {
				listening.compareAndSet(mine, -1);
				if (running) {
					log.warn("Cluster feed lost its listening connection ({}); it reconnects in a second", e.toString());
					pause();
				}
			}
			finally {
				// Only its own: a listener left from before a stop and start must not say the new one is down
				listening.compareAndSet(mine, -1);
			}
		}
	}

	/** {@code node \t topic \t key}: another node's notice becomes an event here; this node's own is dropped. */
	void deliver(String payload) {
		String[] parts = payload.split("\t", 3);
		if (parts.length != 3 || parts[0].equals(node)) {
			return;
		}
		try {
			events.publishEvent(new ClusterNotified(parts[1], parts[2], parts[0]));
		}
		catch (RuntimeException e) {
			log.warn("A relayed notice ({} {}) failed here: {}", parts[1], parts[2], e.toString());
		}
	}

	private void send() {
		Connection c = null;
		while (running) {
			String[] batch;
			synchronized (outbox) {
				while (outbox.isEmpty() && running) {
					try {
						outbox.wait(1000);
					}
					catch (InterruptedException e) {
						return;
					}
				}
				batch = outbox.toArray(String[]::new);
				outbox.clear();
			}
			try {
				if (c == null || !c.isValid(2)) {
					c = open("feed-send");
				}
				String[] payloads = new String[batch.length];
				for (int i = 0; i < batch.length; i++) {
					payloads[i] = node + '\t' + batch[i];
				}
				// One round trip for the whole batch.
				try (PreparedStatement s = c.prepareStatement(
						"select count(pg_notify('" + CHANNEL + "', n)) from unnest(?::text[]) n")) {
					s.setArray(1, c.createArrayOf("text", payloads));
					s.executeQuery().close();
				}
			}
			catch (SQLException e) {
				// Lost with the connection: sent again once it is back (a notice may say that a session was signed out);
				// refused by a live connection: dropped, or it would hold up every notice after it
				boolean again = !valid(c);
				if (again) {
					synchronized (outbox) {
						outbox.addAll(Arrays.asList(batch));
					}
				}
				log.warn("Cluster feed could not send {} notices ({}){}", batch.length, e.toString(),
						again ? "; it sends them again in a second" : "");
				close(c);
				c = null;
				pause();
			}
		}
		close(c);
	}

	private Connection open(String purpose) throws SQLException {
		if (application.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = application.unwrap(HikariDataSource.class);
			Properties p = new Properties();
			if (pool.getUsername() != null) {
				p.setProperty("user", pool.getUsername());
			}
			if (pool.getPassword() != null) {
				p.setProperty("password", pool.getPassword());
			}
			p.setProperty("ApplicationName", "yiwang " + node + " " + purpose);
			Connection c = DriverManager.getConnection(pool.getJdbcUrl(), p);
			c.setAutoCommit(true);
			return c;
		}
		return application.getConnection();
	}

	private static boolean valid(Connection c) {
		try {
			return c != null && c.isValid(2);
		}
		catch (SQLException e) {
			return false;
		}
	}

	private static void close(Connection c) {
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException e) {
				// Gone already.
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
