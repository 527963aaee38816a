package org.yiwang.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed tree heads, newest last. */
@Repository
class TreeHeads {

	private static final String COLUMNS = "tree_size, root, signed_at, tree_head, signature, timestamp_token";

	private final JdbcClient jdbc;

	private final long mergeDelaySeconds;

	TreeHeads(JdbcClient jdbc, TransparencySettings settings) {
		this.jdbc = jdbc;
		this.mergeDelaySeconds = settings.mergeDelaySeconds();
	}

	void add(SignedTreeHead head, byte[] root, byte[] signature, byte[] token) {
		jdbc.sql("insert into transparency.tree_heads (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
			.params(head.treeSize(), root, Timestamp.from(head.signedAt()), head.bytes(), signature, token)
			.update();
	}

	Optional<SignedTreeHead> latest() {
		return jdbc.sql("select " + COLUMNS + " from transparency.tree_heads order by id desc limit 1").query(this::map)
			.optional();
	}

	/** The newest head signed for exactly this size. */
	Optional<SignedTreeHead> ofSize(long size) {
		return jdbc.sql("select " + COLUMNS + " from transparency.tree_heads where tree_size = ? order by id desc limit 1")
			.param(size)
			.query(this::map)
			.optional();
	}

	List<SignedTreeHead> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from transparency.tree_heads order by id desc limit ?").param(limit)
			.query(this::map).list();
	}

	void forEach(Consumer<SignedTreeHead> head) {
		jdbc.sql("select " + COLUMNS + " from transparency.tree_heads order by id").query(rs -> {
			head.accept(map(rs, 0));
		});
	}

	private SignedTreeHead map(ResultSet rs, int row) throws SQLException {
		return new SignedTreeHead(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)),
				rs.getTimestamp(3).toInstant(), new String(rs.getBytes(4), java.nio.charset.StandardCharsets.UTF_8),
				Base64.getEncoder().encodeToString(rs.getBytes(5)), Base64.getEncoder().encodeToString(rs.getBytes(6)),
				mergeDelaySeconds);
	}
}
