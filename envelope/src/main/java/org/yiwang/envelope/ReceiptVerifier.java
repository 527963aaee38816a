package org.yiwang.envelope;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a platform receipt offline: the statement's inclusion under the tree head, the platform's SM2 signature
 * over the tree head, and the RFC 3161 token over SHA-256 of the tree head, issued by a TSA certificate the given
 * CA signed.
 */
public final class ReceiptVerifier {

	/**
	 * @param problem null when all three hold; else what does not
	 * @param timestampTime the TSA's time when the token is valid
	 */
	public record Result(boolean inclusion, boolean signature, boolean timestamp, Instant timestampTime, TreeHead treeHead,
			String problem) {

		public boolean valid() {
			return inclusion && signature && timestamp;
		}
	}

	private ReceiptVerifier() {
	}

	public static Result verify(SignedReceipt receipt, PublicKey platformKey, X509Certificate tsaCa) {
		TreeHead head;
		try {
			head = receipt.parsedTreeHead();
		}
		catch (EnvelopeException e) {
			return new Result(false, false, false, null, null, "the tree head is malformed");
		}
		boolean inclusion = MerkleTree.verify(MerkleTree.leafHash(receipt.statement()), receipt.leafIndex(),
				head.treeSize(), receipt.auditPath(), head.root());
		boolean signature;
		try {
			signature = Signing.verify("SM3withSM2", platformKey, receipt.treeHead(), receipt.signature());
		}
		catch (GeneralSecurityException | RuntimeException e) {
			signature = false;
		}
		Instant time = null;
		String tsaProblem = null;
		try {
			time = timestamp(receipt.timestampToken(), Crypto.sha256(receipt.treeHead()), tsaCa);
		}
		catch (Exception e) {
			tsaProblem = "the timestamp token does not hold: " + e.getMessage();
		}
		String problem = !inclusion ? "the statement is not included under the tree head"
				: !signature ? "the platform signature over the tree head does not match"
						: tsaProblem;
		return new Result(inclusion, signature, time != null, time, head, problem);
	}

	/** The token's time, when it timestamps {@code sha256} and its signer was issued by {@code ca}. */
	public static Instant timestamp(byte[] token, byte[] sha256, X509Certificate ca) throws Exception {
		TimeStampToken tst = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
		if (!Arrays.equals(tst.getTimeStampInfo().getMessageImprintDigest(), sha256)) {
			throw new IllegalArgumentException("it timestamps other bytes");
		}
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> signers = tst.getCertificates().getMatches(tst.getSID());
		if (signers.isEmpty()) {
			throw new IllegalArgumentException("it carries no TSA certificate");
		}
		X509CertificateHolder tsa = signers.iterator().next();
		if (!tsa.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Crypto.PROVIDER).build(ca))) {
			throw new IllegalArgumentException("its TSA certificate was not issued by the given CA");
		}
		tst.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.PROVIDER).build(tsa));
		return tst.getTimeStampInfo().getGenTime().toInstant();
	}
}
