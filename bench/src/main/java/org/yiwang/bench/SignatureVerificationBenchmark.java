package org.yiwang.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.yiwang.pki.SignatureAlgorithm;

/**
 * Signature verifications per second through the pki module's own verifier ({@link SignatureAlgorithm#verify}, what
 * {@code Signatures} runs once it has accepted the certificate), one thread, for the three algorithms signed intake
 * sees. {@code signature-verification.sh} prints it beside {@code openssl speed} of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureVerificationBenchmark {

	@Param({ "SM2", "ECDSA_P256", "RSA_2048" })
	public String algorithm;

	private SignatureAlgorithm verifier;

	private PublicKey key;

	private byte[] encodedKey;

	private KeyFactory keyFactory;

	private byte[] content;

	private byte[] signature;

	@Setup
	public void sign() throws Exception {
		BouncyCastleProvider bc = new BouncyCastleProvider();
		KeyPairGenerator generator;
		switch (algorithm) {
			case "SM2" -> {
				verifier = SignatureAlgorithm.SM3_WITH_SM2;
				generator = KeyPairGenerator.getInstance("EC", bc);
				generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			}
			case "ECDSA_P256" -> {
				verifier = SignatureAlgorithm.SHA256_WITH_ECDSA;
				generator = KeyPairGenerator.getInstance("EC", bc);
				generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
			case "RSA_2048" -> {
				verifier = SignatureAlgorithm.SHA256_WITH_RSA;
				generator = KeyPairGenerator.getInstance("RSA", bc);
				generator.initialize(2048);
			}
			default -> throw new IllegalArgumentException(algorithm);
		}
		KeyPair keys = generator.generateKeyPair();
		key = keys.getPublic();
		encodedKey = key.getEncoded();
		keyFactory = KeyFactory.getInstance(key.getAlgorithm(), bc);
		// A receipt-sized message: the cost is the public-key operation, not the hashing.
		content = "bid 2026-11-27 section A-01 sha256 9f86d081884c7d659a2feaa0c55ad015".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance(verifier.jcaName(), bc);
		if (verifier == SignatureAlgorithm.SM3_WITH_SM2) {
			signer.setParameter(new SM2ParameterSpec("1234567812345678".getBytes(StandardCharsets.US_ASCII)));
		}
		signer.initSign(keys.getPrivate());
		signer.update(content);
		signature = signer.sign();
		if (!verifier.verify(key, content, signature)) {
			throw new IllegalStateException("the benchmark's own signature does not verify");
		}
	}

	/**
	 * As {@code Signatures} runs it for each request: the signer's key decoded afresh (from the certificate there).
	 * This is the figure to compare with OpenSSL.
	 */
	@Benchmark
	public boolean verifyKeyDecodedPerCall() throws Exception {
		return verifier.verify(keyFactory.generatePublic(new X509EncodedKeySpec(encodedKey)), content, signature);
	}

	/**
	 * The same key object every time. BouncyCastle keeps multiplication tables on the key's point, so this is about
	 * twice as fast for SM2 and ECDSA: the ceiling a per-signer key cache could reach, not today's intake rate.
	 */
	@Benchmark
	public boolean verifySameKeyObject() throws Exception {
		return verifier.verify(key, content, signature);
	}
}
