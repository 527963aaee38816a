package org.yiwang.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Counts what this JVM sends PostgreSQL: statements and transactions, on every thread and on the threads chosen (the
 * request threads). Read from pgjdbc's own FINEST protocol trace: a transaction is a {@code BEGIN} (pgjdbc sends it as
 * a simple query before a transaction's first statement) or a statement sent outside one (autocommit); a statement is
 * an Execute message, less each transaction's {@code COMMIT} or {@code ROLLBACK} (one Execute each). A thread's
 * transaction ends with Spring's commit or rollback on it. The pool's liveness checks (an empty query) are counted
 * apart. Same counter as the platform's {@code IntakeTrafficTests}
 * (which says why "no Spring transaction active" is not autocommit: the region scope's {@code set_config} runs on the
 * transaction's connection before Spring marks it active).
 */
final class JdbcTraffic implements AutoCloseable {

	private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

	/** The counts of one group of threads. */
	static final class Counts {

		private final AtomicLong executes = new AtomicLong();

		private final AtomicLong begins = new AtomicLong();

		private final AtomicLong autocommits = new AtomicLong();

		private final AtomicLong livenessChecks = new AtomicLong();

		/**
		 * The pool's liveness checks: pgjdbc's {@code isValid} sends an empty query, which Hikari asks of a connection
		 * idle for more than half a second before lending it. A round trip, but no statement and no transaction.
		 */
		long livenessChecks() {
			return livenessChecks.get();
		}

		/** Statements executed, each transaction's COMMIT or ROLLBACK not counted. */
		long statements() {
			return executes.get() - begins.get();
		}

		/** Transactions begun, and statements run outside one. */
		long transactions() {
			return begins.get() + autocommits.get();
		}
	}

	private final Counts all = new Counts();

	private final Counts chosen = new Counts();

	private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

	private final Predicate<Thread> counted;

	private final ConfigurableTransactionManager manager;

	private final Collection<TransactionExecutionListener> previousListeners;

	private final Level previousLevel;

	private final boolean previousParents;

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			String message = record.getMessage();
			if (message == null) {
				return;
			}
			boolean simple = message.startsWith(" FE=> SimpleQuery") && record.getParameters() != null;
			if (simple && String.valueOf(record.getParameters()[0]).isEmpty()) {
				all.livenessChecks.incrementAndGet();
				if (counted.test(Thread.currentThread())) {
					chosen.livenessChecks.incrementAndGet();
				}
				return;
			}
			boolean begin = simple && String.valueOf(record.getParameters()[0]).startsWith("BEGIN");
			boolean execute = !begin && (message.startsWith(" FE=> Execute") || message.startsWith(" FE=> SimpleQuery"));
			if (!begin && !execute) {
				return;
			}
			boolean mine = counted.test(Thread.currentThread());
			if (begin) {
				inTransaction.set(true);
				all.begins.incrementAndGet();
				if (mine) {
					chosen.begins.incrementAndGet();
				}
				return;
			}
			boolean autocommit = !inTransaction.get();
			all.executes.incrementAndGet();
			if (autocommit) {
				all.autocommits.incrementAndGet();
			}
			if (mine) {
				chosen.executes.incrementAndGet();
				if (autocommit) {
					chosen.autocommits.incrementAndGet();
				}
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	JdbcTraffic(Object transactionManager, Predicate<Thread> counted) {
		this.counted = counted;
		this.manager = (ConfigurableTransactionManager) transactionManager;
		this.previousListeners = manager.getTransactionExecutionListeners();
		List<TransactionExecutionListener> listeners = new ArrayList<>(previousListeners);
		listeners.add(new TransactionExecutionListener() {

			@Override
			public void afterCommit(TransactionExecution transaction, Throwable failure) {
				inTransaction.set(false);
			}

			@Override
			public void afterRollback(TransactionExecution transaction, Throwable failure) {
				inTransaction.set(false);
			}
		});
		// a new list, not an add to the one other threads may be iterating
		manager.setTransactionExecutionListeners(listeners);
		previousLevel = DRIVER.getLevel();
		previousParents = DRIVER.getUseParentHandlers();
		DRIVER.setUseParentHandlers(false); // the protocol trace is counted, not logged
		DRIVER.addHandler(handler);
		DRIVER.setLevel(Level.FINEST);
	}

	/** Every thread of this JVM. */
	Counts all() {
		return all;
	}

	/** The threads chosen. */
	Counts chosen() {
		return chosen;
	}

	@Override
	public void close() {
		DRIVER.setLevel(previousLevel);
		DRIVER.removeHandler(handler);
		DRIVER.setUseParentHandlers(previousParents);
		manager.setTransactionExecutionListeners(previousListeners);
	}
}
