package org.yiwang.pki;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.springframework.stereotype.Service;
import org.yiwang.pki.CertificateIssuer.Profile;
import org.yiwang.pki.KeyVault.NewKey;
import org.yiwang.pki.KeyVault.StoredKey;

/**
 * The platform's own keys, made on first start and kept encrypted: the SM2 key that signs receipts and notices
 * (self-signed certificate, published for anyone to check), and the ECDSA root that issues the timestamp
 * authority's certificate. ECDSA, not SM2, for timestamps, because the tools people verify tokens with
 * ({@code openssl ts}) cannot check SM2.
 */
@Service
public class PlatformKeys {

	static final String SIGNING = "platform-sm2";

	static final String ROOT = "platform-root";

	static final String TSA = "platform-tsa";

	private final KeyVault vault;

	private final Clock clock;

	private volatile StoredKey signing;

	private volatile StoredKey root;

	private volatile StoredKey tsa;

	PlatformKeys(KeyVault vault, Clock clock) {
		this.vault = vault;
		this.clock = clock;
	}

	/** Loads the keys, creating any that do not exist yet. Runs at start, outside any transaction. */
	synchronized void ensureCreated() {
		if (tsa != null) {
			return;
		}
		Instant now = clock.instant().minus(Duration.ofMinutes(5)); // verifiers' clocks may lag a little
		signing = vault.findOrCreate(SIGNING, () -> {
			var keys = CertificateIssuer.generate(KeyAlgorithm.SM2);
			return new NewKey(KeyAlgorithm.SM2, keys, CertificateIssuer.selfSigned(
					new X500Name("CN=Yiwang Platform Signing SM2,O=Yiwang,C=CN"), keys, KeyAlgorithm.SM2, Profile.SIGNING,
					now, now.plus(Duration.ofDays(3650))));
		});
		root = vault.findOrCreate(ROOT, () -> {
			var keys = CertificateIssuer.generate(KeyAlgorithm.EC);
			return new NewKey(KeyAlgorithm.EC, keys, CertificateIssuer.selfSigned(
					new X500Name("CN=Yiwang Platform Root CA,O=Yiwang,C=CN"), keys, KeyAlgorithm.EC, Profile.ROOT_CA, now,
					now.plus(Duration.ofDays(7300))));
		});
		StoredKey issuer = root;
		tsa = vault.findOrCreate(TSA, () -> {
			var keys = CertificateIssuer.generate(KeyAlgorithm.EC);
			return new NewKey(KeyAlgorithm.EC, keys, CertificateIssuer.issue(
					new X500Name("CN=Yiwang Timestamp Authority,O=Yiwang,C=CN"), keys.getPublic(), issuer.certificate(),
					issuer.certificate().getSubject(), issuer.privateKey(), KeyAlgorithm.EC, Profile.TIMESTAMPING, now,
					now.plus(Duration.ofDays(1825))));
		});
	}

	/**
	 * Signs with the platform's SM2 key: SM3withSM2, signer ID 1234567812345678, DER SEQUENCE { r, s }. Anyone can
	 * check it with the published certificate:
	 * {@code openssl dgst -sm3 -verify pub.pem -sigopt distid:1234567812345678 -signature sig file}.
	 */
	public byte[] sign(byte[] content) {
		try {
			Signature signer = Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
			signer.setParameter(new SM2ParameterSpec(BouncyCastle.SM2_ID));
			signer.initSign(keys().privateKey());
			signer.update(content);
			return signer.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The platform SM2 key cannot sign", e);
		}
	}

	/** The platform SM2 signing certificate. */
	public CertificateView certificate() {
		try {
			return TrustStore.view(keys().certificate());
		}
		catch (Rejected rejected) {
			throw new IllegalStateException(rejected);
		}
	}

	public String certificatePem() {
		return CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(keys().certificate()));
	}

	/** The platform root CA, which issued the timestamp authority's certificate: the {@code -CAfile} for openssl ts. */
	public String rootCertificatePem() {
		ensureCreated();
		return CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(root.certificate()));
	}

	public String timestampCertificatePem() {
		return CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(timestamping().certificate()));
	}

	org.bouncycastle.cert.X509CertificateHolder signingCertificateHolder() {
		return keys().certificate();
	}

	org.bouncycastle.cert.X509CertificateHolder rootCertificateHolder() {
		ensureCreated();
		return root.certificate();
	}

	StoredKey timestamping() {
		if (tsa == null) {
			ensureCreated();
		}
		return tsa;
	}

	private StoredKey keys() {
		if (tsa == null) {
			ensureCreated();
		}
		return signing;
	}
}
