package org.yiwang.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Evidence files on local disk, content-addressed like tender documents: streamed in 64 KB chunks through SHA-256 and
 * SM3 into a temporary file forced to disk, then moved under its SHA-256 name. Never held whole in memory, never
 * visible half-written. The directory is {@code yiwang.supervision.evidence-directory}, by default {@code evidence}
 * beside the embedded database's directory.
 */
@Component
class EvidenceStore {

	static final long MAX_BYTES = 50L * 1024 * 1024;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	record Stored(String sha256, String sm3, long size) {
	}

	private final Path root;

	EvidenceStore(@Value("${yiwang.supervision.evidence-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		this.root = (directory == null || directory.isBlank()
				? Path.of(database).toAbsolutePath().resolveSibling("evidence") : Path.of(directory))
			.toAbsolutePath().normalize();
	}

	Stored store(InputStream in) {
		Path temp;
		try {
			Files.createDirectories(root.resolve("tmp"));
			temp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
		}
		catch (IOException e) {
			throw new UncheckedIOException("The evidence directory " + root + " cannot be written", e);
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			SM3Digest sm3 = new SM3Digest();
			long size = 0;
			try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = in.read(buffer)) != -1) {
					size += read;
					if (size > MAX_BYTES) {
						throw Refusal.invalid("evidence", "supervision.evidence.tooLarge", MAX_BYTES / (1024 * 1024));
					}
					sha256.update(buffer, 0, read);
					sm3.update(buffer, 0, read);
					out.write(buffer, 0, read);
				}
				channel.force(true);
			}
			if (size == 0) {
				throw Refusal.invalid("evidence", "supervision.evidence.empty");
			}
			byte[] sm3Hash = new byte[32];
			sm3.doFinal(sm3Hash, 0);
			String name = HexFormat.of().formatHex(sha256.digest());
			Path target = file(name);
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
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		finally {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// a leftover temporary file is harmless: it is never read
			}
		}
	}

	InputStream open(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a SHA-256: " + sha256);
		}
		try {
			return Files.newInputStream(file(sha256));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path file(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}
}
