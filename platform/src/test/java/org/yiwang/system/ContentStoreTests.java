package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body received while it is checked, in one pass (a sealed bid's verification reads the bytes as they are written):
 * what is kept is what was checked, the check's refusal comes only after the body's end, and a refusal leaves no file.
 */
class ContentStoreTests {

	private static final Instant END = Instant.parse("2026-12-07T10:00:00Z");

	@TempDir
	Path dir;

	private ContentStore store() {
		return new ContentStore(dir, "test.malformed");
	}

	private static byte[] body(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(InputStream in) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1000]; // not the store's buffer size: the check reads as it likes
			for (int n; (n = in.read(buffer)) >= 0;) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private long leftInTmp() throws IOException {
		Path tmp = dir.resolve("tmp");
		if (!Files.exists(tmp)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(tmp)) {
			return files.count();
		}
	}

	@Test
	void keepsExactlyTheBytesTheCheckReadAndWhenTheirEndArrived() throws Exception {
		byte[] bytes = body(300_000);
		ContentStore.Checked<String> checked = store().receive(new ByteArrayInputStream(bytes), 1_000_000, "file",
				"test.empty", "test.tooLarge", () -> END, ContentStoreTests::sha256);

		assertThat(Files.readAllBytes(checked.received().temporary())).isEqualTo(bytes);
		assertThat(checked.received().size()).isEqualTo(bytes.length);
		assertThat(checked.outcome()).isEqualTo(sha256(new ByteArrayInputStream(bytes)));
		assertThat(checked.endedAt()).isEqualTo(END);
		ContentStore.Stored kept = store().keep(checked.received().hashed(checked.outcome()));
		assertThat(Files.readAllBytes(store().path(kept.sha256()))).isEqualTo(bytes);
		assertThat(leftInTmp()).isZero();
	}

	@Test
	void readsTheRestOfABodyItsCheckRefusedEarlyThenRefusesAndLeavesNoFile() {
		byte[] bytes = body(200_000);
		ByteArrayInputStream in = new ByteArrayInputStream(bytes);
		assertThatThrownBy(() -> store().receive(in, 1_000_000, "file", "test.empty", "test.tooLarge", () -> END, body -> {
			body.readNBytes(10);
			throw Refusal.invalid("file", "test.notAnEnvelope");
		})).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("test.notAnEnvelope"));
		assertThat(in.available()).as("the body was read to its end before the refusal").isZero();
		assertThat(dir.resolve("tmp").toFile().list()).isEmpty();
	}

	@Test
	void refusesATooLargeBodyBeforeItsChecksRefusalAndAnEmptyOneAsEmpty() throws Exception {
		assertThatThrownBy(() -> store().receive(new ByteArrayInputStream(body(5_000)), 4_000, "file", "test.empty",
				"test.tooLarge", () -> END, body -> {
					body.readAllBytes();
					throw Refusal.invalid("file", "test.notAnEnvelope");
				}))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("test.tooLarge"));
		assertThatThrownBy(() -> store().receive(new ByteArrayInputStream(new byte[0]), 4_000, "file", "test.empty",
				"test.tooLarge", () -> END, body -> {
					if (body.read() < 0) {
						throw Refusal.invalid("file", "test.notAnEnvelope");
					}
					return "read";
				}))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("test.empty"));
		assertThat(leftInTmp()).isZero();
	}

	@Test
	void aBodyBrokenOffIsTheSendersMalformedUploadNotTheChecksFailure() throws Exception {
		InputStream broken = new InputStream() {

			private int left = 70_000;

			@Override
			public int read() throws IOException {
				if (left-- > 0) {
					return 7;
				}
				throw new IOException("connection reset");
			}
		};
		assertThatThrownBy(() -> store().receive(broken, 1_000_000, "file", "test.empty", "test.tooLarge", () -> END,
				ContentStoreTests::sha256))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("test.malformed"));
		assertThat(leftInTmp()).isZero();
	}
}
