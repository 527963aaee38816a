package org.yiwang.supervision.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The screen-bids command writes all or nothing. The Spring context around it is not needed for this. */
class ScreenBidsCommandTests {

	final ScreenBidsCommand command;

	ScreenBidsCommandTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		command = new ScreenBidsCommand(new CsvScreening(), messages, null);
	}

	@Test
	void writesTheScoresAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
		Path in = dir.resolve("bids.csv");
		Files.writeString(in, "\uFEFFtender,bidder,amount\nA,甲,100\nA,乙,104\nA,丙,109\n", StandardCharsets.UTF_8);
		Path out = dir.resolve("scores.csv");
		assertThat(command.run(List.of(in.toString()), List.of(out.toString()))).isZero();
		assertThat(Files.readAllLines(out)).hasSize(2).first().isEqualTo(ScreeningOutput.HEADER);
		try (var files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bids.csv", "scores.csv");
		}
	}

	@Test
	void aBadRowLeavesAnExistingOutputUntouchedAndWritesNothing(@TempDir Path dir) throws IOException {
		Path in = dir.resolve("bids.csv");
		Files.writeString(in, "tender,bidder,amount\nA,甲,100\nA,乙,-4\n", StandardCharsets.UTF_8);
		Path out = dir.resolve("scores.csv");
		Files.writeString(out, "previous result");
		assertThat(command.run(List.of(in.toString()), List.of(out.toString()))).isEqualTo(1);
		assertThat(Files.readString(out)).isEqualTo("previous result");
		try (var files = Files.list(dir)) {
			assertThat(files.count()).isEqualTo(2);
		}
	}

	@Test
	void refusesBytesThatAreNotUtf8AndMissingArguments(@TempDir Path dir) throws IOException {
		Path in = dir.resolve("bids.csv");
		Files.write(in, new byte[] { 't', 'e', 'n', 'd', 'e', 'r', ',', 'b', 'i', 'd', 'd', 'e', 'r', ',', 'a', 'm', 'o',
				'u', 'n', 't', '\n', (byte) 0xC4, (byte) 0xE3, ',', 'x', ',', '1', '\n' });
		Path out = dir.resolve("scores.csv");
		assertThat(command.run(List.of(in.toString()), List.of(out.toString()))).isEqualTo(1);
		assertThat(out).doesNotExist();
		assertThat(command.run(null, List.of(out.toString()))).isEqualTo(2);
	}
}
