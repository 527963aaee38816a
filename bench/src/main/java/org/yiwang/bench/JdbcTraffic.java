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
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what this JVM sends PostgreSQL, on the threads chosen: statements and transactions. Statements are the
 * driver's own count: pgjdbc logs every Execute message it sends at FINEST, and each transaction adds two of them (its
 * BEGIN and COMMIT), which are taken off. Transactions are the ones Spring's transaction manager commits or rolls back,
 * plus every statement executed outside one (autocommit: a transaction of its own). Same counter as the platform's
 * {@code IntakeTrafficTests}.
 */
final class JdbcTraffic implements AutoCloseable {

	private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

	private final AtomicLong executes = new AtomicLong();

	private final AtomicLong autocommits = new AtomicLong();

	private final AtomicLong transactions = new AtomicLong();

	private final Predicate<Thread> counted;

	private final ConfigurableTransactionManager manager;

	private final Collection<TransactionExecutionListener> previousListeners;

	private final Level previousLevel;

	private final boolean previousParents;

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			String message = record.getMessage();
			if (message != null && message.startsWith(" FE=> Execute") && counted.test(Thread.currentThread())) {
				executes.incrementAndGet();
				if (!TransactionSynchronizationManager.isActualTransactionActive()) {
					autocommits.incrementAndGet();
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
				ended();
			}

			@Override
			public void afterRollback(TransactionExecution transaction, Throwable failure) {
				ended();
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

	private void ended() {
		if (counted.test(Thread.currentThread())) {
			transactions.incrementAndGet();
		}
	}

	/** Statements executed, BEGIN and COMMIT not counted. */
	long statements() {
		return executes.get() - 2 * transactions.get();
	}

	/** Transactions: committed or rolled back through Spring, and autocommitted statements. */
	long transactions() {
		return transactions.get() + autocommits.get();
	}

	@Override
	public void close() {
		DRIVER.setLevel(previousLevel);
		DRIVER.removeHandler(handler);
		DRIVER.setUseParentHandlers(previousParents);
		manager.setTransactionExecutionListeners(previousListeners);
	}
}
