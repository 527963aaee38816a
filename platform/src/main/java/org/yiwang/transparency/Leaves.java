package org.yiwang.transparency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.transparency.LogTree.Node;

/** The log's tables: facts waiting, leaves, complete subtrees and the size row the one writer locks. */
@Repository
class Leaves {

	private static final HexFormat HEX = HexFormat.of();

	/** A fact taken in but not yet sequenced. */
	record Pending(long id, String kind, String identifier, byte[] contentHash, Instant receivedAt) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Leaves(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Takes a fact in, once: a second delivery of the same (kind, identifier) changes nothing. */
	void queue(String kind, String identifier, byte[] contentHash, Instant at) {
		jdbc.sql("insert into transparency.pending (kind, identifier, content_hash, received_at) values (?, ?, ?, ?) "
				+ "on conflict (kind, identifier) do nothing")
			.params(kind, identifier, contentHash, Timestamp.from(at))
			.update();
	}

	/** Locks the log for the one writer and answers its size. */
	long lockSize() {
		return jdbc.sql("select size from transparency.log_size where id = 1 for update").query(Long.class).single();
	}

	long size() {
		return jdbc.sql("select size from transparency.log_size where id = 1").query(Long.class).single();
	}

	List<Pending> pending(int limit) {
		return jdbc.sql("select id, kind, identifier, content_hash, received_at from transparency.pending "
				+ "order by id limit ?")
			.param(limit)
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	Optional<Instant> oldestPending() {
		return jdbc.sql("select min(received_at) from transparency.pending").query(Timestamp.class).optional()
			.map(Timestamp::toInstant);
	}

	/** Those of these facts the log already holds (a fact queued again after it was sequenced). */
	Set<String> alreadyLogged(List<Pending> facts) {
		return new java.util.HashSet<>(jdbc.sql("select kind || ' ' || identifier from transparency.leaves "
				+ "where (kind, identifier) in (select * from unnest(?::text[], ?::text[]))")
			.params(facts.stream().map(Pending::kind).toArray(String[]::new),
					facts.stream().map(Pending::identifier).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	// one statement each, whatever the batch's size: arrays through unnest rather than a JDBC batch of single rows
	void removePending(List<Pending> facts) {
		jdbc.sql("delete from transparency.pending where id = any(?)")
			.param(facts.stream().map(Pending::id).toArray(Long[]::new))
			.update();
	}

	void insertLeaves(List<LogLeaf> leaves) {
		jdbc.sql("insert into transparency.leaves (leaf_index, kind, identifier, content_hash, entered_at, leaf_hash) "
				+ "select i, k, d, decode(c, 'hex'), t::timestamptz, decode(h, 'hex') "
				+ "from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as l(i, k, d, c, t, h)")
			.params(leaves.stream().map(LogLeaf::index).toArray(Long[]::new),
					leaves.stream().map(LogLeaf::kind).toArray(String[]::new),
					leaves.stream().map(LogLeaf::identifier).toArray(String[]::new),
					leaves.stream().map(LogLeaf::contentHash).toArray(String[]::new),
					leaves.stream().map(LogLeaf::enteredAt).toArray(String[]::new),
					leaves.stream().map(LogLeaf::leafHash).toArray(String[]::new))
			.update();
	}

	void insertNodes(Map<Node, byte[]> nodes) {
		if (nodes.isEmpty()) {
			return;
		}
		jdbc.sql("insert into transparency.nodes (level, idx, hash) select v, i, decode(h, 'hex') "
				+ "from unnest(?::smallint[], ?::bigint[], ?::text[]) as n(v, i, h)")
			.params(nodes.keySet().stream().map(Node::level).toArray(Integer[]::new),
					nodes.keySet().stream().map(Node::index).toArray(Long[]::new),
					nodes.values().stream().map(HEX::formatHex).toArray(String[]::new))
			.update();
	}

	void setSize(long size) {
		jdbc.sql("update transparency.log_size set size = ? where id = 1").param(size).update();
	}

	/** The stored hashes of these subtrees (leaf hashes for level 0). */
	Map<Node, byte[]> nodes(Set<Node> wanted) {
		Map<Node, byte[]> found = new HashMap<>();
		if (wanted.isEmpty()) {
			return found;
		}
		List<Long> leafIndexes = new ArrayList<>();
		List<Integer> levels = new ArrayList<>();
		List<Long> indexes = new ArrayList<>();
		for (Node node : wanted) {
			if (node.level() == 0) {
				leafIndexes.add(node.index());
			}
			else {
				levels.add(node.level());
				indexes.add(node.index());
			}
		}
		if (!leafIndexes.isEmpty()) {
			jdbc.sql("select leaf_index, leaf_hash from transparency.leaves where leaf_index = any(?)")
				.param(leafIndexes.toArray(Long[]::new))
				.query(rs -> {
					found.put(new Node(0, rs.getLong(1)), rs.getBytes(2));
				});
		}
		if (!levels.isEmpty()) {
			jdbc.sql("select n.level, n.idx, n.hash from transparency.nodes n "
					+ "join unnest(?::smallint[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx")
				.params(levels.toArray(Integer[]::new), indexes.toArray(Long[]::new))
				.query(rs -> {
					found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
				});
		}
		return found;
	}

	List<LogLeaf> range(long start, long end) {
		return jdbc.sql("select leaf_index, kind, identifier, content_hash, entered_at, leaf_hash from transparency.leaves "
				+ "where leaf_index >= ? and leaf_index < ? order by leaf_index")
			.params(start, end)
			.query((rs, row) -> new LogLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), HEX.formatHex(rs.getBytes(4)),
					LogLeaf.time(rs.getTimestamp(5).toInstant()), HEX.formatHex(rs.getBytes(6))))
			.list();
	}

	/** The first leaf with this leaf hash, or else with this content hash. */
	Optional<LogLeaf> byHash(byte[] hash) {
		return jdbc.sql("(select leaf_index, kind, identifier, content_hash, entered_at, leaf_hash from transparency.leaves "
				+ "where leaf_hash = ? order by leaf_index limit 1) union all "
				+ "(select leaf_index, kind, identifier, content_hash, entered_at, leaf_hash from transparency.leaves "
				+ "where content_hash = ? order by leaf_index limit 1) limit 1")
			.params(hash, hash)
			.query((rs, row) -> new LogLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), HEX.formatHex(rs.getBytes(4)),
					LogLeaf.time(rs.getTimestamp(5).toInstant()), HEX.formatHex(rs.getBytes(6))))
			.optional();
	}

	Optional<LogLeaf> byIdentifier(String kind, String identifier) {
		return jdbc.sql("select leaf_index, kind, identifier, content_hash, entered_at, leaf_hash from transparency.leaves "
				+ "where kind = ? and identifier = ?")
			.params(kind, identifier)
			.query((rs, row) -> new LogLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), HEX.formatHex(rs.getBytes(4)),
					LogLeaf.time(rs.getTimestamp(5).toInstant()), HEX.formatHex(rs.getBytes(6))))
			.optional();
	}

	/** The newest audit checkpoint leaf's identifier, {@code audit:<seq>}, with its content hash. */
	Optional<LogLeaf> latestCheckpoint() {
		return jdbc.sql("select leaf_index, kind, identifier, content_hash, entered_at, leaf_hash from transparency.leaves "
				+ "where kind = 'audit-checkpoint' order by leaf_index desc limit 1")
			.query((rs, row) -> new LogLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), HEX.formatHex(rs.getBytes(4)),
					LogLeaf.time(rs.getTimestamp(5).toInstant()), HEX.formatHex(rs.getBytes(6))))
			.optional();
	}

	/** Streams every stored subtree of one level in index order. */
	void forEachNode(int level, java.util.function.BiConsumer<Long, byte[]> node) {
		jdbc.sql("select idx, hash from transparency.nodes where level = ? order by idx").param(level).query(rs -> {
			node.accept(rs.getLong(1), rs.getBytes(2));
		});
	}

	/** Streams every leaf in index order (a thousand rows at a time, never the whole log in memory). */
	void forEachLeaf(java.util.function.Consumer<LogLeaf> leaf) {
		JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query("select leaf_index, kind, identifier, content_hash, entered_at, leaf_hash from transparency.leaves "
				+ "order by leaf_index", rs -> {
					leaf.accept(new LogLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), HEX.formatHex(rs.getBytes(4)),
							LogLeaf.time(rs.getTimestamp(5).toInstant()), HEX.formatHex(rs.getBytes(6))));
				});
	}

	/**
	 * The first stored subtree that is not the hash of its two children as stored (recomputed in the database), or a
	 * level holding more or fewer complete subtrees than a log of {@code size} leaves has; null when all hold.
	 */
	Node firstBadNode(long size) {
		for (int level = 1; level < 63 && (size >> level) > 0; level++) {
			long count = jdbc.sql("select count(*) from transparency.nodes where level = ?").param(level).query(Long.class)
				.single();
			if (count != size >> level) {
				return new Node(level, Math.min(count, size >> level));
			}
			String children = level == 1
					? "left join transparency.leaves a on a.leaf_index = 2 * n.idx "
							+ "left join transparency.leaves b on b.leaf_index = 2 * n.idx + 1 "
					: "left join transparency.nodes a on a.level = n.level - 1 and a.idx = 2 * n.idx "
							+ "left join transparency.nodes b on b.level = n.level - 1 and b.idx = 2 * n.idx + 1 ";
			String hashA = level == 1 ? "a.leaf_hash" : "a.hash";
			String hashB = level == 1 ? "b.leaf_hash" : "b.hash";
			Optional<Long> bad = jdbc.sql("select n.idx from transparency.nodes n " + children + "where n.level = ? and ("
					+ hashA + " is null or " + hashB + " is null or sha256(decode('01', 'hex') || " + hashA + " || " + hashB
					+ ") <> n.hash) order by n.idx limit 1")
				.param(level)
				.query(Long.class)
				.optional();
			if (bad.isPresent()) {
				return new Node(level, bad.get());
			}
		}
		return null;
	}

	int highestLevel() {
		return jdbc.sql("select coalesce(max(level), 0) from transparency.nodes").query(Integer.class).single();
	}
}
