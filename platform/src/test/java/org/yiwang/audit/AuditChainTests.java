package org.yiwang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.DatabaseAdministrator;
import org.yiwang.system.RegionScopes;

/**
 * The chain detects what someone with the database owner's rights does behind the platform's back: an entry altered
 * or removed is named, by sequence number, by {@link AuditLog#verify()}.
 */
@PlatformTest
class AuditChainTests {

	record Probe(Actor actor, String action, String target, RegionCode region, Instant occurredAt) implements Auditable {
	}

	@Autowired
	AuditLog log;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource appDataSource;

	@Autowired
	@Qualifier("migrationDataSource")
	DataSource ownerDataSource;

	@Autowired
	ApplicationContext context;

	private long appendProbe(String target) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(probe(target))));
		return new JdbcTemplate(ownerDataSource).queryForObject(
				"select seq from audit.entries where target = ?", Long.class, target);
	}

	private Probe probe(String target) {
		return new Probe(new Actor("tester", "CENTER_STAFF", "500103"), "test.probe", target, RegionCode.of("500103"),
				Instant.now());
	}

	private Long seqOf(String target) {
		return new JdbcTemplate(ownerDataSource).query("select seq from audit.entries where target = ?",
				rs -> rs.next() ? rs.getLong(1) : null, target);
	}

	/**
	 * A change's entry commits with it or not at all; while a long transaction is still at work after publishing its
	 * event, another change is audited without waiting for it (the chain head is taken just before the commit).
	 */
	@Test
	void entries_commit_with_their_change_and_a_long_transaction_does_not_hold_the_chain() throws Exception {
		String slow = "long-" + UUID.randomUUID(), quick = "quick-" + UUID.randomUUID(),
				undone = "undone-" + UUID.randomUUID();
		CountDownLatch published = new CountDownLatch(1);
		CompletableFuture<Void> quickDone = new CompletableFuture<>();
		var longTransaction = CompletableFuture.runAsync(() -> RegionScopes.runAsPlatform(
				() -> transactions.executeWithoutResult(s -> {
					events.publishEvent(probe(slow));
					published.countDown();
					quickDone.orTimeout(30, TimeUnit.SECONDS).join(); // still at work meanwhile
				})));
		assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
		appendProbe(quick); // would wait for the long transaction if it held the head
		quickDone.complete(null);
		longTransaction.get(30, TimeUnit.SECONDS);
		assertThat(seqOf(slow)).isGreaterThan(seqOf(quick)); // the chain's order is the commits' order
		assertThatThrownBy(() -> RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			events.publishEvent(probe(undone));
			throw new IllegalStateException("rolled back");
		}))).hasMessage("rolled back");
		assertThat(seqOf(undone)).isNull();
		assertThat(log.verify().intact()).isTrue();
	}

	/** An attacker with the database superuser's rights, who switches the append-only trigger off. */
	private JdbcTemplate attacker() {
		return new JdbcTemplate(DatabaseAdministrator.of(context));
	}

	/**
	 * The head is locked, the entry hashed and the head moved in one statement, the hash computed by PostgreSQL: it is
	 * the SHA-256 of the same text Java verifies ({@link AuditEntry#canonical}), with Chinese text, without an actor
	 * region and with a supporting staff member, and appends racing each other leave a gapless, intact chain.
	 */
	@Test
	void appendsHashedByPostgresqlVerifyInJavaWhileRacingEachOther() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Actor[] actors = { new Actor("tester", "CENTER_STAFF", "500103", null), new Actor("投标人甲", "BIDDER", null, null),
				new Actor("tester", "CENTER_STAFF", "500103", null).supportedBy("staff.支持") };
		java.util.List<CompletableFuture<Void>> racing = new java.util.ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			int t = thread;
			racing.add(CompletableFuture.runAsync(() -> {
				for (int i = 0; i < 5; i++) {
					Probe probe = new Probe(actors[(t + i) % actors.length], "test.probe", "probe:并发-" + run + "-" + t
							+ "-" + i, RegionCode.of("500103"), Instant.now());
					RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(probe)));
				}
			}));
		}
		CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		java.util.List<AuditEntry> entries = new JdbcTemplate(ownerDataSource).query("select seq, occurred_at, actor, "
				+ "role, actor_region, region_code, action, target, payload, payload_hash, prev_hash, hash, supported_by "
				+ "from audit.entries where target like ? order by seq", AuditLog::map, "probe:并发-" + run + "%");
		assertThat(entries).hasSize(20);
		assertThat(entries).anyMatch(e -> e.actorRegion() == null).anyMatch(e -> e.supportedBy() != null);
		for (AuditEntry entry : entries) {
			assertThat(entry.hash()).as("entry " + entry.seq()).isEqualTo(org.yiwang.kernel.Sha256.hex(entry.canonical()));
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void an_untouched_chain_verifies() {
		appendProbe("probe:intact");
		ChainVerification result = log.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isPositive();
	}

	@Test
	void names_the_first_entry_whose_payload_was_altered() {
		long seq = appendProbe("probe:altered");
		appendProbe("probe:after-altered");
		Map<String, Object> original = attacker().queryForMap("select payload from audit.entries where seq = ?", seq);
		try {
			tamper("update audit.entries set payload = replace(payload, 'tester', 'someone') where seq = " + seq);
			ChainVerification result = log.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).isEqualTo("audit.broken.payload");
		}
		finally {
			tamper("update audit.entries set payload = '" + original.get("payload").toString().replace("'", "''")
					+ "' where seq = " + seq);
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void names_an_entry_whose_fields_were_altered_even_with_a_recomputed_payload_hash() {
		long seq = appendProbe("probe:fields");
		try {
			tamper("update audit.entries set actor = 'nobody' where seq = " + seq);
			ChainVerification result = log.verify();
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).isEqualTo("audit.broken.fields");
		}
		finally {
			tamper("update audit.entries set actor = 'tester' where seq = " + seq);
		}
	}

	@Test
	void names_an_entry_that_was_removed() {
		long seq = appendProbe("probe:removed");
		appendProbe("probe:after-removed");
		Map<String, Object> row = attacker().queryForMap("select * from audit.entries where seq = ?", seq);
		try {
			tamper("delete from audit.entries where seq = " + seq);
			ChainVerification result = log.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).isEqualTo("audit.broken.removed");
		}
		finally {
			attacker().update("""
					insert into audit.entries (seq, occurred_at, actor, role, actor_region, region_code, action, target,
					  payload, payload_hash, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("role"), row.get("actor_region"),
					row.get("region_code"), row.get("action"), row.get("target"), row.get("payload"),
					row.get("payload_hash"), row.get("prev_hash"), row.get("hash"));
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void the_application_cannot_change_or_delete_entries() {
		long seq = appendProbe("probe:append-only");
		JdbcTemplate app = new JdbcTemplate(appDataSource);
		assertThatThrownBy(() -> app.update("update audit.entries set actor = 'x' where seq = ?", seq))
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.update("delete from audit.entries where seq = ?", seq))
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> attacker().update("delete from audit.entries where seq = ?", seq))
			.as("even the owner meets the append-only trigger").rootCause().hasMessageContaining("append-only");
	}

	private void tamper(String statement) {
		attacker().execute("set session_replication_role = replica; " + statement + "; set session_replication_role = origin");
	}
}
