package org.yiwang.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.springframework.stereotype.Service;
import org.yiwang.pki.KeyVault.StoredKey;

/**
 * The platform's RFC 3161 timestamp authority: proves that a digest (of a bid, a notice, a receipt) existed at the
 * time of the platform's one clock. Tokens are signed with ECDSA P-256 by a certificate the platform root issued,
 * so {@code openssl ts -verify -CAfile} checks them.
 */
@Service
public class TimestampAuthority {

	/**
	 * The TSA policy. An OID under 2.25 (X.667, derived from a random UUID) needs no registration and clashes with
	 * nobody's; a registered arc can replace it once the center has one.
	 */
	static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.277488028041870617587923265885196367095");

	/** Requests are tiny (a hash and a nonce); anything larger is not a timestamp query. */
	public static final int MAX_REQUEST_BYTES = 4 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PlatformKeys keys;

	private final Clock clock;

	TimestampAuthority(PlatformKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Answers a DER TimeStampReq with a DER TimeStampResp, as {@code POST application/timestamp-query} does. A request
	 * that cannot be read, or asks for a hash the authority does not accept, gets a rejection response, not an error.
	 */
	public byte[] respond(byte[] request) {
		try {
			TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens(), TSPAlgorithms.ALLOWED);
			TimeStampRequest parsed;
			try {
				if (request == null || request.length == 0 || request.length > MAX_REQUEST_BYTES) {
					throw new IOException("no request");
				}
				parsed = new TimeStampRequest(request);
			}
			catch (IOException | RuntimeException e) {
				return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
						"not a DER TimeStampReq").getEncoded();
			}
			// A random 127-bit serial is unique without coordination between nodes.
			TimeStampResponse response = responses.generate(parsed, new BigInteger(127, RANDOM).add(BigInteger.ONE),
					Date.from(clock.instant()));
			return response.getEncoded();
		}
		catch (TSPException | IOException e) {
			throw new IllegalStateException("The timestamp authority failed", e);
		}
	}

	/**
	 * Timestamps a SHA-256 digest for another module: the DER TimeStampToken (a CMS SignedData), with the TSA
	 * certificate inside it.
	 */
	public byte[] timestamp(byte[] sha256) {
		if (sha256 == null || sha256.length != 32) {
			throw new IllegalArgumentException("A SHA-256 digest is 32 bytes");
		}
		TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
		requests.setCertReq(true);
		TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(63, RANDOM));
		try {
			TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
			if (response.getTimeStampToken() == null) {
				throw new IllegalStateException("The timestamp authority refused: " + response.getStatusString());
			}
			return response.getTimeStampToken().getEncoded();
		}
		catch (TSPException | IOException e) {
			throw new IllegalStateException("The timestamp authority failed", e);
		}
	}

	/** The CA certificate to verify tokens against ({@code -CAfile}). */
	public String caCertificatePem() {
		return keys.rootCertificatePem();
	}

	private TimeStampTokenGenerator tokens() {
		StoredKey tsa = keys.timestamping();
		try {
			DigestCalculator certificateDigest = new JcaDigestCalculatorProviderBuilder().build()
				.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
			SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.PROVIDER)
				.build("SHA256withECDSA", tsa.privateKey(), tsa.certificate());
			TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, certificateDigest, POLICY);
			tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
			return tokens;
		}
		catch (Exception e) {
			throw new IllegalStateException("The timestamp authority's key cannot sign", e);
		}
	}
}
