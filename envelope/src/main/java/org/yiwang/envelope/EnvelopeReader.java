package org.yiwang.envelope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.crypto.Cipher;

import org.yiwang.envelope.EnvelopeException.Problem;
import org.yiwang.envelope.EnvelopeHeader.Recipient;

/**
 * Reads an envelope in one streaming pass: checks its structure, computes SM3 and SHA-256 of the whole file, and
 * verifies the bidder's signature against the certificate in the header; with a private key, also decrypts. Memory
 * use is one chunk (at most 16 MB, 64 KB as written by the bid tool) whatever the file's size.
 */
public final class EnvelopeReader {

	private EnvelopeReader() {
	}

	/** Structure, signature and hashes, without decrypting. */
	public static VerifiedEnvelope verify(InputStream in) throws IOException, EnvelopeException {
		Pass pass = new Pass(in);
		EnvelopeHeader header = pass.header();
		pass.skipBody(header);
		return pass.signature(header);
	}

	public static VerifiedEnvelope verify(Path file) throws IOException, EnvelopeException {
		try (InputStream in = Files.newInputStream(file)) {
			return verify(in);
		}
	}

	/**
	 * Verifies and decrypts with the private key of a recipient (the bidder's own, or the reassembled opening key),
	 * writing {@code price-sheet.json} and {@code files/…} into {@code directory} (null: decrypt and check only).
	 * When anything fails, what was written is deleted.
	 */
	public static OpenedEnvelope open(Path file, PrivateKey key, PublicKey publicKey, Path directory)
			throws IOException, EnvelopeException {
		return open(file, new Pass.Options(true, null), header -> contentKey(header, key, publicKey), false, directory);
	}

	/**
	 * Verifies and decrypts with the content key itself (what {@code bidtool unwrap --print-key} prints), as
	 * {@link #open(Path, PrivateKey, PublicKey, Path)} does. A key that does not open the first chunk of a content the
	 * bidder's signature still covers is {@link Problem#WRONG_KEY}; a content altered after signing is
	 * {@link Problem#SIGNATURE_MISMATCH} or {@link Problem#CONTENT_TAMPERED}. The caller should zero the key after.
	 */
	public static OpenedEnvelope open(Path file, byte[] contentKey, Path directory) throws IOException, EnvelopeException {
		return open(file, new Pass.Options(true, null), raw(contentKey), true, directory);
	}

	/**
	 * Decrypts with the content key an envelope that was verified (signature, certificate) when it was received and
	 * is stored under its SHA-256: instead of hashing SM3 and verifying the signature again, checks that the file still
	 * has that SHA-256 (which the receipt binds), so a stored envelope opens at the speed of its cipher. A wrong key is
	 * {@link Problem#WRONG_KEY}; a file that is not the one stored is {@link Problem#SIGNATURE_MISMATCH}. The result's
	 * {@code sm3} is null.
	 */
	public static OpenedEnvelope openStored(Path file, String sha256, byte[] contentKey, Path directory)
			throws IOException, EnvelopeException {
		return open(file, new Pass.Options(false, sha256), raw(contentKey), true, directory);
	}

	private static KeySource raw(byte[] contentKey) {
		return header -> {
			if (contentKey == null || contentKey.length != header.cipher().keyBytes()) {
				throw new EnvelopeException(Problem.WRONG_KEY, "the content key has " + (contentKey == null ? 0
						: contentKey.length) + " bytes; " + header.cipher().label() + " takes " + header.cipher().keyBytes());
			}
			return contentKey;
		};
	}

	/** Gives the content key of an envelope once its header is read. */
	private interface KeySource {

		byte[] key(EnvelopeHeader header) throws EnvelopeException;
	}

	private static OpenedEnvelope open(Path file, Pass.Options options, KeySource keys, boolean rawKey, Path directory)
			throws IOException, EnvelopeException {
		try (InputStream in = Files.newInputStream(file)) {
			Pass pass = new Pass(in, options);
			EnvelopeHeader header = pass.header();
			byte[] contentKey = keys.key(header);
			boolean created = directory != null && !Files.exists(directory);
			try {
				OpenedEnvelope.Content content = ContentArchive.read(pass.plaintext(header, contentKey), directory);
				return new OpenedEnvelope(pass.finish(header), content);
			}
			catch (IOException | EnvelopeException | RuntimeException e) {
				if (directory != null) {
					clean(directory, created);
				}
				if (e instanceof Failure failure) {
					if (rawKey && failure.chunk == 0 && failure.problem.problem() == Problem.CONTENT_TAMPERED) {
						// the first chunk did not authenticate: if the signature still covers every byte, the key is wrong
						pass.skipRest(header);
						pass.finish(header);
						throw new EnvelopeException(Problem.WRONG_KEY, "the key does not decrypt this envelope's content");
					}
					throw failure.problem;
				}
				throw e;
			}
		}
	}

