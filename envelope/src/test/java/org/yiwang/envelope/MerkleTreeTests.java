package org.yiwang.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleTreeTests {

	@Test
	void everyLeafOfEveryTreeSizeHasAVerifyingAuditPath() {
		for (int size = 1; size <= 40; size++) {
			List<byte[]> leaves = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
			}
			byte[] root = MerkleTree.root(leaves);
			for (int i = 0; i < size; i++) {
				List<byte[]> path = MerkleTree.auditPath(leaves, i);
				assertThat(MerkleTree.verify(leaves.get(i), i, size, path, root)).as("size %d leaf %d", size, i).isTrue();
				if (size > 1) {
					assertThat(MerkleTree.verify(leaves.get(i), (i + 1) % size, size, path, root)).isFalse();
					assertThat(MerkleTree.verify(MerkleTree.leafHash(new byte[] { 1 }), i, size, path, root)).isFalse();
				}
			}
		}
	}

	@Test
	void matchesTheRfc6962Definition() {
		// Two leaves: MTH = SHA-256(0x01 || SHA-256(0x00 || a) || SHA-256(0x00 || b)).
		byte[] a = MerkleTree.leafHash("a".getBytes(StandardCharsets.US_ASCII));
		byte[] b = MerkleTree.leafHash("b".getBytes(StandardCharsets.US_ASCII));
		byte[] joined = new byte[65];
		joined[0] = 1;
		System.arraycopy(a, 0, joined, 1, 32);
		System.arraycopy(b, 0, joined, 33, 32);
		assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(Crypto.sha256(joined));
		// RFC 6962's empty tree: SHA-256 of the empty string.
		assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of())))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}
}
