package org.yiwang.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.Sha256;
import org.yiwang.system.RegionScopes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log's entry point. Every {@link Auditable} event is appended in the transaction that made the change,
 * so a change and its entry commit together or not at all. Appends are serialised on the chain head, so they are made
 * at the last moment before that transaction commits: the head is then locked for the inserts and the commit only, not
 * for the rest of the transaction's work (a bid's receipt transaction held it for its whole length, and every audited
 * change of the platform waited behind it).
 */
@Service
public class AuditLog {

	private static final String COLUMNS = "seq, occurred_at, actor, role, actor_region, region_code, action, target, "
			+ "payload, payload_hash, prev_hash, hash, supported_by";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ObjectProvider<ChainCheckpoints> checkpoints;

	AuditLog(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, Clock clock,
			ObjectProvider<ChainCheckpoints> checkpoints) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
		this.checkpoints = checkpoints;
	}

	/** The chain's head as committed now: what the transparency log checkpoints. */
	public ChainHead head() {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc
			.sql("select seq, hash from audit.chain_head where id = 1")
			.query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.single()));
	}

	@EventListener
	@Transactional
	void on(Auditable event) {
		Pending pending = pendingInThisTransaction();
		if (pending.appended) { // published by a synchronisation that ran after ours: the head is ours already
			append(event);
		}
		else {
			pending.events.add(event);
		}
	}

	/** The events of a transaction, appended in order just before it commits. */
	private static final class Pending {

		final List<Auditable> events = new ArrayList<>();

		boolean appended;
	}

	private Pending pendingInThisTransaction() {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Pending created = new Pending();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public int getOrder() {
					return Ordered.LOWEST_PRECEDENCE; // after every other synchronisation's own work
				}

				@Override
				public void beforeCommit(boolean readOnly) {
					created.events.forEach(AuditLog.this::append);
					created.appended = true;
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
				}
			});
			pending = created;
		}
		return pending;
	}

	/**
	 * One statement (issue 25; it was two, the head read {@code for update} and then the entry and head written): the
	 * head is locked, the entry's hash computed from it in PostgreSQL over the same text as
	 * {@link AuditEntry#canonical} (the sequence number and previous hash from the head, the rest from here), the entry
	 * inserted and the head moved. A concurrent append waits on the head's lock and then reads the head as the first
	 * one left it (PostgreSQL re-reads a row it locked after waiting), as before. No RETURNING from the entry: the
	 * acting scope may not read it; the head tells its sequence number and hash.
	 */
	AuditEntry append(Auditable event) {
		record Appended(long seq, String hash, String previousHash) {
		}
		String payload = json.writeValueAsString(event);
		AuditEntry unsigned = new AuditEntry(0, event.occurredAt().truncatedTo(ChronoUnit.MICROS),
				event.actor().username(), event.actor().role(), event.actor().region(), event.region().value(),
				event.action(), event.target(), payload, Sha256.hex(payload), null, null, event.actor().supportedBy());
		Appended appended = jdbc.sql("""
				with head as (select seq + 1 as seq, hash as prev from audit.chain_head where id = 1 for update),
				next as (select seq, prev, encode(sha256(convert_to(seq::text || chr(10) || ? || chr(10) || prev || ?,
				  'UTF8')), 'hex') as hash from head),
				entry as (insert into audit.entries (""" + COLUMNS + """
				) select next.seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, next.prev, next.hash, ? from next)
				update audit.chain_head c set seq = next.seq, hash = next.hash from next where c.id = 1
				returning c.seq, c.hash, next.prev""")
			.params(unsigned.canonicalBody(), unsigned.canonicalTail(), Timestamp.from(unsigned.occurredAt()),
					unsigned.actor(), unsigned.role(), unsigned.actorRegion(), unsigned.region(), unsigned.action(),
					unsigned.target(), payload, unsigned.payloadHash(), unsigned.supportedBy())
			.query((rs, row) -> new Appended(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
		return new AuditEntry(appended.seq(), unsigned.occurredAt(), unsigned.actor(), unsigned.role(),
				unsigned.actorRegion(), unsigned.region(), unsigned.action(), unsigned.target(), payload,
				unsigned.payloadHash(), appended.previousHash(), appended.hash(), unsigned.supportedBy());
	}

	/** The newest entries the reader's scope shows, optionally only those whose action or target contains {@code text}. */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(String text, int limit) {
		String like = text == null || text.isBlank() ? null : "%" + text.strip().replace("\\", "\\\\")
			.replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select " + COLUMNS + " from audit.entries "
				+ "where (cast(:like as text) is null or action like :like or target like :like or actor like :like "
				+ "or supported_by like :like) "
				+ "order by seq desc limit :limit")
			.param("like", like).param("limit", Math.max(1, Math.min(limit, 500)))
			.query(AuditLog::map).list();
	}

	/**
	 * Recomputes the whole chain, across every region, streaming it in order: each entry's payload hash and hash,
	 * its link to the one before, the sequence without gaps, the head naming the last entry, and the entry the newest
	 * checkpoint outside the database names (issue 24): a chain recomputed after an edit no longer reaches it.
	 */
	public ChainVerification verify() {
		Instant started = clock.instant();
		ChainHead checkpoint = checkpoints.stream().flatMap(c -> c.latest().stream()).findFirst().orElse(null);
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			ChainWalk walk = new ChainWalk(checkpoint);
			jdbc.sql("select " + COLUMNS + " from audit.entries order by seq").query((RowCallbackHandler) rs -> {
				if (walk.intact()) {
					walk.check(map(rs, 0));
				}
			});
			if (walk.intact()) {
				jdbc.sql("select seq, hash from audit.chain_head where id = 1")
					.query((RowCallbackHandler) rs -> walk.checkHead(rs.getLong(1), rs.getString(2)));
			}
			return walk.result(clock.instant(), Duration.between(started, clock.instant()).toMillis());
		}));
	}

	static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("role"), rs.getString("actor_region"), rs.getString("region_code"), rs.getString("action"),
				rs.getString("target"), rs.getString("payload"), rs.getString("payload_hash"), rs.getString("prev_hash"),
				rs.getString("hash"), rs.getString("supported_by"));
	}
}
