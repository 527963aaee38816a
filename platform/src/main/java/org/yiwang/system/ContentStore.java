package org.yiwang.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Content-addressed files on local disk (tender documents, sealed bids, contracts, evidence): a file is streamed through
 * SHA-256 and SM3 in 64 KB chunks into a temporary file, forced to disk, then moved under its SHA-256 name: never held
 * whole in memory, and never visible half-written. Each module keeps its own store (its own directory, its own refusal
 * messages) as a bean extending this class; two writers of the same content end with one file.
 */
public class ContentStore {


	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/** A stored file: its hashes in lower-case hex (SM3 null when received without it) and its size in bytes. */
	public record Stored(String sha256, String sm3, long size) {
	}

	private final Path root;

	private final String malformedKey;

	/**
	 * A store in {@code root}; a body that breaks off while it is read is refused with {@code malformedKey} (the
	 * sender's fault, not the disk's).
	 */
	protected ContentStore(Path root, String malformedKey) {
		this.root = root.toAbsolutePath().normalize();
		this.malformedKey = malformedKey;
	}

	/** The configured directory, or by default {@code name} beside the embedded database's directory. */
	protected static Path directory(String configured, String database, String name) {
		return configured == null || configured.isBlank() ? Path.of(database).toAbsolutePath().resolveSibling(name)
				: Path.of(configured);
	}

	public Path root() {
		return root;
	}

	/**
	 * A file streamed to a temporary place and hashed, not yet kept: {@link #keep} or {@link #discard} it. A hash not
	 * computed while receiving is null; the SHA-256 must be known ({@link #hashed}) before the file is kept.
	 */
	public record Received(Path temporary, String sha256, String sm3, long size) {

		/** The same file with the SHA-256 its check computed. */
		public Received hashed(String sha256) {
			return new Received(temporary, sha256, sm3, size);
		}
	}

	/** Which hashes {@link #receive} computes as the bytes arrive. */
	public enum Hashing {
		SHA256_AND_SM3,
		/** SM3 left to a check that computes it anyway (SM3 is the slowest work an upload costs). */
		SHA256,
		/** Both left to a check that computes them (a sealed bid's verification). */
		NONE
	}

	/**
	 * Streams the input to disk, hashing as it goes, and keeps it under its SHA-256 name. More than {@code maxBytes}
	 * is refused with {@code tooLargeKey}, an empty input with {@code emptyKey}; a refused or broken upload leaves no
	 * file.
	 */
	public Stored store(InputStream in, long maxBytes, String field, String emptyKey, String tooLargeKey) {
		return keep(receive(in, maxBytes, field, emptyKey, tooLargeKey, Hashing.SHA256_AND_SM3));
	}

