package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The standards' own test vectors (GB/T 32905 SM3, GB/T 32907 SM4, GB/T 32918.5 SM2), as STACK.md lists them. */
class CryptoVectorsTests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void sm3_of_abc_matches_gbt_32905() {
		assertThat(HEX.formatHex(sm3("abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void sm3_of_sixty_four_bytes_matches_gbt_32905() {
		assertThat(HEX.formatHex(sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
	}

	@Test
	void sm4_single_block_and_a_million_iterations_match_gbt_32907() {
		byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
		SM4Engine sm4 = new SM4Engine();
		sm4.init(true, new KeyParameter(key));
		byte[] block = key.clone();
		sm4.processBlock(block, 0, block, 0);
		assertThat(HEX.formatHex(block)).isEqualTo("681edf34d206965e86b3e94f536e4246");
		block = key.clone();
		for (int i = 0; i < 1_000_000; i++) {
			sm4.processBlock(block, 0, block, 0);
		}
		assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
	}

	/**
	 * GB/T 32918.5 Annex A signs "message digest" with ID 1234567812345678 on the recommended curve; the public key is
	 * the standard's private key dA times G, and the signature (r, s) must verify under it, and not over other bytes.
	 */
	@Test
	void sm2_signature_of_gbt_32918_annex_a_verifies() throws Exception {
		X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
		ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
		BigInteger privateKey = new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16);
		ECPoint publicKey = curve.getG().multiply(privateKey).normalize();
		assertThat(publicKey.getAffineXCoord().toBigInteger().toString(16).toUpperCase())
			.isEqualTo("9F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020");
		byte[] signature = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
				new ASN1Integer(new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16)),
				new ASN1Integer(new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16)) })
			.getEncoded();
		assertThat(sm2Verify(domain, publicKey, "message digest", signature)).isTrue();
		assertThat(sm2Verify(domain, publicKey, "message digesT", signature)).isFalse();
	}

	private static boolean sm2Verify(ECDomainParameters domain, ECPoint key, String message, byte[] signature) {
		SM2Signer verifier = new SM2Signer();
		verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(key, domain), BouncyCastle.SM2_ID));
		byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
		verifier.update(bytes, 0, bytes.length);
		return verifier.verifySignature(signature);
	}

	private static byte[] sm3(byte[] input) {
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return out;
	}
}
