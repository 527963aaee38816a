package org.yiwang.portal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --yiwang.command=rebuild-portal-index}: rebuilds the portal's search index from the database, printing its
 * progress, and exits 0 when done, 1 when it failed.
 */
@Component
@Order(100)
class RebuildIndexCommand implements ApplicationRunner {

	private final IndexRebuild rebuild;

	private final ApplicationContext context;

	RebuildIndexCommand(IndexRebuild rebuild, ApplicationContext context) {
		this.rebuild = rebuild;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		List<String> commands = args.getOptionValues("yiwang.command");
		if (commands == null || !commands.contains("rebuild-portal-index")) {
			return;
		}
		rebuild.start();
		RebuildProgress progress = rebuild.progress();
		while (progress.running()) {
			System.out.printf("Portal index: %d of %d records (%d%%)%n", progress.done(), progress.total(), progress.percent());
			Thread.sleep(1000);
			progress = rebuild.progress();
		}
		boolean ok = progress.error() == null;
		System.out.println(ok ? "Portal index rebuilt: " + progress.done() + " records"
				: "Portal index rebuild FAILED: " + progress.error());
		System.exit(SpringApplication.exit(context, () -> ok ? 0 : 1));
	}
}
