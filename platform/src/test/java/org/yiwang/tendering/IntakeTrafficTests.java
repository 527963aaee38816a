package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yiwang.PlatformTest;
import org.yiwang.account.AccountManagement;
import org.yiwang.system.RegionScopes;

/**
 * What one sealed bid costs the database on its request thread (issue 25: at most 2 transactions and a bounded number
 * of statements a receipt), counted at the JDBC level without timing from pgjdbc's own protocol trace (see
 * {@link Traffic}); the log lists every statement with the platform method that sent it. The receipt batch (one transaction per batch, on the signer's thread) is shared by the bids of a batch
 * and measured by {@code bench/deadline-rush.sh}.
 */
@PlatformTest
class IntakeTrafficTests {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(IntakeTrafficTests.class);

	/**
	 * The issue's goal for a receipt, whether the node remembers the bearer token or not (docs/tendering.md lists the
	 * statements): the bid's one transaction sets the region scope, reads the member's entity with the signer's binding
	 * and a running blacklisting (one registry read), holds the section with everything about it, reads the trust
	 * store's version, stores bid + receipt + evidence, and appends the audit entry with its head (6). A token new to
	 * the node adds one statement outside any transaction, its read (7 in 2).
	 */
	static final int MAX_STATEMENTS = 8;

	static final int MAX_TRANSACTIONS = 2;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("transactionManager")
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	/** What one call to the API cost on its request thread, and what it answered. */
	private record Call(long statements, long transactions, List<String> trace, MvcResult result) {
	}

	/** One sealed bid over HTTP as a bid tool sends it (bearer token, plain body), counted from the filters on. */
	private Call submit(OpeningFixture f, SectionView section, String bidder, String token, Path envelope)
			throws Exception {
		byte[] body = Files.readAllBytes(envelope);
		Traffic traffic = new Traffic(transactionManager, Thread.currentThread());
		MvcResult result;
		try {
			traffic.start();
			result = mvc.perform(post("/api/tendering/sections/{id}/bids", section.id().value())
				.header("Authorization", "Bearer " + token).header("Idempotency-Key", "key-" + UUID.randomUUID())
				.contentType(MediaType.APPLICATION_OCTET_STREAM).content(body)).andReturn();
		}
		finally {
			traffic.close();
		}
		assertThat(result.getResponse().getStatus()).as(bidder + ": " + result.getResponse().getContentAsString())
			.isEqualTo(201);
		return new Call(traffic.statements(), traffic.transactions(), List.copyOf(traffic.trace), result);
	}

	private String token(OpeningFixture f, String bidder) {
		return f.as(bidder).call(() -> accounts.issueOwnToken("intake", 1).secret());
	}

	/**
	 * The issue's count is per receipt over HTTP: the bearer token's authentication included. A token this node has
	 * not seen costs one statement outside any transaction (read, and marked used without waiting for the disk); one
	 * it remembers costs nothing ({@code account.TokenLogin}). A deadline rush sends each bidder's token once, so its
	 * receipts pay the first; a bid tool that asked anything before (its section, its earlier bids) pays the second.
	 */
	@Test
	void a_receipted_bid_over_http_takes_at_most_eight_statements_in_two_transactions_its_token_new_or_not() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		OpeningFixture f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		for (String b : List.of("b1", "b2", "b3")) {
			f.bidder(b);
		}
		SectionView section = f.published("0");
		for (String b : List.of("b1", "b2", "b3")) {
			f.as(b).run(() -> f.beans.documents().registerInterest(section.id()));
		}
		// warm: templates, the trust store's snapshot, the opening key and the HTTP path are read once per process
		submit(f, section, "b2", token(f, "b2"), f.seal(section, "b2", "950000.00"));

		Path first = f.seal(section, "b1", "900000.00");
		Call cold = submit(f, section, "b1", token(f, "b1"), first);
		log.info("One receipted bid over HTTP, its token new to this node: {} statements in {} transactions",
				cold.statements(), cold.transactions());
		log.info("What it sent:\n{}", String.join("\n", cold.trace()));

