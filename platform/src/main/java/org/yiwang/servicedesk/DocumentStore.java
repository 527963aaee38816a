package org.yiwang.servicedesk;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.Refusal;

/**
 * Request documents on local disk, content-addressed (SHA-256), streamed in 64 KB chunks into a temporary file forced
 * to disk and then moved under its hash: never held whole in memory, never visible half-written. The directory is
 * {@code yiwang.servicedesk.document-directory}, by default {@code service-documents} beside the embedded database.
 */
@Component
class DocumentStore {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	record Stored(String sha256, long size) {
	}

	private final Path root;

	DocumentStore(@Value("${yiwang.servicedesk.document-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		this.root = (directory == null || directory.isBlank()
				? Path.of(database).toAbsolutePath().resolveSibling("service-documents") : Path.of(directory))
			.toAbsolutePath().normalize();
	}

	Stored store(InputStream in) {
		Path temp;
		try {
			Files.createDirectories(root.resolve("tmp"));
			temp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
		}
		catch (IOException e) {
			throw new UncheckedIOException("The document directory " + root + " cannot be written", e);
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = in.read(buffer)) != -1) {
					size += read;
					if (size > MAX_BYTES) {
						throw Refusal.invalid("document", "servicedesk.document.tooLarge", MAX_BYTES / (1024 * 1024));
					}
					sha256.update(buffer, 0, read);
					out.write(buffer, 0, read);
				}
				channel.force(true);
			}
			if (size == 0) {
				throw Refusal.invalid("document", "servicedesk.document.empty");
			}
			String name = HexFormat.of().formatHex(sha256.digest());
			Path target = root.resolve(name.substring(0, 2)).resolve(name);
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				Files.delete(temp);
			}
			else {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(name, size);
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
}
