package org.yiwang.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's JDBC repository with what a node read kept on the node, and the last access written at most once a
 * {@link #step} (issue 25: a request of a signed-in visitor read the session row and its attributes, deserialized
 * them, and wrote its last access time in a second transaction: ~2.4 ms of CPU per request, six times a bare bid).
 * <ul>
 * <li>A session read from the database is kept here, its attributes deserialized, for at most {@link #trust}, and only
 * while the node hears the cluster feed on the connection it heard it under ({@link ClusterFeed#listening()}): a node
 * that changes a session's attributes or id, or deletes it (a sign-out), tells every node, which forgets it. A feed
 * down or reconnected makes every kept session unusable. A notice lost without the feed noticing (the telling node
 * dying between its commit and the send, a frozen network) leaves another node serving the session it kept for at
 * most {@link #trust}.</li>
 * <li>A request that only reads its session costs no statement unless its last access is a {@link #step} (or half the
 * idle timeout, if shorter) past the one stored: then one autocommit {@code UPDATE}. So the database's last access
 * lags by less than a step and a session idles out between its timeout less a step and its timeout after its last
 * use (29 to 30 minutes), on every node alike: a kept session is judged by the stored last access.</li>
 * <li>The first change in a request (an attribute, the id at sign-in, the timeout) loads Spring Session's own session
 * and the request carries on with it: written by Spring Session as before (attributes at once, in a transaction).</li>
 * </ul>
 * Kept attributes are shared by the requests of one session on this node, as the servlet container's session shares
 * them; an attribute changed in place without {@code setAttribute} is not written, as with Spring Session alone.
 */
public class CachedSessions implements SessionRepository<CachedSessions.NodeSession> {

	/** The cluster feed's topic: the key is a session id whose stored state changed or that was deleted. */
	static final String TOPIC = "session";

	/** At most this many sessions are kept; past it, the expired ones go, and then all if still too many. */
	static final int KEPT = 50_000;

	/** Spring Session's repository, its sessions as plain {@link Session}s (its session class is not public). */
	private final SessionRepository<Session> store;

	private final JdbcOperations jdbc;

	private final String touchQuery;

	private final ClusterFeed feed;

	private final Clock clock;

	private final Duration trust;

	private final Duration step;

	private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

	/** Sessions forgotten so far: a read that saw this change while it ran does not keep what it read. */
	private final AtomicLong forgotten = new AtomicLong();

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong reads = new AtomicLong();

	private final AtomicLong touches = new AtomicLong();

	/**
	 * @param table the sessions' table, as Spring Session's repository was given it
	 * @param trust how long a kept session is served without reading it again (the bound on a lost notice)
	 * @param step the least time between two writes of a session's last access
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public CachedSessions(JdbcIndexedSessionRepository store, JdbcOperations jdbc, String table, ClusterFeed feed,
			Clock clock, Duration trust, Duration step) {
		this.store = (SessionRepository) store;
		this.jdbc = jdbc;
		this.touchQuery = "update " + table + " set last_access_time = greatest(last_access_time, ?),"
				+ " expiry_time = greatest(last_access_time, ?) + max_inactive_interval * 1000::bigint where session_id = ?";
		this.feed = feed;
		this.clock = clock;
		this.trust = trust;
		this.step = step;
	}

	/** What a node keeps of a session: its state as read (attributes deserialized) and the last access stored. */
	private record Kept(MapSession session, Instant stored, long feed, Instant read) {

		boolean expired(Instant now) {
			Duration timeout = session.getMaxInactiveInterval();
			return !timeout.isNegative() && !now.isBefore(stored.plus(timeout));
		}
	}

	@Override
	public NodeSession createSession() {
		return new NodeSession(store.createSession());
	}

	@Override
	public NodeSession findById(String id) {
		if (!isSessionId(id)) {
			// A cookie no node wrote (Spring Session's ids are UUIDs): no session, and no statement (a NUL in it made
			// PostgreSQL refuse the query, a 500)
			return null;
		}
		long listening = feed.listening();
		Instant now = clock.instant();
		Kept k = kept.get(id);
		if (k != null) {
			if (k.feed == listening && listening >= 0 && now.isBefore(k.read.plus(trust)) && !k.expired(now)) {
				hits.incrementAndGet();
				return new NodeSession(new MapSession(k.session), k.stored, null);
			}
			kept.remove(id, k);
		}
		long before = forgotten.get();
		reads.incrementAndGet();
		Session stored = store.findById(id);
		if (stored == null) {
			return null;
		}
		// Every attribute deserialized once, here, for the requests to come
		MapSession read = new MapSession(stored);
		if (listening >= 0) {
			keep(id, new Kept(read, stored.getLastAccessedTime(), listening, now), before);
		}
		return new NodeSession(new MapSession(read), stored.getLastAccessedTime(), stored);
	}

	/** What Spring Session's id generator makes: a UUID's 36 characters. */
	static boolean isSessionId(String id) {
		return id != null && id.length() == 36
				&& id.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
	}

	private void keep(String id, Kept k, long forgottenBefore) {
		if (kept.size() >= KEPT) {
			Instant now = clock.instant();
			kept.values().removeIf(old -> old.expired(now) || !now.isBefore(old.read.plus(trust)));
			if (kept.size() >= KEPT) {
				kept.clear();
			}
		}
		kept.put(id, k);
		// A session forgotten while it was read may have been read before its change: not kept (checked after the put,
		// as forget counts before it removes, so one of the two takes it out)
		if (forgotten.get() != forgottenBefore) {
			kept.remove(id, k);
		}
	}

	@Override
	public void save(NodeSession session) {
		if (session.gone) {
			return;
		}
		if (session.written != null) {
			store.save(session.written);
			if (!session.isNew) {
				forgetAndTell(session.originalId);
			}
			if (!session.written.getId().equals(session.originalId)) {
				forgetAndTell(session.written.getId());
			}
			session.isNew = false;
			session.originalId = session.written.getId();
			return;
		}
		Instant accessed = session.current.getLastAccessedTime();
		Duration timeout = session.current.getMaxInactiveInterval();
		Duration due = timeout.isNegative() || step.compareTo(timeout.dividedBy(2)) <= 0 ? step : timeout.dividedBy(2);
		if (Duration.between(session.stored, accessed).compareTo(due) < 0) {
			return;
		}
		touches.incrementAndGet();
		long ms = accessed.toEpochMilli();
		String id = session.getId();
		if (jdbc.update(touchQuery, ms, ms, id) == 0) {
			forget(id); // deleted meanwhile (signed out or expired on another node)
			return;
		}
		session.stored = accessed;
		kept.computeIfPresent(id,
				(key, k) -> k.stored.isBefore(accessed) ? new Kept(k.session, accessed, k.feed, k.read) : k);
	}

	@Override
	public void deleteById(String id) {
		store.deleteById(id);
		forgetAndTell(id);
	}

	private void forgetAndTell(String id) {
		forget(id);
		feed.tell(TOPIC, id);
	}

	/** Forgets what this node kept of a session (its next request reads it from the database). */
	void forget(String id) {
		forgotten.incrementAndGet();
		kept.remove(id);
	}

	/** Another node changed or deleted a session. */
	@EventListener
	public void heard(ClusterNotified notice) {
		if (TOPIC.equals(notice.topic())) {
			forget(notice.key());
		}
	}

	/** Requests served from what the node kept, sessions read from the database, and last accesses written so far. */
	public String counts() {
		return "sessions kept " + kept.size() + ", served from the node " + hits.get() + ", read " + reads.get()
				+ ", last access written " + touches.get();
	}

	/**
	 * One request's session: a copy of the kept (or just read) state that it reads and touches, until its first change,
	 * from which on it is Spring Session's own session, loaded then if this request did not read it.
	 */
	public final class NodeSession implements Session {

		private Session current;

		/** Spring Session's session once this request changed something (or a new session): saved by Spring Session. */
		private Session written;

		/** Spring Session's session as read in this request, if it was: changes go to it without reading it again. */
		private final Session loaded;

		private String originalId;

		private Instant stored;

		private boolean isNew;

		private boolean gone;

		NodeSession(Session created) {
			this.current = created;
			this.written = created;
			this.loaded = created;
			this.originalId = created.getId();
			this.stored = created.getLastAccessedTime();
			this.isNew = true;
		}

		NodeSession(MapSession copy, Instant stored, Session loaded) {
			this.current = copy;
			this.loaded = loaded;
			this.originalId = copy.getId();
			this.stored = stored;
		}

		/** Spring Session's session from now on: the one read in this request, or read now. */
		private Session changing() {
			if (written == null && !gone) {
				Session s = loaded != null ? loaded : store.findById(originalId);
				if (s == null) {
					// Deleted meanwhile on another node: this request goes on with its copy, nothing is written
					gone = true;
					forget(originalId);
				}
				else {
					s.setLastAccessedTime(current.getLastAccessedTime());
					written = s;
					current = s;
				}
			}
			return current;
		}

		@Override
		public String getId() {
			return current.getId();
		}

		@Override
		public String changeSessionId() {
			return changing().changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return current.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return current.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			changing().setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			changing().removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return current.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant time) {
			current.setLastAccessedTime(time);
		}

		@Override
		public Instant getLastAccessedTime() {
			return current.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changing().setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return current.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return current.isExpired();
		}
	}
}
