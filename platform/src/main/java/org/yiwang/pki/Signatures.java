package org.yiwang.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.Supplier;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks signatures other modules receive (bids, expert scores, documents): a raw signature with the signer's
 * certificate, or a detached CMS/PKCS#7 signature carrying it. The answer says who signed, or precisely why the
 * signature is not accepted; it never throws for bad input.
 */
@Service
public class Signatures {

	/** Signature containers are small; content may be a document. */
	public static final int MAX_SIGNATURE_BYTES = 64 * 1024;

	private final TrustStore trustStore;

	private final TransactionTemplate reads;

	Signatures(TrustStore trustStore, PlatformTransactionManager transactions) {
		this.trustStore = trustStore;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/**
	 * A raw signature ({@code openssl dgst -sign} output) over {@code content} by the holder of {@code certificate}
	 * (PEM or DER), which must be valid in the trust store now.
	 */
	public SignatureVerification verify(byte[] content, byte[] signature, byte[] certificate,
			SignatureAlgorithm algorithm) {
		return verify(() -> new ByteArrayInputStream(content), signature, certificate, algorithm);
	}

	/**
	 * A raw signature over content read from a stream (a tender document, possibly gigabytes: read in chunks, never
	 * whole), by the holder of {@code certificate}, which must be valid in the trust store now. The pass over the
	 * content runs outside any transaction; only the trust decision reads the database.
	 */
	public SignatureVerification verify(Supplier<InputStream> content, byte[] signature, byte[] certificate,
			SignatureAlgorithm algorithm) {
		String name = algorithm.jcaName();
		X509CertificateHolder holder;
		CertificateView signer;
		try {
			holder = CertificateBytes.certificate(certificate);
			signer = TrustStore.view(holder);
		}
		catch (Rejected rejected) {
			return SignatureVerification.failed(null, rejected.failure(), null, name);
		}
		if (signer.keyAlgorithm() != algorithm.keyAlgorithm()) {
			return SignatureVerification.failed(signer, VerificationFailure.ALGORITHM_MISMATCH, null, name);
		}
		if (signature == null || signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
			return SignatureVerification.failed(signer, VerificationFailure.MALFORMED_SIGNATURE, null, name);
		}
		try (InputStream in = content.get()) {
			if (!algorithm.verify(Keys.publicKey(holder.getSubjectPublicKeyInfo()), in, signature)) {
				return SignatureVerification.failed(signer, VerificationFailure.SIGNATURE_MISMATCH, null, name);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The signed content cannot be read", e);
		}
		catch (SignatureException | RuntimeException e) {
			return SignatureVerification.failed(signer, VerificationFailure.MALFORMED_SIGNATURE, null, name);
		}
		catch (InvalidKeyException e) {
			return SignatureVerification.failed(signer, VerificationFailure.ALGORITHM_MISMATCH, null, name);
		}
		catch (Rejected rejected) {
			return SignatureVerification.failed(signer, rejected.failure(), null, name);
		}
		String checkedName = name;
		return reads.execute(status -> trusted(holder, signer, checkedName));
	}

	/**
	 * A detached CMS (PKCS#7) SignedData over {@code content}, DER or PEM, with the signer's certificate inside it;
	 * RSA, ECDSA and SM2 signers. The first signer is checked.
	 */
	@Transactional(readOnly = true)
	public SignatureVerification verifyCms(byte[] content, byte[] cms) {
		String name = "CMS";
		if (cms == null || cms.length == 0 || cms.length > MAX_SIGNATURE_BYTES) {
			return SignatureVerification.failed(null, VerificationFailure.MALFORMED_SIGNATURE, null, name);
		}
		SignerInformation signerInfo;
		X509CertificateHolder holder;
		try {
			CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), der(cms));
			Iterator<SignerInformation> signers = signed.getSignerInfos().getSigners().iterator();
			if (!signers.hasNext()) {
				return SignatureVerification.failed(null, VerificationFailure.MALFORMED_SIGNATURE, null, name);
			}
			signerInfo = signers.next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signerInfo.getSID());
			if (matches.isEmpty()) {
				return SignatureVerification.failed(null, VerificationFailure.MALFORMED_CERTIFICATE, null, name);
			}
			holder = matches.iterator().next();
		}
		catch (CMSException | RuntimeException e) {
			return SignatureVerification.failed(null, VerificationFailure.MALFORMED_SIGNATURE, null, name);
		}
		CertificateView signer;
		try {
			signer = TrustStore.view(holder);
		}
		catch (Rejected rejected) {
			return SignatureVerification.failed(null, rejected.failure(), null, name);
		}
		name = "CMS/" + signer.keyAlgorithm();
		try {
			if (!signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(holder))) {
				return SignatureVerification.failed(signer, VerificationFailure.SIGNATURE_MISMATCH, null, name);
			}
		}
		catch (CMSSignerDigestMismatchException e) {
			return SignatureVerification.failed(signer, VerificationFailure.SIGNATURE_MISMATCH, null, name);
		}
		catch (Exception e) {
			return SignatureVerification.failed(signer, VerificationFailure.MALFORMED_SIGNATURE, null, name);
		}
		return trusted(holder, signer, name);
	}

	private SignatureVerification trusted(X509CertificateHolder holder, CertificateView signer, String name) {
		try {
			trustStore.validate(holder);
			return SignatureVerification.valid(signer, name);
		}
		catch (Rejected rejected) {
			return SignatureVerification.failed(signer, rejected.failure(), rejected.revokedAt(), name);
		}
	}

	/** PEM ("-----BEGIN PKCS7-----" or "CMS") to DER; DER as it is. */
	private static byte[] der(byte[] cms) {
		if (cms[0] == 0x30) {
			return cms;
		}
		String text = new String(cms, java.nio.charset.StandardCharsets.US_ASCII);
		String body = text.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
		return java.util.Base64.getDecoder().decode(body);
	}
}
