package org.yiwang.pki;

/** The public key algorithms the trust store recognises. */
public enum KeyAlgorithm {

	/** RSA, at least 2048 bits. */
	RSA,
	/** ECDSA on NIST P-256. */
	EC,
	/** SM2 on the curve of GB/T 32918 (sm2p256v1). */
	SM2
}
