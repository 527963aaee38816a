package org.yiwang.envelope;

import java.nio.charset.StandardCharsets;

/** The fixed parts of the format (docs/envelope-format.md). */
public final class Envelope {

	/** The first 8 bytes of every envelope. */
	public static final byte[] MAGIC = "YWSEALED".getBytes(StandardCharsets.US_ASCII);

	/** The format version this code writes and reads. */
	public static final int VERSION = 1;

	/** Bytes before the header: magic (8), version (2), header length (4). */
	public static final int PREAMBLE_BYTES = 14;

	public static final int MAX_HEADER_BYTES = 64 * 1024;

	public static final int MAX_SIGNATURE_BYTES = 1024;

	/** Prefix of the 76 bytes the bidder signs: this, then SM3 and SHA-256 of everything before the signature. */
	public static final byte[] SIGNATURE_CONTEXT = "YWSEALED-SIG".getBytes(StandardCharsets.US_ASCII);

	/** Content archive entry kinds. */
	public static final int ENTRY_PRICE_SHEET = 1;

	public static final int ENTRY_EVIDENCE = 2;

	public static final int ENTRY_FILE = 3;

	public static final String PRICE_SHEET_NAME = "price-sheet.json";

	public static final String EVIDENCE_NAME = "evidence.json";

	private Envelope() {
	}

	static byte[] toBeSigned(byte[] sm3, byte[] sha256) {
		byte[] tbs = new byte[SIGNATURE_CONTEXT.length + 64];
		System.arraycopy(SIGNATURE_CONTEXT, 0, tbs, 0, SIGNATURE_CONTEXT.length);
		System.arraycopy(sm3, 0, tbs, SIGNATURE_CONTEXT.length, 32);
		System.arraycopy(sha256, 0, tbs, SIGNATURE_CONTEXT.length + 32, 32);
		return tbs;
	}

	/** The 12-byte nonce of chunk {@code index}: prefix (7) || index (4, big-endian) || 1 for the last chunk, else 0. */
	static byte[] nonce(byte[] prefix, long index, boolean last) {
		byte[] nonce = new byte[ContentCipher.NONCE_BYTES];
		System.arraycopy(prefix, 0, nonce, 0, EnvelopeHeader.NONCE_PREFIX_BYTES);
		nonce[7] = (byte) (index >>> 24);
		nonce[8] = (byte) (index >>> 16);
		nonce[9] = (byte) (index >>> 8);
		nonce[10] = (byte) index;
		nonce[11] = (byte) (last ? 1 : 0);
		return nonce;
	}
}
