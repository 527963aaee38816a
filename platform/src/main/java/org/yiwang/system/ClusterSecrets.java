package org.yiwang.system;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded cluster's three logins (the superuser, which only bootstraps the other two; the
 * owner, which migrates; the application), generated once and kept in the data directory in a file only its owner
 * may read, so a backup of the directory restores a cluster that can be logged into.
 */
record ClusterSecrets(String superuser, String owner, String app) {

	static final String FILE = "yiwang-secrets.properties";

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	static ClusterSecrets generate() {
		return new ClusterSecrets(secret(), secret(), secret());
	}

	/** 32 random bytes in hex: nothing in it needs quoting in SQL or in a properties file. */
	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static Optional<ClusterSecrets> read(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		ClusterSecrets secrets = new ClusterSecrets(properties.getProperty("superuser"), properties.getProperty("owner"),
				properties.getProperty("app"));
		if (!secrets.wellFormed()) {
			throw new IllegalStateException(file + " is damaged: it must hold the superuser, owner and app secrets "
					+ "(restore it from a backup of the data directory)");
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY); // a copy restored with looser rights is tightened again
		return Optional.of(secrets);
	}

	private boolean wellFormed() {
		return superuser != null && owner != null && app != null
				&& (superuser + owner + app).matches("[0-9a-f]+");
	}

	/** Writes the file whole or not at all: created owner-only, then moved over any earlier one. */
	void write(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(FILE);
		Path fresh = Files.createTempFile(dataDirectory, FILE, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		Properties properties = new Properties();
		properties.setProperty("superuser", superuser);
		properties.setProperty("owner", owner);
		properties.setProperty("app", app);
		try (Writer out = Files.newBufferedWriter(fresh, StandardCharsets.UTF_8)) {
			properties.store(out, "Passwords of the embedded PostgreSQL's logins. Keep this file secret; it is backed up "
					+ "with the data directory.");
		}
		Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public String toString() {
		return "ClusterSecrets[hidden]";
	}
}
