package org.yiwang.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.yiwang.transparency.LogTree.Node;

/**
 * The stored-subtree tree against the RFC's own definitions: a log grown leaf by leaf (as the sequencer grows it,
 * storing each subtree once it is complete) answers, for every size up to 130, the RFC's MTH, and audit paths and
 * consistency proofs that the RFC's verification algorithms accept; altered proofs are refused.
 */
class LogTreeTests {

	private final Map<Node, byte[]> stored = new HashMap<>();

	private final Map<Integer, byte[]> frontier = new HashMap<>();

	private final List<byte[]> leafHashes = new ArrayList<>();

	private final Function<Node, byte[]> nodes = node -> {
		byte[] hash = node.level() == 0 ? leafHashes.get((int) node.index()) : stored.get(node);
		assertThat(hash).as("stored " + node).isNotNull();
		return hash;
	};

	private void grow(int size) {
		while (leafHashes.size() < size) {
			byte[] leaf = Rfc9162.leaf(("leaf " + leafHashes.size()).getBytes(StandardCharsets.UTF_8));
			TransparencyLog.append(leafHashes.size(), leaf, frontier, stored);
			leafHashes.add(leaf);
		}
	}

	@Test
	void every_root_is_the_rfc_tree_hash() {
		assertThat(LogTree.root(0, nodes)).isEqualTo(Rfc9162.mth(List.of()));
		for (int n = 1; n <= 130; n++) {
			grow(n);
			assertThat(LogTree.root(n, nodes)).as("MTH of " + n).isEqualTo(Rfc9162.mth(leafHashes.subList(0, n)));
		}
	}

	@Test
	void every_audit_path_verifies_and_a_changed_one_does_not() {
		grow(70);
		for (int n = 1; n <= 70; n++) {
			byte[] root = LogTree.root(n, nodes);
			for (int m = 0; m < n; m++) {
				List<byte[]> path = LogTree.inclusion(m, n, nodes);
				assertThat(Rfc9162.inclusion(leafHashes.get(m), m, n, path, root)).as("leaf " + m + " of " + n).isTrue();
				if (!path.isEmpty()) {
					List<byte[]> bad = new ArrayList<>(path);
					bad.set(0, Rfc9162.leaf(new byte[] { 9 }));
					assertThat(Rfc9162.inclusion(leafHashes.get(m), m, n, bad, root)).isFalse();
				}
				assertThat(Rfc9162.inclusion(Rfc9162.leaf(new byte[] { 7 }), m, n, path, root)).isFalse();
			}
		}
	}

	@Test
	void every_consistency_proof_verifies_and_a_forked_tree_does_not() {
		grow(70);
		for (int second = 1; second <= 70; second++) {
			byte[] secondRoot = LogTree.root(second, nodes);
			for (int first = 1; first <= second; first++) {
				byte[] firstRoot = LogTree.root(first, nodes);
				List<byte[]> proof = LogTree.consistency(first, second, nodes);
				assertThat(Rfc9162.consistency(first, second, firstRoot, secondRoot, proof))
					.as(first + " -> " + second).isTrue();
				if (first < second) {
					byte[] forked = Rfc9162.leaf(("fork " + first).getBytes(StandardCharsets.UTF_8));
					assertThat(Rfc9162.consistency(first, second, forked, secondRoot, proof)).isFalse();
				}
			}
		}
	}

	@Test
	void a_computation_reads_only_logarithmically_many_subtrees() {
		grow(1000);
		List<Node> read = new ArrayList<>();
		LogTree.compute(n -> LogTree.inclusion(517, 999, n), wanted -> {
			read.addAll(wanted);
			Map<Node, byte[]> found = new HashMap<>();
			wanted.forEach(node -> found.put(node, nodes.apply(node)));
			return found;
		});
		assertThat(read).hasSizeLessThanOrEqualTo(2 * 10);
	}
}
