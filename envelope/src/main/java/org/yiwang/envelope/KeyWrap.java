package org.yiwang.envelope;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Wraps a content key (or any short secret, such as a key share) to a recipient's public key, by the key's kind:
 * <ul>
 * <li>{@code SM2}: SM2 public-key encryption (GB/T 32918.4), ciphertext as the GM/T 0009 DER
 * {@code SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING }} that OpenSSL's
 * {@code pkeyutl -decrypt} reads;</li>
 * <li>{@code RSA-OAEP-SHA256}: RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label;</li>
 * <li>{@code ECDH-P256-HKDF-SHA256-A256GCM}: for ECDSA P-256 certificates: ephemeral-static ECDH, HKDF-SHA256
 * (no salt, info {@code "yiwang-envelope key wrap"}) to a 32-byte key, AES-256-GCM with a zero nonce (the key is
 * used once); wrapped = ephemeral point (65 bytes, uncompressed) || ciphertext || tag.</li>
 * </ul>
 */
public final class KeyWrap {

	public static final String SM2 = "SM2";

	public static final String RSA_OAEP = "RSA-OAEP-SHA256";

	public static final String ECDH_P256 = "ECDH-P256-HKDF-SHA256-A256GCM";

	private static final byte[] HKDF_INFO = "yiwang-envelope key wrap".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");

	private KeyWrap() {
	}

	/** The wrapping algorithm for this public key, or null when the format has none for it. */
	public static String algorithmFor(PublicKey key) {
		if (key instanceof RSAPublicKey) {
			return RSA_OAEP;
		}
		if (key instanceof ECPublicKey ec) {
			if (isSm2(ec)) {
				return SM2;
			}
			if (ec.getParams().getCurve().getField().getFieldSize() == 256) {
				return ECDH_P256;
			}
		}
		return null;
	}

	static boolean isSm2(ECPublicKey key) {
		return key.getParams().getCurve().getA().equals(SM2_CURVE.getCurve().getA().toBigInteger())
				&& key.getParams().getCurve().getField().getFieldSize() == 256
				&& key.getParams().getOrder().equals(SM2_CURVE.getN());
	}

