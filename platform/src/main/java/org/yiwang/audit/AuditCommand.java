package org.yiwang.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.system.PlatformCommand;

/**
 * {@code --yiwang.command=verify-audit}: verifies the chain, prints the outcome and exits 0 when intact, 1 when not.
 */
@Component
@Order(100)
class AuditCommand extends PlatformCommand {

	private final AuditLog log;

	AuditCommand(AuditLog log, ApplicationContext context) {
		super("verify-audit", context);
		this.log = log;
	}

	@Override
	protected int execute(ApplicationArguments args) {
		ChainVerification result = log.verify();
		if (result.intact()) {
			System.out.printf("Audit chain intact: %d entries verified in %d ms%n", result.entriesChecked(), result.millis());
		}
		else {
			System.out.printf("Audit chain BROKEN at entry #%d (%s) after %d entries%n", result.firstBrokenSeq(),
					result.problem(), result.entriesChecked());
		}
		return result.intact() ? 0 : 1;
	}
}
