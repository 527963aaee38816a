package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiwang.system.Refusal;

/** The blob store streams and hashes; a refused or broken upload leaves no file behind. */
class BlobsTests {

	@TempDir
	Path dir;

	@Test
	void stores_under_the_sha256_name_with_both_hashes_and_keeps_one_copy_of_equal_content() throws Exception {
		Blobs blobs = new Blobs(dir.toString(), "");
		byte[] content = "abc".getBytes();
		Blobs.Stored stored = blobs.store(new ByteArrayInputStream(content), 10, "file", "empty", "tooLarge");
		assertThat(stored.sm3()).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Files.readAllBytes(blobs.path(stored.sha256()))).isEqualTo(content);
		blobs.store(new ByteArrayInputStream(content), 10, "file", "empty", "tooLarge");
		try (var files = Files.walk(dir)) {
			assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
		}
	}

	@Test
	void refuses_too_large_empty_and_broken_uploads_and_leaves_no_file() throws Exception {
		Blobs blobs = new Blobs(dir.toString(), "");
		assertThatThrownBy(() -> blobs.store(new ByteArrayInputStream(new byte[11]), 10, "file", "empty", "tooLarge"))
			.isInstanceOf(Refusal.class).extracting("messageKey").isEqualTo("tooLarge");
		assertThatThrownBy(() -> blobs.store(new ByteArrayInputStream(new byte[0]), 10, "file", "empty", "tooLarge"))
			.isInstanceOf(Refusal.class).extracting("messageKey").isEqualTo("empty");
		InputStream broken = new InputStream() {
			int left = 100_000;

			@Override
			public int read() throws IOException {
				if (left <= 0) {
					throw new IOException("connection reset");
				}
				left--;
				return 7;
			}
		};
		assertThatThrownBy(() -> blobs.store(broken, 1_000_000, "file", "empty", "tooLarge"))
			.isInstanceOf(Refusal.class).extracting("messageKey").isEqualTo("tendering.upload.malformed");
		try (var files = Files.walk(dir)) {
			assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
		}
	}

	@Test
	void defaults_to_blobs_beside_the_database_directory() {
		assertThat(new Blobs("", "data/postgres").root()).isEqualTo(Path.of("data/blobs").toAbsolutePath().normalize());
	}
}
