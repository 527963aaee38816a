package org.yiwang.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --yiwang.command=verify-audit}: verifies the chain, prints the outcome and exits 0 when intact, 1 when not.
 */
@Component
@Order(100)
class AuditCommand implements ApplicationRunner {

	private final AuditLog log;

	private final ApplicationContext context;

	AuditCommand(AuditLog log, ApplicationContext context) {
		this.log = log;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		java.util.List<String> commands = args.getOptionValues("yiwang.command");
		if (commands == null || !commands.contains("verify-audit")) {
			return;
		}
		ChainVerification result = log.verify();
		if (result.intact()) {
			System.out.printf("Audit chain intact: %d entries verified in %d ms%n", result.entriesChecked(), result.millis());
		}
		else {
			System.out.printf("Audit chain BROKEN at entry #%d (%s) after %d entries%n", result.firstBrokenSeq(),
					result.problem(), result.entriesChecked());
		}
		int code = result.intact() ? 0 : 1;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
