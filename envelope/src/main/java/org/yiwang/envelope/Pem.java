package org.yiwang.envelope;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.yiwang.envelope.EnvelopeException.Problem;

/**
 * Reads the PEM files people give the tools: PKCS#8 (or traditional) private keys, certificates, public keys. A file
 * may hold several blocks: the platform hands experts and key custodians ONE file with the private key followed by
 * its certificate, and the same file serves as {@code --key} and {@code --cert}; each reader takes the first block of
 * the kind it wants.
 */
public final class Pem {

	private static final int MAX_BYTES = 256 * 1024;

	private Pem() {
	}

	public static PrivateKey privateKey(Path file) throws EnvelopeException {
		List<Object> objects = read(file, "private key");
		try {
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Crypto.PROVIDER);
			for (Object object : objects) {
				if (object instanceof PrivateKeyInfo info) {
					return converter.getPrivateKey(info);
				}
				if (object instanceof PEMKeyPair pair) {
					return converter.getKeyPair(pair).getPrivate();
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, file + " holds a private key of a kind the tool cannot use", e);
		}
		throw new EnvelopeException(Problem.BAD_INPUT, file + " holds no unencrypted PEM private key (PKCS#8); it holds "
				+ kinds(objects));
	}

	public static X509Certificate certificate(Path file) throws EnvelopeException {
		List<Object> objects = read(file, "certificate");
		for (Object object : objects) {
			if (object instanceof X509CertificateHolder holder) {
				return certificate(holder);
			}
		}
		throw new EnvelopeException(Problem.BAD_INPUT, file + " holds no PEM certificate; it holds " + kinds(objects));
	}

	public static X509Certificate certificate(X509CertificateHolder holder) throws EnvelopeException {
		try {
			return new JcaX509CertificateConverter().setProvider(Crypto.PROVIDER).getCertificate(holder);
		}
		catch (Exception e) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the certificate cannot be read", e);
		}
	}

	/** A public key, given as a PEM public key or as a certificate (whose key is then used). */
	public static PublicKey publicKey(Path file) throws EnvelopeException {
		List<Object> objects = read(file, "public key or certificate");
		try {
			for (Object object : objects) {
				if (object instanceof SubjectPublicKeyInfo info) {
					return new JcaPEMKeyConverter().setProvider(Crypto.PROVIDER).getPublicKey(info);
				}
				if (object instanceof X509CertificateHolder holder) {
					return certificate(holder).getPublicKey();
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, file + " holds a public key the tool cannot use", e);
		}
		throw new EnvelopeException(Problem.BAD_INPUT, file + " holds neither a PEM public key nor a PEM certificate; it holds "
				+ kinds(objects));
	}

	/** The certificate in the file, or null when it holds a bare public key. */
	public static X509Certificate certificateOrNull(Path file) throws EnvelopeException {
		for (Object object : read(file, "public key or certificate")) {
			if (object instanceof X509CertificateHolder holder) {
				return certificate(holder);
			}
		}
		return null;
	}

	public static PublicKey publicKey(byte[] der) throws EnvelopeException {
		try {
			return new JcaPEMKeyConverter().setProvider(Crypto.PROVIDER).getPublicKey(SubjectPublicKeyInfo.getInstance(der));
		}
		catch (IOException | RuntimeException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, "not a DER public key", e);
		}
	}

	public static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	/** Every PEM block of the file, in order; at least one. */
	private static List<Object> read(Path file, String what) throws EnvelopeException {
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new EnvelopeException(Problem.BAD_INPUT, "no readable " + what + " file " + file);
		}
		try {
			if (Files.size(file) > MAX_BYTES) {
				throw new EnvelopeException(Problem.BAD_INPUT, file + " is too large for a " + what);
			}
			String text = Files.readString(file, StandardCharsets.US_ASCII);
			List<Object> objects = new ArrayList<>();
			try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
				for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
					objects.add(object);
				}
			}
			if (objects.isEmpty()) {
				throw new EnvelopeException(Problem.BAD_INPUT, file + " is not PEM (no -----BEGIN line)");
			}
			return objects;
		}
		catch (IOException | RuntimeException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, file + " is malformed PEM: " + e.getMessage(), e);
		}
	}

	private static String kinds(List<Object> objects) {
		return objects.stream().map(Pem::kind).distinct().collect(java.util.stream.Collectors.joining(" and "));
	}

	private static String kind(Object object) {
		if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
			return "a private key";
		}
		if (object instanceof X509CertificateHolder) {
			return "a certificate";
		}
		if (object instanceof SubjectPublicKeyInfo) {
			return "a public key";
		}
		return "a " + object.getClass().getSimpleName();
	}
}