	/** The content key, unwrapped with the private key whose public key is {@code publicKey}. */
	public static byte[] contentKey(EnvelopeHeader header, PrivateKey key, PublicKey publicKey) throws EnvelopeException {
		Recipient recipient = header.recipient(Crypto.keyId(publicKey))
			.orElseThrow(() -> new EnvelopeException(Problem.NOT_A_RECIPIENT,
					"the content key is not wrapped to key " + Crypto.keyId(publicKey)));
		byte[] contentKey = KeyWrap.unwrap(recipient.algorithm(), key, recipient.wrappedKey());
		if (contentKey.length != header.cipher().keyBytes()) {
			throw new EnvelopeException(Problem.WRONG_KEY, "the unwrapped key has the wrong length");
		}
		return contentKey;
	}

	private static void clean(Path directory, boolean created) throws IOException {
		Path files = directory.resolve("files");
		for (Path p : created ? new Path[] { directory } : new Path[] { files, directory.resolve(Envelope.PRICE_SHEET_NAME) }) {
			if (!Files.exists(p)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(p)) {
				for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(q);
				}
			}
		}
	}

	/** One pass over the file, hashing every byte read. */
	private static final class Pass {

		private final InputStream in;

		/**
		 * @param sm3 hash SM3 and verify the signature at the end
		 * @param storedSha256 without the signature check: the SHA-256 the whole file must have
		 */
		record Options(boolean sm3, String storedSha256) {
		}

		private final MessageDigest sm3;

		private final Options options;

		private final MessageDigest sha256 = Crypto.sha256();

		private long count;

		private byte[] aad;

		private long bodyRead;

		Pass(InputStream in) {
			this(in, new Options(true, null));
		}

		Pass(InputStream in, Options options) {
			this.in = in;
			this.options = options;
			this.sm3 = options.sm3() ? Crypto.sm3() : null;
		}

		EnvelopeHeader header() throws IOException, EnvelopeException {
			byte[] magic = in.readNBytes(Envelope.MAGIC.length);
			hash(magic, magic.length);
			if (!Arrays.equals(magic, Envelope.MAGIC)) {
				if (magic.length < Envelope.MAGIC.length && magic.length > 0
						&& Arrays.equals(magic, Arrays.copyOf(Envelope.MAGIC, magic.length))) {
					throw new EnvelopeException(Problem.TRUNCATED, "the file ends inside the magic");
				}
				throw new EnvelopeException(Problem.NOT_AN_ENVELOPE, "the file does not start with YWSEALED");
			}
			byte[] version = exactly(2, "the version");
			int v = ((version[0] & 0xff) << 8) | (version[1] & 0xff);
			if (v != Envelope.VERSION) {
				throw new EnvelopeException(Problem.UNSUPPORTED_VERSION,
						"format version " + v + "; this reader knows version " + Envelope.VERSION);
			}
			byte[] length = exactly(4, "the header length");
			long headerLength = ((length[0] & 0xffL) << 24) | ((length[1] & 0xff) << 16) | ((length[2] & 0xff) << 8)
					| (length[3] & 0xff);
			if (headerLength == 0) {
				throw new EnvelopeException(Problem.MALFORMED_HEADER, "the header is empty");
			}
			if (headerLength > Envelope.MAX_HEADER_BYTES) {
				throw new EnvelopeException(Problem.HEADER_TOO_LARGE,
						"the header is " + headerLength + " bytes; at most " + Envelope.MAX_HEADER_BYTES);
			}
			byte[] json = exactly((int) headerLength, "the header");
			EnvelopeHeader header = EnvelopeHeader.parse(v, json);
			aad = EnvelopeWriter.cloneDigest(sha256);
			return header;
		}

		void skipBody(EnvelopeHeader header) throws IOException, EnvelopeException {
			skipRest(header);
		}

		/** Reads (hashing) what is left of the encrypted body. */
		void skipRest(EnvelopeHeader header) throws IOException, EnvelopeException {
			byte[] buffer = new byte[64 * 1024];
			long left = header.bodyLength() - bodyRead;
			while (left > 0) {
				int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (n < 0) {
					throw new EnvelopeException(Problem.TRUNCATED, "the file ends inside the encrypted content");
				}
				hash(buffer, n);
				left -= n;
				bodyRead += n;
			}
		}

		InputStream plaintext(EnvelopeHeader header, byte[] key) {
			return new InputStream() {

				private long index;

				private byte[] plain = new byte[0];

				private int position;

				@Override
				public int read() throws IOException {
					byte[] one = new byte[1];
					return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					while (position == plain.length) {
						if (index == header.chunkCount()) {
							return -1;
						}
						next();
					}
					int n = Math.min(len, plain.length - position);
					System.arraycopy(plain, position, b, off, n);
					position += n;
					return n;
				}

				private void next() throws IOException {
					int length = (int) header.chunkPlainLength(index) + ContentCipher.TAG_BYTES;
					byte[] sealed = in.readNBytes(length);
					hash(sealed, sealed.length);
					bodyRead += sealed.length;
					if (sealed.length != length) {
						throw new Failure(new EnvelopeException(Problem.TRUNCATED, "the file ends inside chunk " + index),
								index);
					}
					boolean last = index == header.chunkCount() - 1;
					try {
						Cipher cipher = header.cipher().cipher(Cipher.DECRYPT_MODE, key,
								Envelope.nonce(header.noncePrefix(), index, last), aad);
						plain = cipher.doFinal(sealed);
					}
					catch (GeneralSecurityException e) {
						throw new Failure(new EnvelopeException(Problem.CONTENT_TAMPERED,
								"chunk " + index + " fails authentication", e), index);
					}
					position = 0;
					index++;
				}
			};
		}

		/** The end of the file: the signature verified, or (for a stored envelope) the whole file's SHA-256 checked. */
		VerifiedEnvelope finish(EnvelopeHeader header) throws IOException, EnvelopeException {
			if (options.sm3()) {
				return signature(header);
			}
			byte[] length = in.readNBytes(2);
			hash(length, length.length);
			int n = length.length < 2 ? 0 : ((length[0] & 0xff) << 8) | (length[1] & 0xff);
			byte[] signature = in.readNBytes(Math.min(n, Envelope.MAX_SIGNATURE_BYTES));
			hash(signature, signature.length);
			byte[] rest = in.readNBytes(64 * 1024);
			hash(rest, rest.length);
			String sha = Crypto.hex(sha256.digest());
			if (n == 0 || signature.length != n || rest.length > 0 || !sha.equalsIgnoreCase(options.storedSha256())) {
				throw new EnvelopeException(Problem.SIGNATURE_MISMATCH,
						"the file's SHA-256 is " + sha + ", not the stored envelope's " + options.storedSha256());
			}
			return new VerifiedEnvelope(header, certificate(header.signerCertificate()), count, null, sha);
		}

		VerifiedEnvelope signature(EnvelopeHeader header) throws IOException, EnvelopeException {
			byte[] tbs = Envelope.toBeSigned(EnvelopeWriter.cloneDigest(sm3), EnvelopeWriter.cloneDigest(sha256));
			byte[] length = in.readNBytes(2);
			hash(length, length.length);
			if (length.length == 0) {
				throw new EnvelopeException(Problem.UNSIGNED, "the file ends where the signature begins");
			}
			if (length.length < 2) {
				throw new EnvelopeException(Problem.TRUNCATED, "the file ends inside the signature length");
			}
			int n = ((length[0] & 0xff) << 8) | (length[1] & 0xff);
			if (n == 0) {
				throw new EnvelopeException(Problem.UNSIGNED, "the signature is empty");
			}
			if (n > Envelope.MAX_SIGNATURE_BYTES) {
				throw new EnvelopeException(Problem.SIGNATURE_MISMATCH, "a signature of " + n + " bytes is not plausible");
			}
			byte[] signature = exactly(n, "the signature");
			if (in.read() >= 0) {
				throw new EnvelopeException(Problem.TRAILING_DATA, "bytes follow the signature");
			}
			X509Certificate signer = certificate(header.signerCertificate());
			PublicKey signerKey;
			try {
				signerKey = signer.getPublicKey();
			}
			catch (RuntimeException e) {
				throw new EnvelopeException(Problem.MALFORMED_SIGNER, "the signer certificate's key cannot be read", e);
			}
			String expected = Signing.algorithmFor(signerKey);
			if (!header.signatureAlgorithm().equals(expected)) {
				throw new EnvelopeException(Problem.MALFORMED_SIGNER,
						"the header names " + header.signatureAlgorithm() + " for a key that signs with " + expected);
			}
			try {
				if (!Signing.verify(header.signatureAlgorithm(), signerKey, tbs, signature)) {
					throw new EnvelopeException(Problem.SIGNATURE_MISMATCH,
							"the signature does not match the envelope under the signer's certificate");
				}
			}
			catch (GeneralSecurityException | RuntimeException e) {
				throw new EnvelopeException(Problem.SIGNATURE_MISMATCH, "the signature cannot be checked", e);
			}
			return new VerifiedEnvelope(header, signer, count, Crypto.hex(sm3.digest()), Crypto.hex(sha256.digest()));
		}

		private byte[] exactly(int n, String what) throws IOException, EnvelopeException {
			byte[] bytes = in.readNBytes(n);
			hash(bytes, bytes.length);
			if (bytes.length != n) {
				throw new EnvelopeException(Problem.TRUNCATED, "the file ends inside " + what);
			}
			return bytes;
		}

		private void hash(byte[] bytes, int n) {
			if (sm3 != null) {
				sm3.update(bytes, 0, n);
			}
			sha256.update(bytes, 0, n);
			count += n;
		}
	}

	static X509Certificate certificate(byte[] der) throws EnvelopeException {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.PROVIDER)
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException | RuntimeException e) {
			throw new EnvelopeException(Problem.MALFORMED_SIGNER, "the signer certificate cannot be read", e);
		}
	}

	/** Carries an envelope problem out of an InputStream's read. */
	static final class Failure extends IOException {

		final EnvelopeException problem;

		/** The chunk that failed, or -1. */
		final long chunk;

		Failure(EnvelopeException problem) {
			this(problem, -1);
		}

		Failure(EnvelopeException problem, long chunk) {
			super(problem.getMessage(), problem);
			this.problem = problem;
			this.chunk = chunk;
		}
	}
}
