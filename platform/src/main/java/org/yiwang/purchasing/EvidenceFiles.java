package org.yiwang.purchasing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.Refusal;

/**
 * Price evidence files (other provinces' award notices, invoices) as content-addressed blobs: streamed through
 * SHA-256 and SM3 in 64 KB chunks into a temporary file forced to disk, then moved under the SHA-256 name. Never held
 * whole in memory, never visible half-written. The same directory layout as the tender documents' blob store
 * ({@code blobs} beside the embedded database), so one backup holds both.
 */
@Component
class EvidenceFiles {

	/** An evidence file is a scan or a PDF; the pages' multipart limit is 10 MB too. */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	record Stored(String sha256, String sm3, long size) {
	}

	private final Path root;

	EvidenceFiles(@Value("${yiwang.purchasing.blob-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		this.root = (directory == null || directory.isBlank() ? Path.of(database).toAbsolutePath().resolveSibling("blobs")
				: Path.of(directory)).toAbsolutePath().normalize();
	}

	Stored store(InputStream in) {
		Path temp;
		try {
			Files.createDirectories(root.resolve("tmp"));
			temp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
		}
		catch (IOException e) {
			throw new UncheckedIOException("The blob directory " + root + " cannot be written", e);
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			SM3Digest sm3 = new SM3Digest();
			long size = 0;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = read(in, buffer)) != -1) {
					size += read;
					if (size > MAX_BYTES) {
						throw Refusal.invalid("evidence", "purchasing.evidence.tooLarge", MAX_BYTES / (1024 * 1024));
					}
					sha256.update(buffer, 0, read);
					sm3.update(buffer, 0, read);
					out.write(buffer, 0, read);
				}
				channel.force(true);
			}
			if (size == 0) {
				throw Refusal.invalid("evidence", "purchasing.evidence.required");
			}
			byte[] sm3Hash = new byte[32];
			sm3.doFinal(sm3Hash, 0);
			String name = HexFormat.of().formatHex(sha256.digest());
			Path target = path(name);
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				Files.delete(temp);
			}
			else {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(name, HexFormat.of().formatHex(sm3Hash), size);
		}
		catch (IOException e) {
			deleteQuietly(temp);
			throw new UncheckedIOException("Storing an evidence file failed", e);
		}
		catch (RuntimeException e) {
			deleteQuietly(temp);
			throw e;
		}
		catch (NoSuchAlgorithmException e) {
			deleteQuietly(temp);
			throw new IllegalStateException(e);
		}
	}

	InputStream open(String sha256) {
		try {
			return Files.newInputStream(path(sha256));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The evidence file " + sha256 + " cannot be read", e);
		}
	}

	private Path path(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a SHA-256 name: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	/** A broken upload is the sender's fault (a truncated body), not the disk's. */
	private static int read(InputStream in, byte[] buffer) {
		try {
			return in.read(buffer);
		}
		catch (IOException e) {
			throw Refusal.invalid("evidence", "purchasing.evidence.broken");
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// an orphaned temporary file is harmless: nothing refers to it
		}
	}
}