	/**
	 * Streams the input into a temporary file forced to disk, computing the hashes asked for as it goes; the caller
	 * checks it, then keeps or discards it. Refusals as for {@link #store}.
	 */
	public Received receive(InputStream in, long maxBytes, String field, String emptyKey, String tooLargeKey,
			Hashing hashing) {
		Path temp = temporary();
		try {
			MessageDigest sha256 = hashing == Hashing.NONE ? null : MessageDigest.getInstance("SHA-256");
			SM3Digest sm3 = hashing == Hashing.SHA256_AND_SM3 ? new SM3Digest() : null;
			long size = 0;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = read(in, buffer, field)) != -1) {
					size += read;
					if (size > maxBytes) {
						throw Refusal.invalid(field, tooLargeKey, maxBytes / (1024 * 1024));
					}
					if (sha256 != null) {
						sha256.update(buffer, 0, read);
					}
					if (sm3 != null) {
						sm3.update(buffer, 0, read);
					}
					out.write(buffer, 0, read);
				}
				out.flush();
				channel.force(true);
			}
			if (size == 0) {
				throw Refusal.invalid(field, emptyKey);
			}
			String sm3Hex = null;
			if (sm3 != null) {
				byte[] sm3Hash = new byte[32];
				sm3.doFinal(sm3Hash, 0);
				sm3Hex = HexFormat.of().formatHex(sm3Hash);
			}
			return new Received(temp, sha256 == null ? null : HexFormat.of().formatHex(sha256.digest()), sm3Hex, size);
		}
		catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
			throw discarded(temp, e);
		}
	}

	/** Reads a body as it arrives (what it reads is what is written to disk); its refusals are runtime exceptions. */
	@FunctionalInterface
	public interface BodyCheck<T> {

		T check(InputStream body) throws IOException;
	}

	/** A file received while it was checked: the file (no hash computed), when its last byte was read, the check's result. */
	public record Checked<T>(Received received, Instant endedAt, T outcome) {
	}

	/**
	 * Streams the input into a temporary file forced to disk while {@code check} reads the same bytes, in one pass (a
	 * check that hashes the content, as a sealed bid's does, hashes it once, and the file is not read back). A check
	 * that stops early does not stop the upload: the rest is read to its end first. Then the body's own refusals come
	 * first (too large, broken off), then an empty body, then the check's refusal; any of them leaves no file.
	 * {@code endedAt} is the clock's instant when the body's end was read, before the file is forced to disk.
	 */
	public <T> Checked<T> receive(InputStream in, long maxBytes, String field, String emptyKey, String tooLargeKey,
			Supplier<Instant> clock, BodyCheck<T> check) {
		Path temp = temporary();
		try {
			T outcome = null;
			RuntimeException refused = null;
			Tee tee;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				tee = new Tee(in, channel, maxBytes, field, tooLargeKey, clock);
				try {
					outcome = check.check(tee);
				}
				catch (RuntimeException e) {
					refused = e;
				}
				catch (IOException e) {
					refused = new UncheckedIOException(e);
				}
				if (tee.failure != null) {
					throw tee.failure;
				}
				tee.drain();
				channel.force(true);
			}
			if (tee.size == 0) {
				throw Refusal.invalid(field, emptyKey);
			}
			if (refused != null) {
				throw refused;
			}
			return new Checked<>(new Received(temp, null, null, tee.size), tee.endedAt, outcome);
		}
		catch (IOException | RuntimeException e) {
			throw discarded(temp, e);
		}
	}

	/** The input as the check reads it, each byte written to the file as it passes; its own failures are kept. */
	private final class Tee extends InputStream {

		private final InputStream in;

		private final FileChannel out;

		private final long maxBytes;

		private final String field;

		private final String tooLargeKey;

		private final Supplier<Instant> clock;

		long size;

		Instant endedAt;

		RuntimeException failure;

		Tee(InputStream in, FileChannel out, long maxBytes, String field, String tooLargeKey, Supplier<Instant> clock) {
			this.in = in;
			this.out = out;
			this.maxBytes = maxBytes;
			this.field = field;
			this.tooLargeKey = tooLargeKey;
			this.clock = clock;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			int n;
			while ((n = read(one, 0, 1)) == 0) {
				// a stream may answer 0 for a non-empty request: ask again
			}
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (failure != null) {
				throw failure;
			}
			if (length == 0) {
				return 0;
			}
			int n;
			try {
				n = in.read(buffer, offset, length);
			}
			catch (IOException e) {
				throw failed(Refusal.invalid(field, malformedKey));
			}
			if (n < 0) {
				if (endedAt == null) {
					endedAt = clock.get();
				}
				return -1;
			}
			size += n;
			if (size > maxBytes) {
				throw failed(Refusal.invalid(field, tooLargeKey, maxBytes / (1024 * 1024)));
			}
			try {
				java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer, offset, n);
				while (bytes.hasRemaining()) {
					out.write(bytes);
				}
			}
			catch (IOException e) {
				throw failed(new UncheckedIOException("Storing an upload failed", e));
			}
			return n;
		}

		private RuntimeException failed(RuntimeException e) {
			failure = e;
			return e;
		}

		/** What the check left unread, to the end. */
		void drain() {
			byte[] buffer = null;
			while (endedAt == null) {
				if (buffer == null) {
					buffer = new byte[64 * 1024];
				}
				read(buffer, 0, buffer.length);
			}
		}
	}

	private Path temporary() {
		try {
			directory(root.resolve("tmp"));
			return root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
		}
		catch (IOException e) {
			throw new UncheckedIOException("The blob directory " + root + " cannot be written", e);
		}
	}

	/** Moves a received file under its SHA-256 name (atomically, the directory forced to disk). */
	public Stored keep(Received received) {
		try {
			Path target = path(received.sha256());
			directory(target.getParent());
			if (Files.exists(target)) {
				Files.delete(received.temporary());
			}
			else {
				try {
					Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(received.temporary(), target);
				}
				forceDirectory(target.getParent());
			}
			return new Stored(received.sha256(), received.sm3(), received.size());
		}
		catch (IOException e) {
			deleteQuietly(received.temporary());
			throw new UncheckedIOException("Keeping an upload failed", e);
		}
	}

	/** Removes a received file that was refused. */
	public void discard(Received received) {
		deleteQuietly(received.temporary());
	}

	/** A failure reading the upload is the sender's (a truncated or malformed body), not the disk's. */
	private int read(InputStream in, byte[] buffer, String field) {
		try {
			return in.read(buffer);
		}
		catch (IOException e) {
			throw Refusal.invalid(field, malformedKey);
		}
	}

	public InputStream open(String sha256) {
		try {
			return Files.newInputStream(path(sha256));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The stored file " + sha256 + " cannot be read", e);
		}
	}

	public Path path(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a SHA-256 name: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	/**
	 * Creates a directory unless it is there: {@code Files.createDirectories} on an existing one throws and catches a
	 * {@code FileAlreadyExistsException} inside, with a stack trace as deep as the request's (twice a sealed bid, seen
	 * in a JFR allocation profile of the deadline rush).
	 */
	private static void directory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
		}
	}

	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException e) {
			// Some file systems do not open directories; the file itself is forced already.
		}
	}

	/** An upload that failed while it was stored: its partial file deleted, the failure to throw. */
	private static RuntimeException discarded(Path temp, Exception failure) {
		deleteQuietly(temp);
		if (failure instanceof RuntimeException unchecked) {
			return unchecked;
		}
		return failure instanceof IOException io ? new UncheckedIOException("Storing an upload failed", io)
				: new IllegalStateException(failure);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// a leftover temporary file is harmless: nothing refers to it
		}
	}
}
