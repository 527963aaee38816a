package org.yiwang.supervision.screening;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.system.PlatformCommand;
import org.yiwang.system.Refusal;

/**
 * {@code --yiwang.command=screen-bids --input=bids.csv --output=scores.csv}: screens a CSV of historical bids on the
 * server. The result is written to a temporary file beside the output and moved into place only when complete, so a
 * bad row (reported with its line number, exit code 1) leaves no output, not a half-written one.
 */
@Component
@Order(100)
class ScreenBidsCommand extends PlatformCommand {

	private final CsvScreening screening;

	private final MessageSource messages;

	ScreenBidsCommand(CsvScreening screening, MessageSource messages, ApplicationContext context) {
		super("screen-bids", context);
		this.screening = screening;
		this.messages = messages;
	}

	@Override
	protected int execute(ApplicationArguments args) {
		return run(args.getOptionValues("input"), args.getOptionValues("output"));
	}

	int run(List<String> input, List<String> output) {
		if (input == null || input.size() != 1 || output == null || output.size() != 1) {
			System.err.println("用法 Usage: --yiwang.command=screen-bids --input=bids.csv --output=scores.csv");
			return 2;
		}
		Path in = Path.of(input.get(0));
		Path out = Path.of(output.get(0)).toAbsolutePath();
		Path temp = null;
		try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
			List<ScreeningOutput.Row> rows = screening.screenUnchecked(reader);
			temp = Files.createTempFile(out.getParent(), ".screen-bids-", ".csv.part");
			try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				ScreeningOutput.write(rows, writer);
			}
			Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			System.out.printf("已筛查 %d 个标段 Screened %d tenders -> %s%n", rows.size(), rows.size(), out);
			return 0;
		}
		catch (Refusal refused) {
			System.err.println(messages.getMessage(refused.messageKey(), refused.arguments(), Locale.SIMPLIFIED_CHINESE));
			System.err.println(messages.getMessage(refused.messageKey(), refused.arguments(), Locale.ENGLISH));
			return 1;
		}
		catch (IOException | java.io.UncheckedIOException e) {
			Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
			if (cause instanceof java.nio.charset.CharacterCodingException) {
				System.err.println(messages.getMessage("supervision.screening.notUtf8", null, Locale.SIMPLIFIED_CHINESE));
				System.err.println(messages.getMessage("supervision.screening.notUtf8", null, Locale.ENGLISH));
			}
			else {
				System.err.println("读写失败 Cannot read or write: " + cause.getMessage());
			}
			return 1;
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// the move already consumed it, or the disk is gone: nothing more to do
				}
			}
		}
	}
}
