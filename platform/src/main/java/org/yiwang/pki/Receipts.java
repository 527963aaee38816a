package org.yiwang.pki;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.MerkleTree;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.ReceiptVerifier;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.envelope.TreeHead;
import org.yiwang.system.RegionScopes;

/**
 * Signed receipts, batched as Certificate Transparency does: statements arriving within a short window (up to
 * {@link #WINDOW_MILLIS} ms after the first, or {@link #MAX_BATCH} of them) become the leaves of one RFC 6962 Merkle
 * tree; its tree head is signed once with the platform SM2 key, timestamped once by the platform TSA, and stored,
 * and only then does each {@link #issue} return its statement's receipt with the audit path. One SM2 signature and
 * one timestamp per batch instead of per bid.
 */
@Service
public class Receipts implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Receipts.class);

	public static final int WINDOW_MILLIS = 20;

	public static final int MAX_BATCH = 1024;

	public static final int MAX_STATEMENT_BYTES = 16 * 1024;

	private static final long ISSUE_TIMEOUT_SECONDS = 30;

	private record Pending(byte[] statement, CompletableFuture<SignedReceipt> receipt) {
	}

	private final PlatformKeys keys;

	private final TimestampAuthority timestamps;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread signer;

	private volatile boolean running = true;

	Receipts(PlatformKeys keys, TimestampAuthority timestamps, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.keys = keys;
		this.timestamps = timestamps;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.signer = new Thread(this::run, "receipt-signer");
		this.signer.setDaemon(true);
		this.signer.start();
	}

	/**
	 * The receipt of {@code statement} (what the caller attests: bidder, trade code, hashes, receive time), once its
	 * batch's tree head is signed, timestamped and stored. Blocks for the batch window plus one signature.
	 */
	public SignedReceipt issue(byte[] statement) {
		if (statement == null || statement.length == 0 || statement.length > MAX_STATEMENT_BYTES) {
			throw new IllegalArgumentException("A statement is 1.." + MAX_STATEMENT_BYTES + " bytes");
		}
		if (!running) {
			throw new IllegalStateException("The receipt signer has stopped");
		}
		Pending pending = new Pending(statement.clone(), new CompletableFuture<>());
		queue.add(pending);
		try {
			return pending.receipt().get(ISSUE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a receipt", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("The receipt batch failed", e.getCause());
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("No receipt within " + ISSUE_TIMEOUT_SECONDS + " s", e);
		}
	}

	/**
	 * Whether the receipt holds: the statement is included under the tree head, the platform's SM2 signature over the
	 * tree head and the TSA's token over it verify, and the tree head is the one this platform stored.
	 */
	public boolean verify(SignedReceipt receipt) {
		ReceiptVerifier.Result result = ReceiptVerifier.verify(receipt, platformPublicKey(), rootCertificate());
		if (!result.valid()) {
			return false;
		}
		byte[] stored = RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc
			.sql("select tree_head from pki.receipt_tree_heads where batch = ?")
			.param(result.treeHead().batch())
			.query(byte[].class)
			.optional()
			.orElse(null)));
		return stored != null && Arrays.equals(stored, receipt.treeHead());
	}

	private void run() {
		while (running) {
			List<Pending> batch = new ArrayList<>();
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);
				while (batch.size() < MAX_BATCH) {
					long left = deadline - System.nanoTime();
					Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
					if (next == null) {
						break;
					}
					batch.add(next);
				}
				sign(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				running = false;
				batch.forEach(p -> p.receipt().completeExceptionally(e));
			}
			catch (RuntimeException | Error e) {
				log.error("A receipt batch of {} failed", batch.size(), e);
				batch.forEach(p -> p.receipt().completeExceptionally(e));
			}
		}
		List<Pending> left = new ArrayList<>();
		queue.drainTo(left);
		left.forEach(p -> p.receipt().completeExceptionally(new IllegalStateException("The receipt signer has stopped")));
	}

	private void sign(List<Pending> batch) {
		List<byte[]> leaves = batch.stream().map(p -> MerkleTree.leafHash(p.statement())).toList();
		byte[] root = MerkleTree.root(leaves);
		Instant now = clock.instant();
		record Signed(byte[] treeHead, byte[] signature, byte[] token) {
		}
		keys.ensureCreated(); // loading the keys needs its own transactions: never inside the batch's
		// One transaction per batch: its number, the signature and timestamp over the tree head naming it, and the row.
		// The event commits with the tree head, so the transparency log learns of every batch stored (issue 24).
		Signed signed = RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			long number = jdbc.sql("select nextval('pki.receipt_batches')").query(Long.class).single();
			byte[] treeHead = new TreeHead(number, batch.size(), root, now).encoded();
			byte[] signature = keys.sign(treeHead);
			byte[] token = timestamps.timestamp(Crypto.sha256(treeHead));
			jdbc.sql("insert into pki.receipt_tree_heads (batch, tree_size, root, signed_at, tree_head, signature, "
					+ "timestamp_token) values (?, ?, ?, ?, ?, ?, ?)")
				.params(number, batch.size(), root, Timestamp.from(now), treeHead, signature, token)
				.update();
			events.publishEvent(new ReceiptBatchSigned(number,
					batch.stream().map(p -> org.yiwang.kernel.Sha256.hex(p.statement())).toList(), now));
			return new Signed(treeHead, signature, token);
		}));
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).receipt().complete(new SignedReceipt(batch.get(i).statement(), i,
					MerkleTree.auditPath(leaves, i), signed.treeHead(), signed.signature(), signed.token()));
		}
	}

	private PublicKey platformPublicKey() {
		try {
			return Pem.certificate(keys.signingCertificateHolder()).getPublicKey();
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException(e);
		}
	}

	private X509Certificate rootCertificate() {
		try {
			return Pem.certificate(keys.rootCertificateHolder());
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		running = false;
		signer.interrupt();
		signer.join(5_000);
	}
}