	public static byte[] wrap(PublicKey recipient, byte[] secret) throws EnvelopeException {
		String algorithm = algorithmFor(recipient);
		if (algorithm == null) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT,
					"a key of this kind cannot receive an envelope (SM2, RSA or ECDSA P-256 only)");
		}
		try {
			return switch (algorithm) {
				case SM2 -> sm2Encrypt((ECPublicKey) recipient, secret);
				case RSA_OAEP -> {
					Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding", Crypto.PROVIDER);
					rsa.init(Cipher.ENCRYPT_MODE, recipient, oaep(), RANDOM);
					yield rsa.doFinal(secret);
				}
				default -> ecdhWrap((ECPublicKey) recipient, secret);
			};
		}
		catch (GeneralSecurityException | InvalidCipherTextException e) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "cannot wrap to this key: " + e.getMessage(), e);
		}
	}

	/**
	 * @throws EnvelopeException {@link EnvelopeException.Problem#WRONG_KEY} when this private key does not open it
	 */
	public static byte[] unwrap(String algorithm, PrivateKey key, byte[] wrapped) throws EnvelopeException {
		try {
			return switch (algorithm) {
				case SM2 -> sm2Decrypt((ECPrivateKey) key, wrapped);
				case RSA_OAEP -> {
					Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding", Crypto.PROVIDER);
					rsa.init(Cipher.DECRYPT_MODE, key, oaep());
					yield rsa.doFinal(wrapped);
				}
				case ECDH_P256 -> ecdhUnwrap((ECPrivateKey) key, wrapped);
				default -> throw new EnvelopeException(EnvelopeException.Problem.MALFORMED_HEADER,
						"unknown key wrapping " + algorithm);
			};
		}
		catch (GeneralSecurityException | InvalidCipherTextException | ClassCastException | IllegalArgumentException
				| IllegalStateException e) {
			throw new EnvelopeException(EnvelopeException.Problem.WRONG_KEY, "this private key does not open the key", e);
		}
	}

	private static OAEPParameterSpec oaep() {
		return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
	}

	private static ECDomainParameters sm2Domain() {
		return new ECDomainParameters(SM2_CURVE.getCurve(), SM2_CURVE.getG(), SM2_CURVE.getN(), SM2_CURVE.getH());
	}

	private static byte[] sm2Encrypt(ECPublicKey key, byte[] secret) throws InvalidCipherTextException {
		ECDomainParameters domain = sm2Domain();
		ECPoint q = domain.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY());
		SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
		engine.init(true, new ParametersWithRandom(new ECPublicKeyParameters(q, domain), RANDOM));
		byte[] raw = engine.processBlock(secret, 0, secret.length);
		// raw = 04 || x || y || C3 (32) || C2
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 33, 65));
		ASN1EncodableVector v = new ASN1EncodableVector();
		v.add(new ASN1Integer(x));
		v.add(new ASN1Integer(y));
		v.add(new DEROctetString(Arrays.copyOfRange(raw, 65, 97)));
		v.add(new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length)));
		try {
			return new DERSequence(v).getEncoded(ASN1Encoding.DER);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] sm2Decrypt(ECPrivateKey key, byte[] der) throws InvalidCipherTextException {
		ASN1Sequence seq = ASN1Sequence.getInstance(der);
		if (seq.size() != 4) {
			throw new InvalidCipherTextException("not an SM2 ciphertext");
		}
		byte[] x = fixed(ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue());
		byte[] y = fixed(ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue());
		byte[] c3 = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
		byte[] c2 = ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets();
		byte[] raw = new byte[1 + 64 + c3.length + c2.length];
		raw[0] = 0x04;
		System.arraycopy(x, 0, raw, 1, 32);
		System.arraycopy(y, 0, raw, 33, 32);
		System.arraycopy(c3, 0, raw, 65, c3.length);
		System.arraycopy(c2, 0, raw, 65 + c3.length, c2.length);
		SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
		engine.init(false, new ECPrivateKeyParameters(key.getS(), sm2Domain()));
		return engine.processBlock(raw, 0, raw.length);
	}

	private static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] out = new byte[32];
		int copy = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
		return out;
	}

	private static byte[] ecdhWrap(ECPublicKey recipient, byte[] secret) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		KeyPair ephemeral = generator.generateKeyPair();
		byte[] point = ((org.bouncycastle.jce.interfaces.ECPublicKey) ephemeral.getPublic()).getQ().getEncoded(false);
		byte[] kek = kek(ephemeral.getPrivate(), recipient);
		Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
		gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, new byte[12]));
		byte[] sealed = gcm.doFinal(secret);
		byte[] out = new byte[point.length + sealed.length];
		System.arraycopy(point, 0, out, 0, point.length);
		System.arraycopy(sealed, 0, out, point.length, sealed.length);
		return out;
	}

	private static byte[] ecdhUnwrap(ECPrivateKey key, byte[] wrapped) throws GeneralSecurityException {
		if (wrapped.length < 65 + 16 || wrapped[0] != 0x04) {
			throw new GeneralSecurityException("not an ECDH-wrapped key");
		}
		var curve = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp256r1");
		var spec = new org.bouncycastle.jce.spec.ECPublicKeySpec(curve.getCurve().decodePoint(Arrays.copyOf(wrapped, 65)),
				curve);
		PublicKey ephemeral = java.security.KeyFactory.getInstance("EC", Crypto.PROVIDER).generatePublic(spec);
		byte[] kek = kek(key, ephemeral);
		Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
		gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, new byte[12]));
		return gcm.doFinal(wrapped, 65, wrapped.length - 65);
	}

	private static byte[] kek(PrivateKey mine, PublicKey theirs) throws GeneralSecurityException {
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH", Crypto.PROVIDER);
		agreement.init(mine);
		agreement.doPhase(theirs, true);
		byte[] shared = agreement.generateSecret();
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
		hkdf.init(new HKDFParameters(shared, null, HKDF_INFO));
		byte[] kek = new byte[32];
		hkdf.generateBytes(kek, 0, 32);
		return kek;
	}
}
