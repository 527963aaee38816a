package org.yiwang.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <p>
 * A node alone on its database sends nothing: a {@code NOTIFY} is a transaction with a commit record, flushed (fsync)
 * like any other, and an auction's writer told the feed after every batch (issue 25: one more fsync'd transaction a
 * batch, for nobody). Whether another node listens is read at most once a second from {@code pg_stat_activity} (the
 * listening sessions are named {@code yiwang <node> feed}); the notices held back since the last look are sent when
 * a look finds a listener, so a node that starts listening meanwhile still hears them. The notices that are sent
 * commit without waiting for their flush ({@code synchronous_commit = off}): one lost in a crash is as one lost while
 * a node reconnects.
 */
@Component
public class ClusterFeed implements SmartLifecycle {

	static final String CHANNEL = "yiwang_feed";

	private static final Logger log = LoggerFactory.getLogger(ClusterFeed.class);

	private final DataSource application;

	private final String node;

	private final ApplicationEventPublisher events;

	private final Set<String> outbox = new LinkedHashSet<>();

	/** How often the sender looks again whether another node listens. */
	static final long LOOK_EVERY_NANOS = 1_000_000_000L;

	/** Notices held back while no other node listens (guarded by the outbox). */
	private Set<String> held = new LinkedHashSet<>();

	/** What the last look found, and when it began (guarded by the outbox). */
	private boolean othersListening;

	private long lookedAt = System.nanoTime() - LOOK_EVERY_NANOS;

	/** Notices sent, held back for want of a listener, and looks taken: for tests. */
	final AtomicLong sent = new AtomicLong();

	final AtomicLong looks = new AtomicLong();

	final AtomicLong heldBack = new AtomicLong();

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
		String notice = topic + '\t' + key;
		synchronized (outbox) {
			if (!othersListening) {
				// Nobody to tell as far as the last look knew: held back, the sender woken only when a look is due.
				if (held.add(notice)) {
					heldBack.incrementAndGet();
				}
				if (lookDue()) {
					outbox.notifyAll();
				}
				return;
			}
			if (outbox.add(notice)) {
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
			Set<String> looking = null;
			synchronized (outbox) {
				while (outbox.isEmpty() && running && (held.isEmpty() || !lookDue())) {
					try {
						outbox.wait(1000);
					}
					catch (InterruptedException e) {
						return;
					}
				}
				if (lookDue()) {
					// The notices held before this look began: sent if it finds a listener, else dropped (a node
					// that begins to listen after the look began reads a state newer than theirs). Those held after it
					// began wait for the next look, or go now if this one finds a listener.
					looking = held;
					held = new LinkedHashSet<>();
					lookedAt = System.nanoTime();
				}
				batch = outbox.toArray(String[]::new);
				outbox.clear();
			}
			Set<String> due = new LinkedHashSet<>(List.of(batch));
			boolean looked = false;
			try {
				if (c == null || !c.isValid(2)) {
					c = open("feed-send");
					try (Statement s = c.createStatement()) {
						s.execute("set synchronous_commit = off");
					}
				}
				if (looking != null) {
					boolean listening = otherListeners(c) > 0;
					looked = true;
					looks.incrementAndGet();
					synchronized (outbox) {
						othersListening = listening;
						if (listening) {
							due.addAll(looking);
							due.addAll(held);
							held.clear();
						}
					}
				}
				if (due.isEmpty()) {
					continue;
				}
				String[] payloads = due.stream().map(n -> node + '\t' + n).toArray(String[]::new);
				// One round trip for the whole batch.
				try (PreparedStatement s = c.prepareStatement(
						"select count(pg_notify('" + CHANNEL + "', n)) from unnest(?::text[]) n")) {
					s.setArray(1, c.createArrayOf("text", payloads));
					s.executeQuery().close();
				}
				sent.addAndGet(payloads.length);
			}
			catch (SQLException e) {
				// Lost with the connection: sent again once it is back (a notice may say that a session was signed out);
				// refused by a live connection: dropped, or it would hold up every notice after it. The notices of a
				// look that could not be taken are held for the next look.
				boolean again = !valid(c);
				synchronized (outbox) {
					if (again) {
						outbox.addAll(due);
					}
					if (looking != null && !looked) {
						held.addAll(looking);
					}
				}
				log.warn("Cluster feed could not send {} notices ({}){}", due.size(), e.toString(),
						again ? "; it sends them again in a second" : "");
				close(c);
				c = null;
				pause();
			}
		}
		close(c);
	}

	private boolean lookDue() {
		return System.nanoTime() - lookedAt >= LOOK_EVERY_NANOS;
	}

	/**
	 * Other nodes' listening sessions on this database. When this node's sessions carry no name (a DataSource other
	 * than Hikari's), the others' cannot be told apart either: then every notice is sent, as before.
	 */
	int otherListeners(Connection c) throws SQLException {
		if (!application.isWrapperFor(HikariDataSource.class)) {
			return 1;
		}
		try (PreparedStatement s = c.prepareStatement("""
				select count(*) from pg_stat_activity
				where datname = current_database() and application_name like 'yiwang % feed' and application_name <> ?
				""")) {
			s.setString(1, "yiwang " + node + " feed");
			try (var rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
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
