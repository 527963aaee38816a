package org.yiwang.servicedesk;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.RegionScopes;

/**
 * Where the desk's work runs: staff in their own region scope, so row-level security chooses their region's rows as
 * well as the checks here; users (whose accounts have no region scope) and the platform's own steps in the
 * platform's scope, where the desk itself narrows to the user's own requests.
 */
@Component
class DeskTransactions {

	private final TransactionTemplate transactions;

	DeskTransactions(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	static boolean staff(Acting acting) {
		return acting != null && (acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN));
	}

	<T> T as(Acting acting, Supplier<T> work) {
		if (staff(acting)) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				return work.get();
			}
			return transactions.execute(status -> work.get());
		}
		return platform(work);
	}

	<T> T platform(Supplier<T> work) {
		// a step already inside the platform's transaction (one call of the desk inside another) joins it
		if (TransactionSynchronizationManager.isActualTransactionActive() && RegionScopes.current().all()) {
			return work.get();
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
