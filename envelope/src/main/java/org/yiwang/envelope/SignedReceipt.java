package org.yiwang.envelope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A receipt the platform issues: the statement (bidder, trade code, hashes, receive time), its leaf index and audit
 * path in the Merkle tree of its batch, the signed tree head (text, see {@link TreeHead}), the platform's SM2
 * signature over the tree head, and the RFC 3161 token over SHA-256 of the tree head. As a file, the JSON of
 * {@link #toJson()}.
 */
public record SignedReceipt(byte[] statement, long leafIndex, List<byte[]> auditPath, byte[] treeHead,
		byte[] signature, byte[] timestampToken) {

	public static final int MAX_BYTES = 1024 * 1024;

	public SignedReceipt {
		auditPath = List.copyOf(auditPath);
	}

	public TreeHead parsedTreeHead() throws EnvelopeException {
		return TreeHead.parse(treeHead);
	}

	public byte[] toJson() {
		ObjectNode node = Json.object();
		node.put("format", "yiwang-receipt");
		node.put("version", 1);
		node.put("statement", Base64.getEncoder().encodeToString(statement));
		node.put("leafIndex", leafIndex);
		ArrayNode path = node.putArray("auditPath");
		auditPath.forEach(p -> path.add(HexFormat.of().formatHex(p)));
		node.put("treeHead", new String(treeHead, StandardCharsets.UTF_8));
		node.put("signature", Base64.getEncoder().encodeToString(signature));
		node.put("timestampToken", Base64.getEncoder().encodeToString(timestampToken));
		return Json.bytes(node);
	}

	public static SignedReceipt parse(byte[] json) throws EnvelopeException {
		if (json.length > MAX_BYTES) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "a receipt is at most 1 MB");
		}
		Json r = Json.parse(json, EnvelopeException.Problem.BAD_INPUT, "receipt");
		if (!"yiwang-receipt".equals(r.string("format", 40)) || r.number("version", 1, 1) != 1) {
			throw r.fail("not a yiwang-receipt version 1");
		}
		List<byte[]> path = new ArrayList<>();
		var array = r.node().get("auditPath");
		if (array == null || !array.isArray() || array.size() > 64) {
			throw r.fail("auditPath is not an array of at most 64 hashes");
		}
		for (var item : array) {
			if (!item.isString() || !item.stringValue().matches("[0-9a-f]{64}")) {
				throw r.fail("auditPath holds something other than SHA-256 hex");
			}
			path.add(HexFormat.of().parseHex(item.stringValue()));
		}
		return new SignedReceipt(r.base64("statement", 64 * 1024), r.number("leafIndex", 0, Long.MAX_VALUE), path,
				r.string("treeHead", 4096).getBytes(StandardCharsets.UTF_8), r.base64("signature", 1024),
				r.base64("timestampToken", 64 * 1024));
	}
}
