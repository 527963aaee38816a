package org.yiwang.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * A certificate and its private key, both PEM (the key PKCS#8), issued by a stand-in CA the platform keeps (the demo
 * CAs) or a demo custodian's key. Only with demo data on: a real entity gets its key from a real CA and never through
 * the platform.
 */
public record IssuedCredentials(String certificatePem, String privateKeyPem, CertificateView certificate) {

	/** The raw signature algorithm that fits this certificate's key (SM3withSM2 for SM2, as the demo CA issues). */
	public SignatureAlgorithm signatureAlgorithm() {
		return switch (certificate.keyAlgorithm()) {
			case SM2 -> SignatureAlgorithm.SM3_WITH_SM2;
			case EC -> SignatureAlgorithm.SHA256_WITH_ECDSA;
			case RSA -> SignatureAlgorithm.SHA256_WITH_RSA;
		};
	}

	/**
	 * A detached signature over the content with this key, as {@code openssl dgst -sign} or the bid tool would
	 * make it (SM2 with signer ID 1234567812345678): so the demo seed can sign what a real entity signs off the platform.
	 */
	public byte[] sign(byte[] content) {
		SignatureAlgorithm algorithm = signatureAlgorithm();
		try {
			String base64 = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			var key = KeyFactory.getInstance(algorithm == SignatureAlgorithm.SHA256_WITH_RSA ? "RSA" : "EC",
					BouncyCastle.PROVIDER)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			Signature signer = Signature.getInstance(algorithm.jcaName(), BouncyCastle.PROVIDER);
			if (algorithm == SignatureAlgorithm.SM3_WITH_SM2) {
				signer.setParameter(new SM2ParameterSpec(BouncyCastle.SM2_ID));
			}
			signer.initSign(key);
			signer.update(content);
			return signer.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The demo key cannot sign", e);
		}
	}

	public byte[] certificateBytes() {
		return certificatePem.getBytes(StandardCharsets.US_ASCII);
	}
}
