package org.yiwang.tendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.envelope.VerifiedEnvelope;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.pki.EnvelopeRefusal;
import org.yiwang.pki.Envelopes;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.Receipts;
import org.yiwang.pki.SealedEnvelope;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.TenderingChanged.BidSealed;
import org.yiwang.tendering.TenderingChanged.BidWithdrawn;

import com.zaxxer.hikari.HikariConfigMXBean;

/**
 * Sealed bids up to the deadline (招标投标法 Art. 28, 29). A bidder uploads the envelope its bid tool made; the platform
 * streams it to disk, refuses it after the deadline (to the microsecond of the platform clock, the time its last byte
 * arrived), checks the envelope (format, signature, trusted certificate, sealed to this section's opening key, this
 * section's trade code), that the certificate is bound to the bidder in the registry, that the bidder is not barred,
 * holds the section's qualifications and its bid security; then forces the file to disk, commits the bid, and only
 * then answers with a receipt the platform signed (Merkle-batched) and timestamped. A retry under the same
 * idempotency key gets the same receipt. A refused envelope leaves neither file nor row and is audited.
 */
@Service
public class BidBox {

	private static final Logger log = LoggerFactory.getLogger(BidBox.class);

	private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ProcedureClock.CHINA);

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,100}");

	private final Bids bids;

	private final Sections sections;

	private final SectionAccess access;

	private final TenderDesk desk;

	private final Blobs blobs;

	private final Envelopes envelopes;

	private final Receipts receipts;

	private final PlatformKeys platformKeys;

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final BidSecurity bidSecurity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxEnvelopeBytes;

	private final Semaphore bidTransactions;

	BidBox(Bids bids, Sections sections, SectionAccess access, TenderDesk desk, Blobs blobs,
			Envelopes envelopes, Receipts receipts, PlatformKeys platformKeys, EntityRegistry registry,
			EntityCertificates certificates, BidSecurity bidSecurity, ApplicationEventPublisher events, Clock clock,
			@Value("${yiwang.tendering.max-envelope-bytes:4294967296}") long maxEnvelopeBytes,
			@Value("${yiwang.tendering.bid-transactions:12}") int bidTransactions, DataSource pool) {
		this.bids = bids;
		this.sections = sections;
		this.access = access;
		this.desk = desk;
		this.blobs = blobs;
		this.envelopes = envelopes;
		this.receipts = receipts;
		this.platformKeys = platformKeys;
		this.registry = registry;
		this.certificates = certificates;
		this.bidSecurity = bidSecurity;
		this.events = events;
		this.clock = clock;
		this.maxEnvelopeBytes = maxEnvelopeBytes;
		this.bidTransactions = new Semaphore(bidTransactions(bidTransactions, pool), true);
	}

	/**
	 * The bids let into their transaction at once, checked against the application pool: each holds a connection while
	 * its receipt batch is signed, and the batch needs one more of its own, so as many bids as connections could wait on
	 * a batch that never finds one. The platform refuses to start rather than stall at the first deadline.
	 */
	static int bidTransactions(int configured, DataSource pool) {
		int connections = poolSize(pool);
		if (configured < 1 || configured >= connections) {
			throw new IllegalStateException("yiwang.tendering.bid-transactions is " + configured + "; it must be at least "
					+ "1 and below the application pool's " + connections + " connections (at most " + (connections - 1)
					+ "): each bid in its transaction holds a connection while its receipt batch is signed, and the batch "
					+ "needs one of its own");
		}
		return configured;
	}

	/** The application pool's maximum size; a pool that does not tell it counts as large enough. */
	private static int poolSize(DataSource pool) {
		try {
			return pool.isWrapperFor(HikariConfigMXBean.class)
					? pool.unwrap(HikariConfigMXBean.class).getMaximumPoolSize() : Integer.MAX_VALUE;
		}
		catch (SQLException e) {
			return Integer.MAX_VALUE;
		}
	}

	/** The receipt of a bid: its JSON (the file the bid tool verifies) and whether this answer replays an earlier one. */
	public record BidReceipt(BidView bid, byte[] receiptJson, boolean replayed) {
	}

	/**
	 * A bidder submits a sealed envelope to a section. The body is read to its end onto disk before any check of its
	 * content; every refusal names its reason.
	 *
	 * <p>One transaction a bid (issue 25): the body is streamed and its signature verified with no connection held;
	 * then one transaction holds the section ({@code for share}: bids do not wait for each other, an amendment waits
	 * for them), reads everything the bid is checked against (the deadline, the bidder's standing, its bound
	 * certificates, the signer's trust, a bid already stored under the key), keeps the file, has the receipt signed in
	 * its batch, and stores the bid with its receipt and audit entry. The receipt is handed out only after that commit.
	 * A bid refused after its receipt was signed (a duplicate raced it) leaves a signed leaf that nobody holds a
	 * receipt for. A late bid, or one to a section that does not exist, is refused once its body is in. At most
	 * {@code yiwang.tendering.bid-transactions} bids hold a connection while their receipt batch is signed, so the
	 * batch's own transaction always finds one in the pool.
	 */
	public BidReceipt submit(SectionId id, String idempotencyKey, String sourceIp, String userAgent, InputStream envelope) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		String username = acting.actor().username();
		return access.audited("bid", "section:" + id, null, () -> {
			if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
				throw Refusal.invalid("Idempotency-Key", "tendering.bid.keyForm");
			}
			// one pass over the body as it arrives: onto disk, and through the verification, which computes SM3 and
			// SHA-256 as it checks the signature (the file is not read back); refusals once the body is in
			Blobs.Checked<VerifiedEnvelope> body;
			try {
				body = blobs.receive(envelope, maxEnvelopeBytes, "envelope", "tendering.bid.empty",
						"tendering.bid.tooLarge", clock::instant, envelopes::verify);
			}
			catch (EnvelopeRefusal refusal) {
				throw refusal.toRefusal();
			}
			Blobs.Received received = body.received();
			Instant receivedAt = body.endedAt();
			VerifiedEnvelope verified = body.outcome();
			try {
				Checked checked = holdingAConnection(() -> access.platform(() -> {
					Checked found = check(id, username, idempotencyKey, verified, receivedAt);
					return found.earlier() != null ? found
							: found.stored(store(acting, found, idempotencyKey, received, receivedAt, sourceIp, userAgent));
				}));
				if (checked.earlier() == null) {
					return new BidReceipt(checked.stored().view(), checked.stored().receipt(), false);
				}
				// a retry: the same bytes get the same receipt
				blobs.discard(received);
				Bids.Row earlier = checked.earlier();
				if (!earlier.view().section().equals(id) || !earlier.view().sha256().equals(verified.sha256())) {
					throw Refusal.conflict("Idempotency-Key", "tendering.bid.keyReused");
				}
				return receipt(earlier, true);
			}
			catch (RuntimeException refused) {
				blobs.discard(received);
				throw refused;
			}
		});
	}

	/** What the checks of a first submission found (then the bid stored), or the bid a retry stored earlier. */
	private record Checked(SectionView section, EntityView bidder, SealedEnvelope sealed, Bids.Row earlier,
			Bids.Row stored) {

		Checked stored(Bids.Row row) {
			return new Checked(section, bidder, sealed, null, row);
		}
	}

	/**
	 * Every read a bid is checked against, in the bid's transaction, the section held: a retry under the same key finds
	 * its bid (and skips the rest); a first submission is refused when it is late, its envelope's signer is not trusted or not bound to the
	 * bidder, it is sealed to another section or key, names another bidder, or the bidder has not registered interest,
	 * is barred or unqualified, holds no bid security or has a bid standing.
	 */
	private Checked check(SectionId id, String username, String key, VerifiedEnvelope verified, Instant receivedAt) {
		// the entity, the signer's binding and a running blacklisting in one read; the fingerprint is the trust store's
		// (SHA-256 of the certificate's DER), checked against what inspect reports below
		String signer = fingerprint(verified);
		EntityCertificates.BidderStanding standing = access.myStanding(signer, "tendering.entity.notBidder",
				EntityRole.BIDDER);
		EntityView bidder = standing.entity();
		// the deadline as it stands under the section's hold (an amendment moving it waits for this transaction)
		Sections.ForBid found = sections.forBid(id, bidder.id(), username, key, true)
			.filter(f -> f.section().status().ordinal() >= SectionStatus.PUBLISHED.ordinal())
			.orElseThrow(SectionAccess::notFound);
		SectionView section = found.section();
		if (found.earlier() != null) {
			return new Checked(section, bidder, null, bids.byId(found.earlier()).orElseThrow(), null);
		}
		if (!desk.clockOf(section, found.holds()).acceptsBid(receivedAt)) {
			throw late(section, receivedAt);
		}
		if (section.openingKey() == null) {
			throw Refusal.conflict(null, "tendering.bid.noOpeningKey");
		}
		SealedEnvelope sealed;
		try {
			sealed = envelopes.inspect(verified, section.openingKey());
		}
		catch (EnvelopeRefusal refusal) {
			throw refusal.toRefusal();
		}
		if (!section.tradeCode().value().equals(sealed.tradeCode())) {
			throw Refusal.invalid("envelope", "tendering.bid.wrongSection", sealed.tradeCode(),
					section.tradeCode().value());
		}
		// the price sheet is encrypted until opening; the sealing tool copies its bidder into the signed header, so a
		// sheet naming someone else is refused now, before anything is stored (and checked against the sheet at opening)
		String sheetBidder = sealed.header().bidder();
		if (sheetBidder == null || sheetBidder.isBlank()) {
			throw Refusal.invalid("envelope", "tendering.bid.sheetBidderMissing");
		}
		if (!sheetBidder.strip().equals(bidder.name())) {
			throw Refusal.invalid("envelope", "tendering.bid.sheetOtherBidder", sheetBidder.strip(), bidder.name());
		}
		if (!found.interested()) {
			throw Refusal.conflict(null, "tendering.documents.registerFirst");
		}
		// the signer was judged (trusted, valid, not revoked) by inspect: only its binding is left, read with the entity
		boolean bound = sealed.signer().fingerprint().equals(signer) ? standing.signerBound()
				: certificates.activelyBound(bidder.id(), sealed.signer().fingerprint());
		if (!bound) {
			throw Refusal.invalid("envelope", "tendering.bid.signerNotBound", bidder.name());
		}
		access.requireEligible(bidder, section, standing.blacklistedSomewhere());
		if (section.bidSecurity().compareTo(Money.ZERO) > 0
				&& bidSecurity.securityHeld(bidder.id(), section.tradeCode(), section.bidSecurity()).isEmpty()) {
			throw Refusal.conflict(null, "tendering.bid.noSecurity", section.bidSecurity().toString());
		}
		if (found.standing()) {
			throw Refusal.conflict(null, "tendering.bid.duplicate");
		}
		return new Checked(section, bidder, sealed, null, null);
	}

	/** The signer certificate's fingerprint as the trust store names it: SHA-256 of its DER encoding, lower-case hex. */
	private static String fingerprint(VerifiedEnvelope verified) {
		try {
			return org.yiwang.kernel.Sha256.hex(verified.signer().getEncoded());
		}
		catch (java.security.cert.CertificateEncodingException e) {
			return ""; // no binding has it: inspect refuses such a certificate, or the binding is read by its own name
		}
	}

	/**
	 * Keeps the file, signs the receipt, and stores the bid with it, in the checks' transaction (the section held since
	 * the checks): the audit entry, whose chain head is locked until the commit, comes after the receipt's batch.
	 */
	private Bids.Row store(Acting acting, Checked checked, String key, Blobs.Received received, Instant receivedAt,
			String sourceIp, String userAgent) {
		SectionView section = checked.section();
		EntityView bidder = checked.bidder();
		SealedEnvelope sealed = checked.sealed();
		String fingerprint = sealed.signer().fingerprint();
		// durable before the receipt is signed: a committed bid always has its file
		Blobs.Stored stored = blobs.keep(received.hashed(sealed.sha256()));
		UUID bidId = UUID.randomUUID();
		byte[] statement = statement(new BidView(bidId, section.id(), section.tradeCode(), bidder.name(), stored.sha256(),
				sealed.sm3(), stored.size(), fingerprint, sealed.sealedAt(), receivedAt, BidStatus.RECEIVED, null, null),
				bidder);
		byte[] receipt = receipts.issue(statement).toJson();
		Instant receiptedAt = clock.instant();
		BidView bid = new BidView(bidId, section.id(), section.tradeCode(), bidder.name(), stored.sha256(), sealed.sm3(),
				stored.size(), fingerprint, sealed.sealedAt(), receivedAt.truncatedTo(ChronoUnit.MICROS),
				BidStatus.RECEIPTED, receiptedAt.truncatedTo(ChronoUnit.MICROS), null);
		String username = acting.actor().username();
		try {
			bids.add(bid, bidder.id(), bidder.creditCode(), section.region(), username, key, statement, receipt,
					sourceIp == null ? "unknown" : sourceIp, userAgent);
		}
		catch (DuplicateKeyException e) { // a bid of this bidder (or this one's retry) stored meanwhile
			throw Refusal.conflict(null, "tendering.bid.duplicate");
		}
		events.publishEvent(new BidSealed(Actors.actor(), bid.section(), bid.id(), bid.tradeCode(), bidder.id(),
				bid.sha256(), bid.sm3(), bid.size(), bid.receivedAt(), section.region(), receiptedAt));
		return new Bids.Row(bid, bidder.id(), section.region(), username, key, statement, receipt);
	}

	/**
	 * Runs a bid's transaction once fewer than {@code yiwang.tendering.bid-transactions} others hold a connection (each
	 * holds one while its receipt batch is signed, and the batch needs one of its own).
	 */
	private <T> T holdingAConnection(Supplier<T> work) {
		try {
			bidTransactions.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to store a bid", e);
		}
		try {
			return work.get();
		}
		finally {
			bidTransactions.release();
		}
	}

	/** Issues (or, on a retry after an interruption, completes) the receipt of a stored bid. */
	private BidReceipt receipt(Bids.Row row, boolean replayed) {
		if (row.receipt() != null) {
			return new BidReceipt(row.view(), row.receipt(), replayed);
		}
		if (row.view().status() == BidStatus.WITHDRAWN) {
			throw Refusal.conflict(null, "tendering.bid.withdrawn");
		}
		byte[] json = receipts.issue(row.statement()).toJson();
		Instant now = clock.instant();
		Bids.Row done = access.platform(() -> {
			if (bids.receipted(row.view().id(), json, now)) {
				events.publishEvent(new BidSealed(Actors.actor(), row.view().section(), row.view().id(),
						row.view().tradeCode(), row.bidder(), row.view().sha256(), row.view().sm3(), row.view().size(),
						row.view().receivedAt(), row.region(), now));
			}
			return bids.byId(row.view().id()).orElseThrow();
		});
		return new BidReceipt(done.view(), done.receipt(), replayed);
	}

	/** The bidder withdraws its bid before the deadline (招标投标法 Art. 29); it may then submit another. */
	public BidView withdraw(UUID bidId) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("withdrawal", "bid:" + bidId, null, () -> access.platform(() -> {
			Bids.Row row = mine(bidId);
			SectionView section = sections.hold(row.view().section()).orElseThrow(SectionAccess::notFound);
			Instant now = clock.instant();
			if (!now.isBefore(section.bidDeadline())) {
				throw Refusal.conflict(null, "tendering.bid.withdrawLate");
			}
			if (!bids.withdraw(bidId, now)) {
				throw Refusal.conflict(null, "tendering.bid.withdrawn");
			}
			events.publishEvent(new BidWithdrawn(acting.actor(), section.id(), bidId, row.bidder(), section.region(), now));
			return bids.byId(bidId).orElseThrow().view();
		}));
	}

	/** The signed-in bidder's bids on a section, newest first. */
	public List<BidView> myBids(SectionId section) {
		Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.platform(() -> registry.myEntity().map(e -> bids.of(section, e.id())).orElse(List.of()));
	}

	/** A bid of the signed-in bidder. */
	public BidView bid(UUID bidId) {
		Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.platform(() -> mine(bidId).view());
	}

	/** The receipt JSON of the signed-in bidder's bid (the file {@code bidtool verify-receipt} reads). */
	public byte[] receipt(UUID bidId) {
		Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		Bids.Row row = access.platform(() -> mine(bidId));
		if (row.receipt() == null) {
			throw Refusal.conflict(null, "tendering.bid.noReceiptYet");
		}
		return row.receipt();
	}

	/**
	 * The receipt as files OpenSSL checks: the receipt JSON, the statement, the tree head with its SM2 signature and
	 * RFC 3161 token, the platform certificates, and the commands.
	 */
	public byte[] receiptFiles(UUID bidId) {
		byte[] json = receipt(bidId);
		SignedReceipt receipt;
		try {
			receipt = SignedReceipt.parse(json);
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException("A stored receipt does not parse", e);
		}
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
			entry(out, "receipt.json", json);
			entry(out, "statement.txt", receipt.statement());
			entry(out, "sth.txt", receipt.treeHead());
			entry(out, "sth.sig", receipt.signature());
			entry(out, "sth.tsr", receipt.timestampToken());
			entry(out, "yiwang-platform-sm2.pem", platformKeys.certificatePem().getBytes(StandardCharsets.US_ASCII));
			entry(out, "yiwang-platform-root-ca.pem", platformKeys.rootCertificatePem().getBytes(StandardCharsets.US_ASCII));
			entry(out, "VERIFY.txt", """
					# The platform's SM2 signature over the tree head, and the timestamp over it:
					openssl x509 -in yiwang-platform-sm2.pem -pubkey -noout > platform-pub.pem
					openssl dgst -sm3 -verify platform-pub.pem -sigopt distid:1234567812345678 -signature sth.sig sth.txt
					openssl ts -verify -data sth.txt -in sth.tsr -token_in -CAfile yiwang-platform-root-ca.pem
					# Your envelope is the one receipted (compare with sha256= and sm3= in statement.txt):
					openssl dgst -sha256 your-bid.ywenv; openssl dgst -sm3 your-bid.ywenv
					# The statement's inclusion under the tree head (audit path in receipt.json):
					java -jar bidtool.jar verify-receipt --receipt receipt.json --platform-cert yiwang-platform-sm2.pem \\
					  --tsa-ca yiwang-platform-root-ca.pem
					""".getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return zip.toByteArray();
	}

	/**
	 * What supervision needs about a bid's origin (its source IP; the machine fingerprint and document metadata are
	 * sealed inside the envelope): regulators only, and only once the section's bids are opened.
	 */
	public String sourceIp(UUID bidId) {
		Actors.requireAnyRole("tendering.regulatorOnly", Role.REGULATOR);
		return access.scoped(() -> {
			Bids.Row row = bids.byId(bidId).orElseThrow(() -> Refusal.notFound("tendering.bid.notFound"));
			SectionView section = access.forStaff(row.view().section());
			if (!isOpened(section)) {
				throw Refusal.conflict(null, "tendering.bid.evidenceBeforeOpening");
			}
			return bids.sourceIp(bidId).orElseThrow(() -> Refusal.notFound("tendering.bid.notFound"));
		});
	}

	private boolean isOpened(SectionView section) {
		return sections.openedAt(section.id()).isPresent();
	}

	private Bids.Row mine(UUID bidId) {
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("tendering.bid.notFound"));
		return bids.byId(bidId).filter(b -> b.bidder().equals(me.id()))
			.orElseThrow(() -> Refusal.notFound("tendering.bid.notFound"));
	}

	private Refusal late(SectionView section, Instant at) {
		log.warn("Refused a bid on {} received at {}: the deadline {} has passed or the procedure is paused",
				section.tradeCode(), at, section.bidDeadline());
		return section.paused() ? Refusal.conflict(null, "tendering.bid.paused")
				: Refusal.conflict(null, "tendering.bid.late", SHOWN.format(section.bidDeadline()));
	}

	/** What the receipt attests, one {@code key=value} line each (UTF-8, LF). */
	static byte[] statement(BidView bid, EntityView bidder) {
		String text = "YIWANG-BID-RECEIPT-V1\n" + "bid=" + bid.id() + "\n" + "tradeCode=" + bid.tradeCode() + "\n"
				+ "bidder=" + bidder.name() + " " + (bidder.creditCode() == null ? "-" : bidder.creditCode()) + "\n"
				+ "signer=" + bid.signerFingerprint() + "\n" + "size=" + bid.size() + "\n" + "sm3=" + bid.sm3() + "\n"
				+ "sha256=" + bid.sha256() + "\n" + "receivedAt=" + bid.receivedAt() + "\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(content);
		out.closeEntry();
	}
}
