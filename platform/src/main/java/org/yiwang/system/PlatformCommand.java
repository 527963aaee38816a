package org.yiwang.system;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * A one-off job started as {@code java -jar platform.jar --yiwang.command=NAME}: the platform starts, the command whose
 * name was given runs once the context is up, and the process exits with the command's code (a command that throws
 * exits 1 with its message on standard error). Subclasses are {@code @Component}s ordered after the start-up work they
 * need; they say what they do and print their outcome.
 */
public abstract class PlatformCommand implements ApplicationRunner {

	private final String name;

	private final ApplicationContext context;

	protected PlatformCommand(String name, ApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	// not final: the demo module proxies its runners (DemoRunnerWatch) by subclassing, and a final method would run on
	// the proxy's uninitialised fields
	@Override
	public void run(ApplicationArguments args) {
		List<String> commands = args.getOptionValues("yiwang.command");
		if (commands == null || !commands.contains(name)) {
			return;
		}
		int code;
		try {
			code = execute(args);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			System.err.println(name + " interrupted");
			code = 1;
		}
		catch (Exception e) {
			System.err.println(name + " FAILED: " + e.getMessage());
			code = 1;
		}
		int exit = code;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	/** Does the command's work and returns the process's exit code: 0 done, 1 failed, 2 bad arguments. */
	protected abstract int execute(ApplicationArguments args) throws Exception;

	/** The one value of {@code --option=value}, or null when absent. */
	protected static String option(ApplicationArguments args, String option) {
		List<String> values = args.getOptionValues(option);
		return values == null || values.isEmpty() ? null : values.get(0);
	}
}
