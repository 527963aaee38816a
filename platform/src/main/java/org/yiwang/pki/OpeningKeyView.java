package org.yiwang.pki;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A section's opening key as the platform keeps it: the public key bids are sealed to, and the custodians' shares
 * of the private key, each encrypted to one custodian's certificate. The private key itself is nowhere.
 *
 * @param publicKeyDer SubjectPublicKeyInfo DER of the SM2 public key
 * @param keyId SHA-256 of {@code publicKeyDer}, lower-case hex: how envelopes name it as a recipient
 * @param threshold how many shares reassemble the private key
 * @param shareCount how many shares there are (n)
 */
public record OpeningKeyView(UUID id, String label, String publicKeyPem, byte[] publicKeyDer, String keyId,
		int threshold, int shareCount, List<Share> shares, Instant createdAt) {

	/**
	 * @param index the share's x coordinate (1..n)
	 * @param encryptedShare the Shamir share ({@code x || y}) encrypted to the custodian's certificate with
	 * {@code org.yiwang.envelope.KeyWrap} (SM2 encryption, GM/T 0009 DER, for SM2 certificates)
	 */
	public record Share(int index, String custodian, String certificateFingerprint, byte[] encryptedShare) {
	}
}
