package org.yiwang.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the platform's own keys and certificates (platform signing key, platform root, TSA, demo CAs and their
 * demo entities). SM2 certificates are signed with SM3withSM2 under the default signer ID, as OpenSSL's
 * {@code -vfyopt distid:1234567812345678} expects.
 */
final class CertificateIssuer {

	enum Profile {
		ROOT_CA, TIMESTAMPING, SIGNING, ENCRYPTION
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateIssuer() {
	}

	static KeyPair generate(KeyAlgorithm algorithm) {
		try {
			return switch (algorithm) {
				case RSA -> {
					KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
					rsa.initialize(2048, RANDOM);
					yield rsa.generateKeyPair();
				}
				case EC -> ec("secp256r1");
				case SM2 -> ec("sm2p256v1");
			};
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
		}
	}

	private static KeyPair ec(String curve) throws GeneralSecurityException {
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
		ec.initialize(new ECGenParameterSpec(curve), RANDOM);
		return ec.generateKeyPair();
	}

	static String signatureAlgorithm(KeyAlgorithm signingKey) {
		return switch (signingKey) {
			case RSA -> "SHA256withRSA";
			case EC -> "SHA256withECDSA";
			case SM2 -> "SM3withSM2";
		};
	}

	static X509CertificateHolder selfSigned(X500Name name, KeyPair keys, KeyAlgorithm algorithm, Profile profile,
			Instant notBefore, Instant notAfter) {
		return issue(name, keys.getPublic(), null, name, keys.getPrivate(), algorithm, profile, notBefore, notAfter);
	}

	/**
	 * @param issuer the issuing CA's certificate; null for a self-signed one
	 */
	static X509CertificateHolder issue(X500Name subject, PublicKey subjectKey, X509CertificateHolder issuer,
			X500Name issuerName, PrivateKey issuerKey, KeyAlgorithm issuerAlgorithm, Profile profile, Instant notBefore,
			Instant notAfter) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
					new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
					subjectKey);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
			if (issuer != null) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
			}
			switch (profile) {
				case ROOT_CA -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
					builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				}
				case TIMESTAMPING -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
					// RFC 3161 2.3: the TSA certificate carries exactly this one critical extended key usage.
					builder.addExtension(Extension.extendedKeyUsage, true,
							new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
				}
				case SIGNING -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
				}
				case ENCRYPTION -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
				}
			}
			return builder.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerAlgorithm))
				.setProvider(BouncyCastle.PROVIDER).build(issuerKey));
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
		}
	}
}
