package org.yiwang.pki;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Small values another module keeps secret in its own tables until it may disclose them (a sealed auction price):
 * AES-256-GCM under a key derived, per purpose, from the same secret that protects the platform's private keys
 * ({@code yiwang.pki.key-secret}), which is never in the database. A database dump alone opens nothing; the context
 * (a row's identity) is authenticated, so a sealed value copied into another row does not open.
 */
@Component
public class SealedValues {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyVault vault;

	SealedValues(KeyVault vault) {
		this.vault = vault;
	}

	/** {@code plain} encrypted for {@code purpose}, bound to {@code context}: 12 bytes of nonce, then the ciphertext. */
	public byte[] seal(String purpose, String context, byte[] plain) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(purpose), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Opens what {@link #seal} made for the same purpose and context; fails if either differs or it was altered. */
	public byte[] open(String purpose, String context, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(purpose), new GCMParameterSpec(128, sealed, 0, 12));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, 12, sealed.length - 12);
		}
		catch (AEADBadTagException e) {
			throw new IllegalStateException("A sealed " + purpose + " does not open: altered, moved to another row, or "
					+ "sealed under another key secret", e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private SecretKey key(String purpose) {
		return vault.derivedKey(purpose);
	}
}
