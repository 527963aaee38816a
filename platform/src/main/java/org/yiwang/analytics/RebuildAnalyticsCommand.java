package org.yiwang.analytics;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.system.PlatformCommand;

/**
 * {@code --yiwang.command=rebuild-analytics}: recomputes every rollup from the facts, logging its progress in percent,
 * and exits 0 when done, 1 when it failed.
 */
@Component
@Order(100)
class RebuildAnalyticsCommand extends PlatformCommand {

	private final RollupRebuild rebuild;

	RebuildAnalyticsCommand(RollupRebuild rebuild, ApplicationContext context) {
		super("rebuild-analytics", context);
		this.rebuild = rebuild;
	}

	@Override
	protected int execute(ApplicationArguments args) {
		rebuild.rebuild();
		return 0;
	}
}
