package org.yiwang.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Cipher;

import org.yiwang.envelope.EnvelopeException.Problem;
import org.yiwang.envelope.EnvelopeHeader.Recipient;
import org.yiwang.envelope.EnvelopeHeader.Role;

/**
 * Seals a bid: streams the price sheet, the collusion evidence and the files through chunked authenticated
 * encryption into an envelope, signs it, and says its SM3 and SHA-256. Memory use is one chunk whatever the files'
 * size.
 */
public final class EnvelopeWriter {

	public static final int DEFAULT_CHUNK = 64 * 1024;

	public static final String TOOL = "yiwang-bidtool/1";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * What to seal.
	 *
	 * @param openingKey the section's opening public key (from its PEM, or from its certificate)
	 * @param openingCertificate the opening key's certificate when it was given as one, else null
	 * @param machine the fingerprint to seal as evidence ({@link MachineFingerprint#ofThisMachine()})
	 */
	public record Request(String tradeCode, PriceSheet priceSheet, List<Path> files, PrivateKey signerKey,
			X509Certificate signerCertificate, PublicKey openingKey, X509Certificate openingCertificate,
			ContentCipher cipher, int chunkSize, MachineFingerprint machine, Instant sealedAt) {
	}

	/** The sealed envelope's header, size and hashes (lower-case hex). */
	public record Sealed(EnvelopeHeader header, long size, String sm3, String sha256) {
	}

	private EnvelopeWriter() {
	}

	public static Sealed seal(Request request, OutputStream out) throws IOException, EnvelopeException {
		check(request);
		List<DocumentMetadata> documents = new ArrayList<>();
		for (Path file : request.files()) {
			documents.add(DocumentMetadata.of(file));
		}
		byte[] sheet = request.priceSheet().toJson();
		byte[] evidence = new Evidence(request.machine(), documents, TOOL).toJson();
		long contentLength = entryLength(Envelope.PRICE_SHEET_NAME, sheet.length)
				+ entryLength(Envelope.EVIDENCE_NAME, evidence.length);
		for (DocumentMetadata d : documents) {
			contentLength += entryLength(d.name(), d.size());
		}
		ContentCipher cipher = request.cipher() == null ? ContentCipher.SM4_GCM : request.cipher();
		int chunkSize = request.chunkSize() == 0 ? DEFAULT_CHUNK : request.chunkSize();
		byte[] contentKey = new byte[cipher.keyBytes()];
		RANDOM.nextBytes(contentKey);
		byte[] noncePrefix = new byte[EnvelopeHeader.NONCE_PREFIX_BYTES];
		RANDOM.nextBytes(noncePrefix);
		PublicKey bidderKey = request.signerCertificate().getPublicKey();
		List<Recipient> recipients = List.of(
				new Recipient(Role.BIDDER, Crypto.keyId(bidderKey), fingerprint(request.signerCertificate()),
						KeyWrap.algorithmFor(bidderKey), KeyWrap.wrap(bidderKey, contentKey)),
				new Recipient(Role.OPENING, Crypto.keyId(request.openingKey()),
						request.openingCertificate() == null ? null : fingerprint(request.openingCertificate()),
						KeyWrap.algorithmFor(request.openingKey()), KeyWrap.wrap(request.openingKey(), contentKey)));
		String signatureAlgorithm = Signing.algorithmFor(bidderKey);
		EnvelopeHeader header = new EnvelopeHeader(Envelope.VERSION, request.tradeCode(),
				request.sealedAt() == null ? Instant.now() : request.sealedAt(), cipher, chunkSize, noncePrefix,
				contentLength, EnvelopeHeader.chunksFor(contentLength, chunkSize), recipients, signatureAlgorithm,
				der(request.signerCertificate()), TOOL, request.priceSheet().bidder());
		byte[] headerJson = header.toJson();
		if (headerJson.length > Envelope.MAX_HEADER_BYTES) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the header exceeds " + Envelope.MAX_HEADER_BYTES + " bytes");
		}

		HashingOutput hashed = new HashingOutput(out);
		hashed.write(Envelope.MAGIC);
		hashed.write(new byte[] { (byte) (Envelope.VERSION >>> 8), (byte) Envelope.VERSION });
		hashed.writeInt(headerJson.length);
		hashed.write(headerJson);
		byte[] aad = hashed.sha256Clone();

		ChunkWriter chunks = new ChunkWriter(hashed, header, contentKey, aad);
		chunks.entry(Envelope.ENTRY_PRICE_SHEET, Envelope.PRICE_SHEET_NAME, sheet.length);
		chunks.write(sheet, 0, sheet.length);
		chunks.entry(Envelope.ENTRY_EVIDENCE, Envelope.EVIDENCE_NAME, evidence.length);
		chunks.write(evidence, 0, evidence.length);
		byte[] buffer = new byte[64 * 1024];
		for (int i = 0; i < request.files().size(); i++) {
			DocumentMetadata d = documents.get(i);
			chunks.entry(Envelope.ENTRY_FILE, d.name(), d.size());
			long copied = 0;
			try (InputStream in = Files.newInputStream(request.files().get(i))) {
				for (int n; (n = in.read(buffer)) > 0;) {
					copied += n;
					if (copied > d.size()) {
						break;
					}
					chunks.write(buffer, 0, n);
				}
			}
			if (copied != d.size()) {
				throw new EnvelopeException(Problem.BAD_INPUT, d.name() + " changed while it was being sealed");
			}
		}
		chunks.finish();

		byte[] tbs = Envelope.toBeSigned(hashed.sm3Clone(), hashed.sha256Clone());
		byte[] signature;
		try {
			signature = Signing.sign(signatureAlgorithm, request.signerKey(), tbs);
		}
		catch (GeneralSecurityException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the private key cannot sign: " + e.getMessage(), e);
		}
		hashed.write(new byte[] { (byte) (signature.length >>> 8), (byte) signature.length });
		hashed.write(signature);
		hashed.flush();
		return new Sealed(header, hashed.count, Crypto.hex(hashed.sm3.digest()), Crypto.hex(hashed.sha256.digest()));
	}

	/** Seals into a file; a failure leaves no half-written file behind. */
	public static Sealed seal(Request request, Path target) throws IOException, EnvelopeException {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 256 * 1024)) {
			Sealed sealed = seal(request, out);
			out.close();
			Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return sealed;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void check(Request request) throws EnvelopeException {
		if (request.tradeCode() == null || !EnvelopeHeader.TRADE_CODE.matcher(request.tradeCode()).matches()) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the trade code must be 1-64 letters, digits or hyphens");
		}
		if (!request.tradeCode().equals(request.priceSheet().tradeCode())) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the price sheet names trade code "
					+ request.priceSheet().tradeCode() + ", not " + request.tradeCode());
		}
		PublicKey bidderKey = request.signerCertificate().getPublicKey();
		if (Signing.algorithmFor(bidderKey) == null || KeyWrap.algorithmFor(bidderKey) == null) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the certificate's key is not SM2, ECDSA P-256 or RSA");
		}
		if (KeyWrap.algorithmFor(request.openingKey()) == null) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the opening key is not SM2, ECDSA P-256 or RSA");
		}
		try {
			byte[] probe = "yiwang key check".getBytes(StandardCharsets.US_ASCII);
			String algorithm = Signing.algorithmFor(bidderKey);
			if (!Signing.verify(algorithm, bidderKey, probe, Signing.sign(algorithm, request.signerKey(), probe))) {
				throw new EnvelopeException(Problem.BAD_INPUT, "the private key does not belong to the certificate");
			}
		}
		catch (GeneralSecurityException | ClassCastException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the private key does not belong to the certificate", e);
		}
		Set<String> names = new HashSet<>(List.of(Envelope.PRICE_SHEET_NAME, Envelope.EVIDENCE_NAME));
		for (Path file : request.files()) {
			if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
				throw new EnvelopeException(Problem.BAD_INPUT, "no readable file " + file);
			}
			String name = file.getFileName().toString();
			if (!ContentArchive.validName(name)) {
				throw new EnvelopeException(Problem.BAD_INPUT, "file name " + name + " is too long or has control characters");
			}
			if (!names.add(name)) {
				throw new EnvelopeException(Problem.BAD_INPUT, "two files are named " + name);
			}
		}
	}

	private static long entryLength(String name, long size) {
		return 1 + 2 + name.getBytes(StandardCharsets.UTF_8).length + 8 + size;
	}

	private static String fingerprint(X509Certificate certificate) throws EnvelopeException {
		return Crypto.hex(Crypto.sha256(der(certificate)));
	}

	private static byte[] der(X509Certificate certificate) throws EnvelopeException {
		try {
			return certificate.getEncoded();
		}
		catch (CertificateEncodingException e) {
			throw new EnvelopeException(Problem.BAD_INPUT, "the certificate cannot be encoded", e);
		}
	}

	/** Counts and hashes (SM3, SHA-256) everything written. */
	static final class HashingOutput extends OutputStream {

		final OutputStream out;

		final MessageDigest sm3 = Crypto.sm3();

		final MessageDigest sha256 = Crypto.sha256();

		long count;

		HashingOutput(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			sm3.update(b, off, len);
			sha256.update(b, off, len);
			count += len;
		}

		void writeInt(int value) throws IOException {
			write(new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value });
		}

		byte[] sm3Clone() {
			return cloneDigest(sm3);
		}

		byte[] sha256Clone() {
			return cloneDigest(sha256);
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}
	}

	static byte[] cloneDigest(MessageDigest digest) {
		try {
			return ((MessageDigest) digest.clone()).digest();
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Fills chunks of plaintext and writes each encrypted, the last one marked in its nonce. */
	private static final class ChunkWriter {

		private final HashingOutput out;

		private final EnvelopeHeader header;

		private final byte[] key;

		private final byte[] aad;

		private final byte[] chunk;

		private int filled;

		private long index;

		private long total;

		ChunkWriter(HashingOutput out, EnvelopeHeader header, byte[] key, byte[] aad) {
			this.out = out;
			this.header = header;
			this.key = key;
			this.aad = aad;
			this.chunk = new byte[header.chunkSize()];
		}

		void entry(int kind, String name, long size) throws IOException, EnvelopeException {
			byte[] n = name.getBytes(StandardCharsets.UTF_8);
			byte[] head = new byte[1 + 2 + n.length + 8];
			head[0] = (byte) kind;
			head[1] = (byte) (n.length >>> 8);
			head[2] = (byte) n.length;
			System.arraycopy(n, 0, head, 3, n.length);
			for (int i = 0; i < 8; i++) {
				head[3 + n.length + i] = (byte) (size >>> (56 - 8 * i));
			}
			write(head, 0, head.length);
		}

		void write(byte[] bytes, int offset, int length) throws IOException, EnvelopeException {
			while (length > 0) {
				if (filled == chunk.length) {
					flushChunk();
				}
				int take = Math.min(length, chunk.length - filled);
				System.arraycopy(bytes, offset, chunk, filled, take);
				filled += take;
				offset += take;
				length -= take;
				total += take;
				if (total > header.contentLength()) {
					throw new EnvelopeException(Problem.BAD_INPUT, "a file grew while it was being sealed");
				}
			}
		}

		private void flushChunk() throws IOException, EnvelopeException {
			boolean last = index == header.chunkCount() - 1;
			try {
				Cipher cipher = header.cipher().cipher(Cipher.ENCRYPT_MODE, key,
						Envelope.nonce(header.noncePrefix(), index, last), aad);
				byte[] sealed = cipher.doFinal(chunk, 0, filled);
				out.write(sealed);
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("The content cipher failed", e);
			}
			index++;
			filled = 0;
		}

		void finish() throws IOException, EnvelopeException {
			if (total != header.contentLength()) {
				throw new EnvelopeException(Problem.BAD_INPUT, "a file shrank while it was being sealed");
			}
			flushChunk();
			if (index != header.chunkCount()) {
				throw new IllegalStateException("wrote " + index + " chunks, announced " + header.chunkCount());
			}
		}
	}
}
