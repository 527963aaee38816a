package org.yiwang.bidtool;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import tools.jackson.databind.JsonNode;

/**
 * Checks the transparency log's answers following docs/transparency-log.md and RFC 9162 only (this tool shares no
 * code with the platform): a signed tree head's text and SM2 signature, a leaf's hash from its fields, an inclusion
 * proof (RFC 9162 2.1.3.2) and a consistency proof (2.1.4.2). Every method answers what is wrong, empty when nothing.
 */
final class LogProofs {

	private static final Provider BC = new BouncyCastleProvider();

	private static final byte[] SM2_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern TREE_HEAD = Pattern
		.compile("yiwang-log-tree-head v1\ntree-size: (\\d{1,18})\nroot: ([0-9a-f]{64})\ntime: (\\S{20,40})\n");

	private static final HexFormat HEX = HexFormat.of();

	/** A tree head as read from its signed text (never from the JSON fields beside it). */
	record TreeHead(long size, byte[] root, String time) {
	}

	private LogProofs() {
	}

	static PublicKey platformKey(byte[] pem) throws GeneralSecurityException {
		return CertificateFactory.getInstance("X.509", BC).generateCertificate(new ByteArrayInputStream(pem)).getPublicKey();
	}

	/** The signed head's own text, once its SM2 signature holds and its JSON fields agree with it. */
	static TreeHead treeHead(JsonNode sth, PublicKey platform, List<String> problems) {
		String text = text(sth, "treeHead");
		Matcher m = TREE_HEAD.matcher(text);
		if (!m.matches()) {
			problems.add("the tree head is not a yiwang-log-tree-head v1 text");
			return null;
		}
		try {
			Signature verifier = Signature.getInstance("SM3withSM2", BC);
			verifier.setParameter(new SM2ParameterSpec(SM2_ID));
			verifier.initVerify(platform);
			verifier.update(text.getBytes(StandardCharsets.UTF_8));
			if (!verifier.verify(Base64.getDecoder().decode(text(sth, "signature")))) {
				problems.add("the platform's SM2 signature over the tree head does not verify");
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			problems.add("the platform's SM2 signature over the tree head cannot be checked: " + e.getMessage());
		}
		TreeHead head = new TreeHead(Long.parseLong(m.group(1)), HEX.parseHex(m.group(2)), m.group(3));
		if (sth.path("treeSize").asLong(-1) != head.size() || !HEX.formatHex(head.root()).equals(text(sth, "root"))) {
			problems.add("the tree head's treeSize or root field differs from its signed text");
		}
		return head;
	}

	/** SHA-256(0x00 || the leaf's five lines), recomputed from its fields. */
	static byte[] leafHash(JsonNode leaf) {
		String canonical = "yiwang-log-leaf v1\nkind: " + text(leaf, "kind") + "\nid: " + text(leaf, "identifier")
				+ "\nsha256: " + text(leaf, "contentHash") + "\ntime: " + text(leaf, "enteredAt") + "\n";
		return digest(new byte[] { 0 }, canonical.getBytes(StandardCharsets.UTF_8));
	}

	static boolean inclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = node(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	static boolean consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		if (first < 1 || first > second || proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstRoot);
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = node(c, fr);
				sr = node(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
	}

	static List<byte[]> hashes(JsonNode array) {
		List<byte[]> hashes = new ArrayList<>();
		for (JsonNode h : array) {
			hashes.add(HEX.parseHex(h.asString()));
		}
		return hashes;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("the field " + field + " is missing");
		}
		return value.asString();
	}

	static byte[] sha256(byte[] data) {
		return digest(data);
	}

	static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	private static byte[] node(byte[] left, byte[] right) {
		return digest(new byte[] { 1 }, left, right);
	}

	private static byte[] digest(byte[]... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				sha.update(part);
			}
			return sha.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
