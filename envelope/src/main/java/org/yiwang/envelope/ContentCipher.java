package org.yiwang.envelope;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The symmetric ciphers content is encrypted with, each in GCM mode with a 128-bit tag. */
public enum ContentCipher {

	/** AES with a 256-bit key (NIST SP 800-38D GCM). */
	AES_256_GCM("AES-256-GCM", "AES", 32),
	/** SM4 (GB/T 32907) with its 128-bit key, in GCM mode. */
	SM4_GCM("SM4-GCM", "SM4", 16);

	public static final int TAG_BYTES = 16;

	public static final int NONCE_BYTES = 12;

	private final String label;

	private final String algorithm;

	private final int keyBytes;

	ContentCipher(String label, String algorithm, int keyBytes) {
		this.label = label;
		this.algorithm = algorithm;
		this.keyBytes = keyBytes;
	}

	/** The name in the header: {@code AES-256-GCM} or {@code SM4-GCM}. */
	public String label() {
		return label;
	}

	public int keyBytes() {
		return keyBytes;
	}

	public static ContentCipher ofLabel(String label) {
		for (ContentCipher cipher : values()) {
			if (cipher.label.equalsIgnoreCase(label) || cipher.name().equalsIgnoreCase(label)) {
				return cipher;
			}
		}
		return null;
	}

	Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
		Cipher cipher = this == AES_256_GCM ? Cipher.getInstance("AES/GCM/NoPadding")
				: Cipher.getInstance("SM4/GCM/NoPadding", Crypto.PROVIDER);
		cipher.init(mode, new SecretKeySpec(key, algorithm), new GCMParameterSpec(TAG_BYTES * 8, nonce));
		cipher.updateAAD(aad);
		return cipher;
	}
}
