package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.system.RegionScopes;

/**
 * What one sealed bid costs the database on its request thread (issue 25: at most 2 transactions and a bounded number
 * of statements a receipt), counted at the JDBC level without timing: pgjdbc's own trace of the Execute messages it
 * sends (less each transaction's BEGIN and COMMIT), and the transactions Spring's manager ends plus any statement run
 * outside one. The receipt batch (one transaction per batch, on the signer's thread) is shared by the bids of a batch
 * and measured by {@code bench/deadline-rush.sh}.
 */
@PlatformTest
class IntakeTrafficTests {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(IntakeTrafficTests.class);

	/** The statements a receipted bid may cost on its request thread (measured: see docs/benchmarks.md). */
	static final int MAX_STATEMENTS = 20;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("transactionManager")
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void a_receipted_bid_takes_two_transactions_and_a_bounded_number_of_statements() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		OpeningFixture f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.bidder("b1");
		f.bidder("b2");
		SectionView section = f.published("0");
		f.bid(section, "b2", "950000.00"); // warm: templates and the trust store's snapshot are read once per process
		f.as("b1").run(() -> f.beans.documents().registerInterest(section.id()));
		Path envelope = f.seal(section, "b1", "900000.00");

		Thread me = Thread.currentThread();
		BidBox.BidReceipt receipt;
		Traffic traffic = new Traffic(transactionManager, me);
		try {
			receipt = f.as("b1").call(() -> {
				try (var in = Files.newInputStream(envelope)) {
					return f.beans.bids().submit(section.id(), "key-" + UUID.randomUUID(), "127.0.0.1", "test", in);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		finally {
			traffic.close();
		}
		log.info("One receipted bid on its request thread: {} statements in {} transactions", traffic.statements(),
				traffic.transactions());
		traffic.parsed.forEach(sql -> log.debug("  parsed: {}", sql));

		assertThat(receipt.bid().status()).isEqualTo(BidStatus.RECEIPTED);
		assertThat(receipt.receiptJson()).isNotEmpty();
		// the region scope takes effect at a transaction's start: read inside one, or row-level security shows nothing
		byte[] stored = RegionScopes.callAsPlatform(() -> new TransactionTemplate(transactionManager)
			.execute(s -> jdbc.sql("select receipt from tendering.bids where id = ?")
				.param(receipt.bid().id()).query(byte[].class).single()));
		assertThat(stored).as("the receipt handed out is the one committed with the bid").isEqualTo(receipt.receiptJson());
		assertThat(traffic.transactions()).as("transactions of one receipt").isLessThanOrEqualTo(2);
		assertThat(traffic.statements()).as("statements of one receipt").isPositive()
			.isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	/** The counter: the same as the bench's {@code JdbcTraffic}, for one thread. */
	static final class Traffic {

		private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

		final AtomicLong executes = new AtomicLong();

		final AtomicLong autocommits = new AtomicLong();

		final AtomicLong ended = new AtomicLong();

		final List<String> parsed = new ArrayList<>();

		private final Thread counted;

		private final ConfigurableTransactionManager manager;

		private final Collection<TransactionExecutionListener> previous;

		private final Level previousLevel;

		private final boolean previousParents;

		private final Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				String message = record.getMessage();
				if (message == null || Thread.currentThread() != counted) {
					return;
				}
				if (message.startsWith(" FE=> Execute")) {
					executes.incrementAndGet();
					if (!TransactionSynchronizationManager.isActualTransactionActive()) {
						autocommits.incrementAndGet();
					}
				}
				else if (message.startsWith(" FE=> Parse")) {
					synchronized (parsed) {
						parsed.add(message.length() > 300 ? message.substring(0, 300) : message);
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

		Traffic(PlatformTransactionManager transactionManager, Thread counted) {
			this.counted = counted;
			this.manager = (ConfigurableTransactionManager) transactionManager;
			this.previous = manager.getTransactionExecutionListeners();
			List<TransactionExecutionListener> listeners = new ArrayList<>(previous);
			listeners.add(new TransactionExecutionListener() {

				@Override
				public void afterCommit(TransactionExecution transaction, Throwable failure) {
					if (Thread.currentThread() == counted) {
						ended.incrementAndGet();
					}
				}

				@Override
				public void afterRollback(TransactionExecution transaction, Throwable failure) {
					if (Thread.currentThread() == counted) {
						ended.incrementAndGet();
					}
				}
			});
			manager.setTransactionExecutionListeners(listeners); // a new list: other threads may be iterating the old
			previousLevel = DRIVER.getLevel();
			previousParents = DRIVER.getUseParentHandlers();
			DRIVER.setUseParentHandlers(false);
			DRIVER.addHandler(handler);
			DRIVER.setLevel(Level.FINEST);
		}

		long statements() {
			return executes.get() - 2 * ended.get();
		}

		long transactions() {
			return ended.get() + autocommits.get();
		}

		void close() {
			DRIVER.setLevel(previousLevel);
			DRIVER.removeHandler(handler);
			DRIVER.setUseParentHandlers(previousParents);
			manager.setTransactionExecutionListeners(previous);
		}
	}
}
