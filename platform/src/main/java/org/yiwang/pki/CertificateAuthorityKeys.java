package org.yiwang.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.pki.CertificateIssuer.Profile;
import org.yiwang.pki.KeyVault.NewKey;
import org.yiwang.pki.KeyVault.StoredKey;
import org.yiwang.system.RegionScopes;

/**
 * What a stand-in CA (the demo module's) needs from pki, and nothing more: a root key kept in the key vault and trusted
 * with origin {@code demo}, and certificates it issues. Deny by default: only with {@code yiwang.demo=true}, only keys
 * named {@code demo-ca-*} (never the platform's own keys), and {@code yiwang.demo=false} withdraws every such root.
 */
@Service
public class CertificateAuthorityKeys {

	private static final Logger log = LoggerFactory.getLogger(CertificateAuthorityKeys.class);

	/** The names a stand-in CA's key may have in the vault. */
	public static final String NAME_PREFIX = "demo-ca-";

	static final String ORIGIN = "demo";

	private final KeyVault vault;

	private final TrustStore trustStore;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean demo;

	CertificateAuthorityKeys(KeyVault vault, TrustStore trustStore, TransactionTemplate transactions, Clock clock,
			@Value("${yiwang.demo:true}") boolean demo) {
		this.vault = vault;
		this.trustStore = trustStore;
		this.transactions = transactions;
		this.clock = clock;
		this.demo = demo;
	}

	/**
	 * The stand-in root CA under this name, made once (self-signed, ten years) and trusted (again, if it was withdrawn).
	 * Call outside any transaction.
	 */
	public CertificateView ensureRoot(String name, KeyAlgorithm algorithm, String commonName) {
		allowed(name);
		StoredKey ca = vault.findOrCreate(name, () -> {
			Instant now = clock.instant().minus(Duration.ofMinutes(5));
			var keys = CertificateIssuer.generate(algorithm);
			return new NewKey(algorithm, keys, CertificateIssuer.selfSigned(
					new X500Name("CN=" + commonName + ",O=Yiwang Demo (not for production),C=CN"), keys, algorithm,
					Profile.ROOT_CA, now, now.plus(Duration.ofDays(3650))));
		});
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> trustStore.trustOwn(ca.certificate(), ORIGIN)));
		return viewOf(ca);
	}

	/** The stand-in root's certificate, PEM; refused when it was never made. */
	public String rootPem(String name) {
		return CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(root(name).certificate()));
	}

	/**
	 * A fresh key pair of the algorithm and a two-year signing certificate for an entity (its name and unified social
	 * credit code in the subject), issued by the stand-in root {@code caName}.
	 */
	public IssuedCredentials issueSigning(String caName, String entityName, String creditCode, KeyAlgorithm algorithm) {
		StoredKey ca = root(caName);
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
			.addRDN(BCStyle.C, "CN")
			.addRDN(BCStyle.O, entityName)
			.addRDN(CreditCodes.ORGANIZATION_IDENTIFIER, creditCode)
			.addRDN(BCStyle.CN, entityName)
			.build();
		Instant now = clock.instant().minus(Duration.ofMinutes(5));
		var keys = CertificateIssuer.generate(algorithm);
		var certificate = CertificateIssuer.issue(subject, keys.getPublic(), ca.certificate(), ca.certificate().getSubject(),
				ca.privateKey(), ca.algorithm(), Profile.SIGNING, now, now.plus(Duration.ofDays(730)));
		try {
			return new IssuedCredentials(CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(certificate)),
					CertificateBytes.pem("PRIVATE KEY", keys.getPrivate().getEncoded()), TrustStore.view(certificate));
		}
		catch (Rejected rejected) {
			throw new IllegalStateException(rejected);
		}
	}

	/** A fresh SM2 key pair with a two-year encryption certificate from the SM2 stand-in root, for a demo custodian. */
	NewKey encryptionKey(String caName, X500Name subject) {
		StoredKey ca = root(caName);
		Instant now = clock.instant().minus(Duration.ofMinutes(5));
		var keys = CertificateIssuer.generate(KeyAlgorithm.SM2);
		return new NewKey(KeyAlgorithm.SM2, keys, CertificateIssuer.issue(subject, keys.getPublic(), ca.certificate(),
				ca.certificate().getSubject(), ca.privateKey(), ca.algorithm(), Profile.ENCRYPTION, now,
				now.plus(Duration.ofDays(730))));
	}

	/** What {@code yiwang.demo=false} does at start: the stand-in roots, and whatever they issued, are no longer trusted. */
	int withdrawAll() {
		int withdrawn = RegionScopes.callAsPlatform(
				() -> transactions.execute(status -> trustStore.withdraw(ORIGIN, "yiwang.demo=false")));
		if (withdrawn > 0) {
			log.info("Withdrew {} demo CAs from the trust store (yiwang.demo=false)", withdrawn);
		}
		return withdrawn;
	}

	private StoredKey root(String name) {
		allowed(name);
		// Made at start by the stand-in CA; making it here would open a transaction inside the caller's.
		return vault.find(name).orElseThrow(() -> new IllegalStateException("No stand-in CA " + name + " was made"));
	}

	private void allowed(String name) {
		if (!demo) {
			throw new IllegalStateException("Stand-in CAs exist only with yiwang.demo=true");
		}
		if (name == null || !name.startsWith(NAME_PREFIX)) {
			throw new IllegalArgumentException("A stand-in CA's key is named " + NAME_PREFIX + "*, not " + name);
		}
	}

	private static CertificateView viewOf(StoredKey key) {
		try {
			return TrustStore.view(key.certificate());
		}
		catch (Rejected rejected) {
			throw new IllegalStateException(rejected);
		}
	}
}
