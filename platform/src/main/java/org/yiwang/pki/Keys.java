package org.yiwang.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Which key a certificate carries, and whether the platform accepts it: RSA from 2048 bits, ECDSA on P-256, SM2.
 * SM2 keys come as id-ecPublicKey on the sm2p256v1 curve (OpenSSL, BouncyCastle) or, from some CAs, with the SM2
 * OID as the algorithm itself.
 */
final class Keys {

	static final int MIN_RSA_BITS = 2048;

	record Facts(KeyAlgorithm algorithm, int bits) {
	}

	private Keys() {
	}

	static Facts facts(SubjectPublicKeyInfo key) throws Rejected {
		ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
		try {
			if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
				BigInteger modulus = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
				if (modulus.bitLength() < MIN_RSA_BITS) {
					throw new Rejected(VerificationFailure.WEAK_KEY);
				}
				return new Facts(KeyAlgorithm.RSA, modulus.bitLength());
			}
			if (GMObjectIdentifiers.sm2p256v1.equals(algorithm)) {
				return new Facts(KeyAlgorithm.SM2, 256);
			}
			if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
				ASN1Encodable curve = key.getAlgorithm().getParameters();
				if (SECObjectIdentifiers.secp256r1.equals(curve)) {
					return new Facts(KeyAlgorithm.EC, 256);
				}
				if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
					return new Facts(KeyAlgorithm.SM2, 256);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
		}
		throw new Rejected(VerificationFailure.WEAK_KEY);
	}

	static PublicKey publicKey(SubjectPublicKeyInfo key) throws Rejected {
		try {
			return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPublicKey(key);
		}
		catch (PEMException | RuntimeException e) {
			throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
		}
	}
}
