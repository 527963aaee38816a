package org.yiwang.envelope;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/** Signatures the format and receipts use: SM3withSM2 (signer ID 1234567812345678), SHA256withECDSA, SHA256withRSA. */
public final class Signing {

	private Signing() {
	}

	/** The signature algorithm for a signer's public key, or null for a key the format does not sign with. */
	public static String algorithmFor(PublicKey key) {
		if (key instanceof RSAPublicKey) {
			return "SHA256withRSA";
		}
		if (key instanceof ECPublicKey ec) {
			return KeyWrap.isSm2(ec) ? "SM3withSM2" : "SHA256withECDSA";
		}
		return null;
	}

	public static byte[] sign(String algorithm, PrivateKey key, byte[] content) throws GeneralSecurityException {
		Signature signer = Signature.getInstance(algorithm, Crypto.PROVIDER);
		if (algorithm.equals("SM3withSM2")) {
			signer.setParameter(new SM2ParameterSpec(Crypto.SM2_ID));
		}
		signer.initSign(key);
		signer.update(content);
		return signer.sign();
	}

	/** False for a signature that does not match or cannot be decoded. */
	public static boolean verify(String algorithm, PublicKey key, byte[] content, byte[] signature)
			throws GeneralSecurityException {
		Signature verifier = Signature.getInstance(algorithm, Crypto.PROVIDER);
		if (algorithm.equals("SM3withSM2")) {
			verifier.setParameter(new SM2ParameterSpec(Crypto.SM2_ID));
		}
		verifier.initVerify(key);
		verifier.update(content);
		try {
			return verifier.verify(signature);
		}
		catch (java.security.SignatureException e) {
			return false;
		}
	}
}
