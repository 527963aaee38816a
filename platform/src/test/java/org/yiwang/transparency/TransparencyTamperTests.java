package org.yiwang.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.audit.AuditLog;
import org.yiwang.audit.ChainVerification;
import org.yiwang.kernel.Sha256;
import org.yiwang.system.DatabaseAdministrator;
import org.yiwang.system.RegionScopes;
import org.yiwang.transparency.LogTree.Node;

/**
 * Issue 24's attacker: the database superuser, who switches the append-only triggers off and edits, deletes, inserts
 * or reorders leaves or audit rows, then recomputes whatever hashes depend on them. Each change is caught by the log's
 * auditor ({@link TransparencyLog#verify()}), by a monitor holding an earlier signed head (its consistency proof
 * fails), or by the audit chain's verification against the log's checkpoint. Every test restores the tables after.
 */
@PlatformTest
class TransparencyTamperTests {

	private static final HexFormat HEX = HexFormat.of();

	@Autowired
	TransparencyLog log;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	private SingleConnectionDataSource superuser;

	private JdbcTemplate attacker;

	/** A leaf as the attacker rewrites it: everything but its index and leaf hash, which the rebuild recomputes. */
	record Row(String kind, String identifier, byte[] contentHash, Timestamp enteredAt) {
	}

	@BeforeEach
	void snapshot() throws Exception {
		String suffix = UUID.randomUUID().toString();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			for (int i = 0; i < 20; i++) {
				log.take("record", "tamper-" + suffix + "-" + i, Sha256.hex("tamper " + i));
			}
		}));
		log.signTreeHead(true);
		Connection connection = DatabaseAdministrator.of(context).getConnection();
		superuser = new SingleConnectionDataSource(connection, true);
		attacker = new JdbcTemplate(superuser);
		attacker.execute("set session_replication_role = replica");
		for (String table : List.of("leaves", "nodes", "tree_heads", "log_size")) {
			attacker.execute("create temp table saved_" + table + " as select * from transparency." + table);
		}
		attacker.execute("create temp table saved_entries as select * from audit.entries");
		attacker.execute("create temp table saved_head as select * from audit.chain_head");
		assertThat(log.verify().intact()).isTrue();
	}

	@AfterEach
	void restore() {
		for (String table : List.of("leaves", "nodes", "tree_heads", "log_size")) {
			attacker.execute("delete from transparency." + table);
			attacker.execute("insert into transparency." + table + " select * from saved_" + table);
			attacker.execute("drop table saved_" + table);
		}
		attacker.execute("delete from audit.entries");
		attacker.execute("insert into audit.entries select * from saved_entries");
		attacker.execute("delete from audit.chain_head");
		attacker.execute("insert into audit.chain_head select * from saved_head");
		attacker.execute("drop table saved_entries; drop table saved_head");
		attacker.execute("set session_replication_role = origin");
		superuser.destroy();
		assertThat(log.verify().intact()).isTrue();
		assertThat(audit.verify().intact()).isTrue();
	}

	private List<Row> rows() {
		return attacker.query("select kind, identifier, content_hash, entered_at from transparency.leaves order by leaf_index",
				(rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getTimestamp(4)));
	}

	/** Rewrites the log as the attacker wants it, every leaf hash and stored subtree recomputed to agree. */
	private void rewrite(Consumer<List<Row>> change) {
		List<Row> rows = new ArrayList<>(rows());
		change.accept(rows);
		attacker.execute("delete from transparency.leaves; delete from transparency.nodes");
		Map<Integer, byte[]> frontier = new HashMap<>();
		Map<Node, byte[]> nodes = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			String time = LogLeaf.time(row.enteredAt().toInstant());
			byte[] leafHash = LogTree.leafHash(LogLeaf.canonical(row.kind(), row.identifier(), HEX.formatHex(row.contentHash()),
					time));
			attacker.update("insert into transparency.leaves values (?, ?, ?, ?, ?, ?)", (long) i, row.kind(),
					row.identifier(), row.contentHash(), row.enteredAt(), leafHash);
			TransparencyLog.append(i, leafHash, frontier, nodes);
		}
		nodes.forEach((node, hash) -> attacker.update("insert into transparency.nodes values (?, ?, ?)", node.level(),
				node.index(), hash));
		attacker.update("update transparency.log_size set size = ?", (long) rows.size());
	}

	private int middle() {
		return (int) (log.size() / 2);
	}

	@Test
	void an_edited_leaf_is_caught_by_its_leaf_hash() {
		attacker.update("update transparency.leaves set content_hash = ? where leaf_index = ?", new byte[32], middle());
		assertBroken((long) middle(), "transparency.broken.leaf");
	}

	@Test
	void an_edited_leaf_with_every_hash_recomputed_is_caught_by_the_signed_roots() {
		rewrite(rows -> rows.set(middle(), new Row(rows.get(middle()).kind(), rows.get(middle()).identifier(),
				new byte[32], rows.get(middle()).enteredAt())));
		assertBroken(null, "transparency.broken.root");
	}

	@Test
	void a_deleted_leaf_with_every_hash_recomputed_is_caught() {
		rewrite(rows -> rows.remove(middle()));
		// a signed root past the deletion no longer recomputes; the newest head also counts a leaf more than there are
		LogVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.problem()).isIn("transparency.broken.root", "transparency.broken.gap");
	}

	@Test
	void an_inserted_leaf_with_every_hash_recomputed_is_caught() {
		rewrite(rows -> rows.add(middle(), new Row("record", "inserted-" + UUID.randomUUID(), new byte[32],
				rows.get(middle()).enteredAt())));
		assertBroken(null, "transparency.broken.root");
	}

	@Test
	void reordered_leaves_with_every_hash_recomputed_are_caught() {
		rewrite(rows -> java.util.Collections.swap(rows, middle(), middle() + 1));
		assertBroken(null, "transparency.broken.root");
	}

	@Test
	void a_deleted_leaf_at_the_end_is_caught() {
		long last = log.size() - 1;
		attacker.update("delete from transparency.leaves where leaf_index = ?", last);
		assertBroken(last, "transparency.broken.gap");
	}

	@Test
	void a_changed_stored_subtree_is_caught() {
		attacker.update("update transparency.nodes set hash = ? where level = 1 and idx = 0", new byte[32]);
		assertBroken(0L, "transparency.broken.node");
	}

	@Test
	void signed_heads_rewritten_to_the_new_roots_fail_their_signatures() {
		rewrite(rows -> rows.remove(middle()));
		attacker.execute("update transparency.tree_heads set tree_head = convert_to(replace(convert_from(tree_head, 'UTF8'), "
				+ "encode(root, 'hex'), repeat('0', 64)), 'UTF8'), root = decode(repeat('0', 64), 'hex')");
		assertBroken(null, "transparency.broken.signature");
	}

	/**
	 * The complete rewrite: leaves changed, every hash recomputed, the old heads deleted and a new one signed by the
	 * platform over the rewritten tree. The log is consistent with itself again, but a monitor that kept an earlier
	 * signed head asks for a consistency proof to the new one and it fails: the fork is caught.
	 */
	@Test
	void a_rewritten_and_re_signed_log_is_caught_by_a_monitor_holding_an_earlier_head() {
		SignedTreeHead witnessed = log.latest().orElseThrow();
		rewrite(rows -> rows.set(1, new Row(rows.get(1).kind(), rows.get(1).identifier(), new byte[32],
				rows.get(1).enteredAt())));
		attacker.execute("delete from transparency.tree_heads");
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> log.take("record",
				"after-" + UUID.randomUUID(), Sha256.hex("after"))));
		SignedTreeHead rewritten = log.signTreeHead(true);
		assertThat(log.verify().intact()).as("the rewritten log agrees with itself").isTrue();
		ConsistencyProof proof = log.consistency(witnessed.treeSize(), rewritten.treeSize());
		assertThat(Rfc9162.consistency(witnessed.treeSize(), rewritten.treeSize(), HEX.parseHex(witnessed.root()),
				HEX.parseHex(rewritten.root()), proof.path().stream().map(HEX::parseHex).toList())).isFalse();
	}

	/**
	 * An audit row edited and the chain recomputed after it, head included: the chain agrees with itself, but not
	 * with the checkpoint of its head that the log took, so audit verification fails.
	 */
	@Test
	void an_audit_row_edited_with_the_chain_recomputed_disagrees_with_the_logs_checkpoint() {
		long checkpointSeq = Long.parseLong(log.latestCheckpoint().orElseThrow().identifier().substring("audit:".length()));
		assertThat(audit.verify().intact()).isTrue();
		long edited = Math.max(1, checkpointSeq - 2);
		attacker.update("update audit.entries set actor = 'someone-else' where seq = ?", edited);
		recomputeChainFrom(edited);
		ChainVerification result = audit.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.problem()).isEqualTo("audit.broken.checkpoint");
		assertThat(result.firstBrokenSeq()).isEqualTo(checkpointSeq);
	}

	@Test
	void audit_rows_removed_at_the_end_with_the_head_moved_back_disagree_with_the_checkpoint() {
		long checkpointSeq = Long.parseLong(log.latestCheckpoint().orElseThrow().identifier().substring("audit:".length()));
		attacker.update("delete from audit.entries where seq >= ?", checkpointSeq);
		Map<String, Object> last = attacker.queryForMap("select seq, hash from audit.entries order by seq desc limit 1");
		attacker.update("update audit.chain_head set seq = ?, hash = ?", last.get("seq"), last.get("hash"));
		ChainVerification result = audit.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.problem()).isEqualTo("audit.broken.checkpoint");
	}

	/** What the attacker does after an edit: every later entry's link and hash, and the head, made to agree. */
	private void recomputeChainFrom(long seq) {
		String previous = attacker.queryForObject("select coalesce((select hash from audit.entries where seq = ?), ?)",
				String.class, seq - 1, "0".repeat(64));
		List<Map<String, Object>> entries = attacker.queryForList("select * from audit.entries where seq >= ? order by seq",
				seq);
		long lastSeq = 0;
		for (Map<String, Object> e : entries) {
			String canonical = String.join("\n", e.get("seq").toString(),
					((Timestamp) e.get("occurred_at")).toInstant().toString(), (String) e.get("actor"), (String) e.get("role"),
					e.get("actor_region") == null ? "" : (String) e.get("actor_region"), (String) e.get("region_code"),
					(String) e.get("action"), (String) e.get("target"), (String) e.get("payload_hash"), previous);
			if (e.get("supported_by") != null) {
				canonical += "\nsupportedBy:" + e.get("supported_by");
			}
			String hash = Sha256.hex(canonical);
			attacker.update("update audit.entries set prev_hash = ?, hash = ? where seq = ?", previous, hash, e.get("seq"));
			previous = hash;
			lastSeq = ((Number) e.get("seq")).longValue();
		}
		attacker.update("update audit.chain_head set seq = ?, hash = ?", lastSeq, previous);
		ChainVerification recomputed = audit.verify();
		assertThat(recomputed.problem()).as("the chain agrees with itself but for the checkpoint")
			.isIn("audit.broken.checkpoint");
	}

	private void assertBroken(Long at, String problem) {
		LogVerification result = log.verify();
		assertThat(result.intact()).as(result.toString()).isFalse();
		assertThat(result.problem()).isEqualTo(problem);
		if (at != null) {
			assertThat(result.firstBrokenIndex()).isEqualTo(at);
		}
	}
}
