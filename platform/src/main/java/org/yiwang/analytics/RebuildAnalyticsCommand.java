package org.yiwang.analytics;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --yiwang.command=rebuild-analytics}: recomputes every rollup from the facts, logging its progress in percent,
 * and exits 0 when done, 1 when it failed.
 */
@Component
@Order(100)
class RebuildAnalyticsCommand implements ApplicationRunner {

	private final RollupRebuild rebuild;

	private final ApplicationContext context;

	RebuildAnalyticsCommand(RollupRebuild rebuild, ApplicationContext context) {
		this.rebuild = rebuild;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> commands = args.getOptionValues("yiwang.command");
		if (commands == null || !commands.contains("rebuild-analytics")) {
			return;
		}
		boolean ok;
		try {
			rebuild.rebuild();
			ok = true;
		}
		catch (RuntimeException e) {
			System.err.println("Analytics rebuild FAILED: " + e.getMessage());
			ok = false;
		}
		boolean done = ok;
		System.exit(SpringApplication.exit(context, () -> done ? 0 : 1));
	}
}
