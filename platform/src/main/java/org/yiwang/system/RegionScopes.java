package org.yiwang.system;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Acting;

/**
 * The region scope of the current thread: the signed-in principal's, or one set explicitly for work the platform
 * does itself (start-up loading, login bookkeeping, event listeners). Each new database transaction hands it to
 * PostgreSQL, whose row-level security policies read it; with no scope, region-scoped tables show nothing.
 */
public final class RegionScopes {

	private static final ThreadLocal<RegionScope> EXPLICIT = new ThreadLocal<>();

	private RegionScopes() {
	}

	public static RegionScope current() {
		RegionScope explicit = EXPLICIT.get();
		if (explicit != null) {
			return explicit;
		}
		return Actors.current().map(Acting::regionScope).orElse(RegionScope.none());
	}

	/**
	 * Runs work in the given scope. It must start its own transactions: a transaction already open keeps the scope
	 * it began with, so calling this inside one is a programming error and fails at once.
	 */
	public static <T> T callIn(RegionScope scope, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A region scope must be set before the transaction begins, not inside it");
		}
		RegionScope previous = EXPLICIT.get();
		EXPLICIT.set(scope);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				EXPLICIT.remove();
			}
			else {
				EXPLICIT.set(previous);
			}
		}
	}

	public static void runIn(RegionScope scope, Runnable work) {
		callIn(scope, () -> {
			work.run();
			return null;
		});
	}

	/** Work the platform does on its own behalf, across all regions. */
	public static <T> T callAsPlatform(Supplier<T> work) {
		return callIn(RegionScope.wholeCity(), work);
	}

	public static void runAsPlatform(Runnable work) {
		runIn(RegionScope.wholeCity(), work);
	}
}
