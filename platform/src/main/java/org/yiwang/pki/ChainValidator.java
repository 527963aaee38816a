package org.yiwang.pki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Certificate path validation done with BouncyCastle for all three algorithms alike: the JDK's PKIX validator does
 * not know SM3withSM2. From the certificate, each step finds a trusted CA whose subject is the issuer name and whose
 * key verifies the signature, until a trusted self-signed root. Then every certificate on the path must be within
 * its validity at {@code at}, and none may be on a revocation list its issuer signed. A CA without a CRL in the
 * trust store is taken as revoking nothing: CRLs are what the administrator uploads.
 */
final class ChainValidator {

	private static final int MAX_DEPTH = 8;

	/**
	 * Certificate signatures found valid, as "certificate fingerprint>issuer fingerprint": a valid signature stays
	 * valid, so a bidder's certificate (and its CA's self-signature) is verified once, not at every bid. Trust,
	 * validity and revocation are still decided at every call. Emptied when full.
	 */
	private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

	private static final int MAX_VERIFIED = 20_000;

	/** A trusted CA certificate and its SHA-256 fingerprint. */
	record Anchor(X509CertificateHolder certificate, String fingerprint) {
	}

	/** A revocation list whose signature was checked, on upload, against the CA with this fingerprint. */
	record Revocations(X509CRLHolder crl, String issuerFingerprint) {
	}

	private ChainValidator() {
	}

	/** The path from {@code certificate} (first) to a trusted root (last). */
	static List<Anchor> validate(X509CertificateHolder certificate, List<Anchor> trusted, List<Revocations> crls,
			Instant at) throws Rejected {
		Keys.facts(certificate.getSubjectPublicKeyInfo());
		List<Anchor> path = path(certificate, trusted);
		for (Anchor step : path) {
			within(step.certificate(), at);
		}
		for (int i = 0; i < path.size() - 1; i++) {
			notRevoked(path.get(i).certificate(), path.get(i + 1).fingerprint(), crls, at);
		}
		return path;
	}

	private static List<Anchor> path(X509CertificateHolder certificate, List<Anchor> trusted) throws Rejected {
		List<Anchor> path = new ArrayList<>();
		Anchor current = new Anchor(certificate, CertificateBytes.fingerprint(encoded(certificate)));
		path.add(current);
		for (int depth = 0; depth < MAX_DEPTH; depth++) {
			if (isSelfSigned(current.certificate())) {
				if (trusted.stream().anyMatch(t -> t.fingerprint().equals(path.get(path.size() - 1).fingerprint()))) {
					return path;
				}
				throw new Rejected(VerificationFailure.UNTRUSTED_ISSUER);
			}
			Anchor issuer = issuerOf(current.certificate(), trusted, path.size() - 1);
			if (issuer == null) {
				throw new Rejected(VerificationFailure.UNTRUSTED_ISSUER);
			}
			path.add(issuer);
			current = issuer;
		}
		throw new Rejected(VerificationFailure.UNTRUSTED_ISSUER);
	}

	/** A trusted CA that may issue certificates and whose key verifies this one; {@code below} CAs sit under it. */
	private static Anchor issuerOf(X509CertificateHolder certificate, List<Anchor> trusted, int below) {
		for (Anchor candidate : trusted) {
			X509CertificateHolder ca = candidate.certificate();
			if (ca.getSubject().equals(certificate.getIssuer()) && mayIssue(ca, below) && signedBy(certificate, ca)) {
				return candidate;
			}
		}
		return null;
	}

	static boolean mayIssue(X509CertificateHolder ca, int below) {
		BasicConstraints constraints = BasicConstraints.fromExtensions(ca.getExtensions());
		if (constraints == null) {
			// X.509 v1 roots carry no extensions; they are trusted only as self-signed roots uploaded on purpose.
			return ca.getVersionNumber() == 1 && isSelfSigned(ca);
		}
		if (!constraints.isCA()) {
			return false;
		}
		if (constraints.getPathLenConstraint() != null && below > constraints.getPathLenConstraint().intValue()) {
			return false;
		}
		KeyUsage usage = KeyUsage.fromExtensions(ca.getExtensions());
		return usage == null || usage.hasUsages(KeyUsage.keyCertSign);
	}

	static boolean isSelfSigned(X509CertificateHolder certificate) {
		return certificate.getSubject().equals(certificate.getIssuer()) && signedBy(certificate, certificate);
	}

	static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
		// both named by the SHA-256 of their whole encoding (signature included): no other pair can share the key
		String pair = CertificateBytes.fingerprint(encoded(certificate)) + ">"
				+ CertificateBytes.fingerprint(encoded(issuer));
		if (VERIFIED.containsKey(pair)) {
			return true;
		}
		boolean valid;
		try {
			valid = certificate.isSignatureValid(
					new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer));
		}
		catch (Exception e) {
			return false;
		}
		if (valid) {
			if (VERIFIED.size() >= MAX_VERIFIED) {
				VERIFIED.clear();
			}
			VERIFIED.put(pair, Boolean.TRUE);
		}
		return valid;
	}

	static boolean crlSignedBy(X509CRLHolder crl, X509CertificateHolder issuer) {
		try {
			return crl.getIssuer().equals(issuer.getSubject()) && crl.isSignatureValid(
					new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer));
		}
		catch (Exception e) {
			return false;
		}
	}

	private static void within(X509CertificateHolder certificate, Instant at) throws Rejected {
		if (at.isBefore(certificate.getNotBefore().toInstant())) {
			throw new Rejected(VerificationFailure.NOT_YET_VALID);
		}
		if (at.isAfter(certificate.getNotAfter().toInstant())) {
			throw new Rejected(VerificationFailure.EXPIRED);
		}
	}

	private static void notRevoked(X509CertificateHolder certificate, String issuerFingerprint,
			List<Revocations> crls, Instant at) throws Rejected {
		for (Revocations list : crls) {
			if (!list.issuerFingerprint().equals(issuerFingerprint)) {
				continue;
			}
			X509CRLEntryHolder entry = list.crl().getRevokedCertificate(certificate.getSerialNumber());
			if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
				throw new Rejected(VerificationFailure.REVOKED, entry.getRevocationDate().toInstant());
			}
		}
	}

	static byte[] encoded(X509CertificateHolder certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
