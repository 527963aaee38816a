package org.yiwang.transparency;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Recomputes the whole log as an auditor would, from the leaves' own fields: every leaf hash, no gap in the indexes,
 * and each signed tree head's root (rebuilt from the leaves as they stand) and SM2 signature. An edit, deletion,
 * insertion or reordering of a leaf breaks a signed root; recomputing the roots too breaks the signatures.
 */
final class LogCheck {

	private static final Provider BC = new BouncyCastleProvider();

	private static final byte[] SM2_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	private static final HexFormat HEX = HexFormat.of();

	/** The signed roots to meet, by tree size (several heads may share a size). */
	private final TreeMap<Long, List<SignedTreeHead>> heads = new TreeMap<>();

	/** The perfect subtrees of the leaves read so far, largest first: the tree's right edge. */
	private final List<byte[]> stack = new ArrayList<>();

	private final List<Integer> levels = new ArrayList<>();

	private final PublicKey platformKey;

	private long expected;

	private long headsChecked;

	private Long broken;

	private String problem;

	LogCheck(String platformCertificatePem) {
		this.platformKey = publicKey(platformCertificatePem);
	}

	void head(SignedTreeHead head) {
		if (broken != null) {
			return;
		}
		if (!verifies(head, platformKey) || !head.treeHead()
			.equals(SignedTreeHead.text(head.treeSize(), head.root(), head.signedAt()))) {
			fail(head.treeSize(), "transparency.broken.signature");
			return;
		}
		heads.computeIfAbsent(head.treeSize(), size -> new ArrayList<>()).add(head);
		if (head.treeSize() == 0 && !head.root().equals(HEX.formatHex(LogTree.emptyRoot()))) {
			fail(0L, "transparency.broken.root");
		}
	}

	void leaf(LogLeaf leaf) {
		if (broken != null) {
			return;
		}
		if (leaf.index() != expected) {
			fail(expected, "transparency.broken.gap");
			return;
		}
		byte[] hash = LogTree.leafHash(LogLeaf.canonical(leaf.kind(), leaf.identifier(), leaf.contentHash(),
				leaf.enteredAt()));
		if (!HEX.formatHex(hash).equals(leaf.leafHash())) {
			fail(leaf.index(), "transparency.broken.leaf");
			return;
		}
		push(hash);
		expected++;
		checkRoots();
	}

	/** After the last leaf: heads naming more leaves than there are mean leaves were removed from the end. */
	LogVerification result() {
		if (broken == null && !heads.isEmpty() && heads.lastKey() > expected) {
			fail(expected, "transparency.broken.gap");
		}
		return new LogVerification(broken == null, expected, headsChecked, broken, problem);
	}

	private void push(byte[] leafHash) {
		stack.add(leafHash);
		levels.add(0);
		while (stack.size() >= 2 && levels.get(levels.size() - 1).equals(levels.get(levels.size() - 2))) {
			byte[] right = stack.remove(stack.size() - 1);
			byte[] left = stack.remove(stack.size() - 1);
			int level = levels.remove(levels.size() - 1);
			levels.remove(levels.size() - 1);
			stack.add(LogTree.nodeHash(left, right));
			levels.add(level + 1);
		}
	}

	private void checkRoots() {
		List<SignedTreeHead> due = heads.get(expected);
		if (due == null) {
			return;
		}
		byte[] root = stack.get(stack.size() - 1);
		for (int i = stack.size() - 2; i >= 0; i--) {
			root = LogTree.nodeHash(stack.get(i), root);
		}
		for (SignedTreeHead head : due) {
			headsChecked++;
			if (!Arrays.equals(root, HEX.parseHex(head.root()))) {
				fail(expected, "transparency.broken.root");
			}
		}
		heads.remove(expected);
	}

	private void fail(long at, String why) {
		if (broken == null) {
			broken = at;
			problem = why;
		}
	}

	static boolean verifies(SignedTreeHead head, PublicKey key) {
		try {
			Signature verifier = Signature.getInstance("SM3withSM2", BC);
			verifier.setParameter(new SM2ParameterSpec(SM2_ID));
			verifier.initVerify(key);
			verifier.update(head.bytes());
			return verifier.verify(Base64.getDecoder().decode(head.signature()));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	static PublicKey publicKey(String pem) {
		try {
			return CertificateFactory.getInstance("X.509", BC)
				.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
				.getPublicKey();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The platform certificate cannot be read", e);
		}
	}
}
