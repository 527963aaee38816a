package org.yiwang.portal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.system.PlatformCommand;

/**
 * {@code --yiwang.command=rebuild-portal-index}: rebuilds the portal's search index from the database, printing its
 * progress, and exits 0 when done, 1 when it failed.
 */
@Component
@Order(100)
class RebuildIndexCommand extends PlatformCommand {

	private final IndexRebuild rebuild;

	RebuildIndexCommand(IndexRebuild rebuild, ApplicationContext context) {
		super("rebuild-portal-index", context);
		this.rebuild = rebuild;
	}

	@Override
	protected int execute(ApplicationArguments args) throws InterruptedException {
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
		return ok ? 0 : 1;
	}
}