		String known = token(f, "b3");
		// sealed first: the token is remembered for a while of real time, and sealing (OpenSSL) takes seconds on a
		// loaded machine; between the two calls nothing else runs
		Path third = f.seal(section, "b3", "910000.00");
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + known)).andExpect(status().isOk());
		Call warm = submit(f, section, "b3", known, third);
		log.info("One receipted bid over HTTP, its token remembered: {} statements in {} transactions",
				warm.statements(), warm.transactions());
		log.info("What it sent:\n{}", String.join("\n", warm.trace()));

		String bidId = cold.result().getResponse().getHeader("X-Bid-Id");
		byte[] answered = cold.result().getResponse().getContentAsByteArray();
		assertThat(answered).isNotEmpty();
		// the region scope takes effect at a transaction's start: read inside one, or row-level security shows nothing
		byte[] stored = RegionScopes.callAsPlatform(() -> new TransactionTemplate(transactionManager)
			.execute(s -> jdbc.sql("select receipt from tendering.bids where id = ? and status = 'RECEIPTED'")
				.param(UUID.fromString(bidId)).query(byte[].class).single()));
		assertThat(stored).as("the receipt handed out is the one committed with the bid").isEqualTo(answered);

		assertThat(warm.transactions()).as("transactions of one receipt, token remembered: the bid's one").isEqualTo(1);
		assertThat(warm.statements()).as("statements of one receipt, token remembered").isPositive()
			.isLessThanOrEqualTo(MAX_STATEMENTS - 1);
		assertThat(cold.transactions()).as("transactions of one receipt, token new: the token's read and the bid's")
			.isLessThanOrEqualTo(MAX_TRANSACTIONS);
		assertThat(cold.statements()).as("statements of one receipt, token new").isPositive()
			.isLessThanOrEqualTo(MAX_STATEMENTS);
	}

	/**
	 * The counter, for one thread (the bench's {@code JdbcTraffic} counts the same way on every thread): what pgjdbc
	 * itself sends, read from its FINEST protocol trace. A transaction is a {@code BEGIN} (pgjdbc sends it as a simple
	 * query before a transaction's first statement) or a statement sent outside one (autocommit). A statement is an
	 * Execute message, less each transaction's {@code COMMIT} or {@code ROLLBACK} (one Execute each; {@code BEGIN} is
	 * no Execute). The end of a transaction is Spring's commit or rollback on the counted thread.
	 * <p>
	 * An earlier version took "a statement while Spring has no transaction active" for autocommit; but the region scope's
	 * {@code set_config} runs in {@code prepareTransactionalConnection}, on the transaction's connection after its
	 * autocommit is off and before Spring marks the transaction active, so each transaction was counted twice (the log
	 * said 4 transactions for the 2 below). It also took two Executes a transaction off where pgjdbc sends one.
	 */
	static final class Traffic {

		private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

		final AtomicLong executes = new AtomicLong();

		final AtomicLong autocommits = new AtomicLong();

		final AtomicLong begins = new AtomicLong();

		/** Each transaction's statements as sent, for the log. */
		final List<String> trace = new ArrayList<>();

		private volatile boolean inTransaction;

		/** Off until {@link #start}: before it, only the statements' names are learnt (for the log). */
		private volatile boolean counting;

		private String bound = "?";

		private final java.util.Map<String, String> prepared = new java.util.concurrent.ConcurrentHashMap<>();

		private final Thread counted;

		private final ConfigurableTransactionManager manager;

		private final Collection<TransactionExecutionListener> previous;

		private final Level previousLevel;

		private final boolean previousParents;

		private final Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				String message = record.getMessage();
				if (message == null) {
					return;
				}
				if (message.startsWith(" FE=> Parse(stmt=")) { // named statements: remembered from any thread
					int comma = message.indexOf(",query=");
					if (comma > 0) {
						String name = message.substring(" FE=> Parse(stmt=".length(), comma);
						String sql = message.substring(comma + ",query=".length());
						if (!"null".equals(name)) {
							prepared.put(name, sql);
						}
						if (Thread.currentThread() == counted) {
							bound = sql;
						}
					}
					return;
				}
				if (!counting || Thread.currentThread() != counted) {
					return;
				}
				if (message.startsWith(" FE=> Bind(stmt=")) {
					int comma = message.indexOf(",portal=");
					String name = comma > 0 ? message.substring(" FE=> Bind(stmt=".length(), comma) : "null";
					if (!"null".equals(name)) {
						bound = prepared.getOrDefault(name, "(prepared earlier as " + name + ")");
					}
				}
				else if (message.startsWith(" FE=> SimpleQuery")) {
					String sql = String.valueOf(record.getParameters() == null ? "" : record.getParameters()[0]);
					if (sql.startsWith("BEGIN")) {
						begins.incrementAndGet();
						inTransaction = true;
						note("-- transaction " + begins.get() + ": " + sql);
					}
					else {
						executes.incrementAndGet(); // a statement sent as a simple query
						count(sql);
					}
				}
				else if (message.startsWith(" FE=> Execute")) {
					executes.incrementAndGet();
					count(bound);
				}
			}

			private void count(String sql) {
				if (!inTransaction) {
					autocommits.incrementAndGet();
					note("-- autocommit (a transaction of its own):");
				}
				note("   " + caller() + "  " + (sql.length() > 120 ? sql.substring(0, 120) + "..." : sql)
					.replaceAll("\\s+", " "));
				bound = "(prepared earlier)";
			}

			/** Who sent it: the first platform frame below the driver (not this test, not the region scope's setup). */
			private String caller() {
				return StackWalker.getInstance().walk(frames -> frames
					.filter(f -> f.getClassName().startsWith("org.yiwang.")
							&& !f.getClassName().startsWith(IntakeTrafficTests.class.getName()))
					.findFirst()
					.map(f -> f.getClassName().substring("org.yiwang.".length()) + "." + f.getMethodName() + ":"
							+ f.getLineNumber())
					.orElse("(Spring: commit or rollback)"));
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
					ended();
				}

				@Override
				public void afterRollback(TransactionExecution transaction, Throwable failure) {
					ended();
				}
			});
			manager.setTransactionExecutionListeners(listeners); // a new list: other threads may be iterating the old
			previousLevel = DRIVER.getLevel();
			previousParents = DRIVER.getUseParentHandlers();
			DRIVER.setUseParentHandlers(false);
			DRIVER.addHandler(handler);
			DRIVER.setLevel(Level.FINEST);
		}

		private void ended() {
			if (Thread.currentThread() == counted) {
				inTransaction = false;
			}
		}

		private void note(String line) {
			synchronized (trace) {
				trace.add(line);
			}
		}

		void start() {
			counting = true;
		}

		/** Statements sent, each transaction's COMMIT or ROLLBACK not counted. */
		long statements() {
			return executes.get() - begins.get();
		}

		/** Transactions begun, and statements run outside one. */
		long transactions() {
			return begins.get() + autocommits.get();
		}

		void close() {
			DRIVER.setLevel(previousLevel);
			DRIVER.removeHandler(handler);
			DRIVER.setUseParentHandlers(previousParents);
			manager.setTransactionExecutionListeners(previous);
		}
	}
}
