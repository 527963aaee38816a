package org.yiwang.procurement;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.OpenedEnvelope;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.envelope.Shamir;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.EnvelopeRefusal;
import org.yiwang.pki.Envelopes;
import org.yiwang.pki.OpeningKeyView;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.pki.Receipts;
import org.yiwang.pki.SealedEnvelope;
import org.yiwang.procurement.ProcurementChanged.OfferEnvelopeSealed;
import org.yiwang.procurement.ProcurementChanged.OfferEnvelopesOpened;
import org.yiwang.procurement.ProcurementChanged.OfferShareGiven;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Quotes (询价) and final offers (最后报价) sealed by the supplier, not the platform: the supplier seals its price sheet
 * with the bid tool (the {@code .ywenv} envelope tender bids use, signed with its certificate bound in the registry) to
 * the case's opening key, whose private key is split among the key custodians when the case is published. The platform
 * checks the envelope as tender bids are checked ({@link Envelopes#inspect}), keeps it with its SHA-256 and gives a
 * signed receipt; it cannot read the amount. After the deadline enough custodians give their shares, the key is
 * reassembled in memory, every envelope of the stage is decrypted and checked (the SHA-256 recorded at submission, the
 * supplier's signature, the sheet's trade code and supplier), and its amount recorded, or the reason it is refused.
 */
@Service
public class SealedOffers {

	/** An offer envelope holds a price sheet and perhaps a few pages: far below a tender bid's size. */
	static final int MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

	private final CaseParties parties;

	private final Cases cases;

	private final OfferRows rows;

	private final OfferShares shares;

	private final Envelopes envelopes;

	private final OpeningKeys openingKeys;

	private final Receipts receipts;

	private final EntityCertificates certificates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SealedOffers(CaseParties parties, OfferRows rows, OfferShares shares, Envelopes envelopes, OpeningKeys openingKeys,
			Receipts receipts, EntityCertificates certificates, ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.cases = parties.cases;
		this.rows = rows;
		this.shares = shares;
		this.envelopes = envelopes;
		this.openingKeys = openingKeys;
		this.receipts = receipts;
		this.certificates = certificates;
		this.events = events;
		this.clock = clock;
	}

	private record Before(ProcurementView c, Cases.Supplier me, String stage, UUID key) {
	}

	/**
	 * An invited supplier submits its sealed envelope: for a request for quotations its quote (after its response,
	 * before the response deadline), for a negotiation or consultation its final offer (after the call, before the
	 * final-offer deadline). Replaceable until the deadline; the last one counts.
	 */
	public OfferReceipt submit(UUID id, InputStream envelope) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		Path file = receive(envelope);
		try {
			Before before = parties.platform(() -> {
				ProcurementView c = cases.find(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
				Cases.Supplier me = parties.asSupplier(c);
				UUID key = cases.openingKey(id).orElseThrow(() -> Refusal.conflict(null, "procurement.sealed.noKey"));
				return new Before(c, me, openStage(c, me, clock.instant()), key);
			});
			SealedEnvelope sealed;
			try {
				sealed = envelopes.inspect(file, before.key());
			}
			catch (EnvelopeRefusal refusal) {
				throw refusal.toRefusal();
			}
			String code = before.c().tradeCode().value();
			if (!code.equals(sealed.tradeCode())) {
				throw Refusal.invalid("envelope", "procurement.envelope.wrongCase", sealed.tradeCode(), code);
			}
			String sheetSupplier = sealed.header().bidder() == null ? "" : sealed.header().bidder().strip();
			if (!sheetSupplier.equals(before.me().name())) {
				throw Refusal.invalid("envelope", "procurement.envelope.otherSupplier", sheetSupplier, before.me().name());
			}
			// the signer's binding in one read, as a tender bid's: the trust store has just judged the certificate itself
			String fingerprint = sealed.signer().fingerprint();
			boolean bound = parties.platform(() -> certificates.activelyBound(before.me().supplier(), fingerprint));
			if (!bound) {
				throw Refusal.invalid("envelope", "procurement.envelope.signerNotBound", before.me().name());
			}
			byte[] bytes = Files.readAllBytes(file);
			Instant at = parties.platform(() -> {
				ProcurementView locked = cases.forUpdate(id);
				Instant now = clock.instant();
				// the deadline as it stands under the case's lock: what was inspected may have arrived too late
				String stage = openStage(locked, before.me(), now);
				rows.put(id, before.me().supplier(), stage, locked.region(), bytes, sealed.sha256(), sealed.sm3(),
						fingerprint, now, acting.actor().username());
				if (NegotiationRoom.FINAL.equals(stage)) {
					cases.sealFinalOffer(id, before.me().supplier(), null, now);
				}
				events.publishEvent(new OfferEnvelopeSealed(acting.actor(), id, stage, before.me().supplier().toString(),
						sealed.sha256(), locked.region(), now));
				return now;
			});
			byte[] statement = statement(before, sealed, fingerprint, at);
			byte[] receipt = receipts.issue(statement).toJson();
			parties.platform(() -> {
				rows.receipted(id, before.me().supplier(), before.stage(), sealed.sha256(), receipt);
				return null;
			});
			return new OfferReceipt(id, before.stage(), sealed.sha256(), sealed.sm3(), bytes.length, fingerprint, at,
					receipt);
		}
		catch (IOException e) {
			throw Refusal.invalid("envelope", "procurement.envelope.unreadable");
		}
		finally {
			delete(file);
		}
	}

	/**
	 * A key custodian of the case's opening key gives its share, decrypted with {@code bidtool unwrap-share} (base64 of
	 * {@code x || y}), after the deadline of the stage whose offers are sealed. Once the key's threshold is reached the
	 * key is reassembled, every envelope of the stage opened and checked, and key and shares forgotten.
	 */
	public SealingView giveShare(UUID id, String share) {
		Acting acting = Actors.required();
		String username = acting.actor().username();
		record Seat(ProcurementView c, OpeningKeyView key, OpeningKeyView.Share mine, String stage) {
		}
		Seat seat = parties.platform(() -> {
			ProcurementView c = cases.find(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			UUID keyId = cases.openingKey(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			OpeningKeyView key = openingKeys.find(keyId).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			OpeningKeyView.Share mine = key.shares().stream().filter(s -> s.custodian().equals(username)).findFirst()
				.orElseThrow(() -> Refusal.forbidden("procurement.shares.notCustodian"));
			String stage = stageOf(c);
			boolean due = NegotiationRoom.FIRST.equals(stage) ? c.status() == ProcurementStatus.PUBLISHED
					: c.status() == ProcurementStatus.FINAL_OFFERS;
			if (!due) {
				throw Refusal.conflict(null, "procurement.shares.notNow");
			}
			Instant deadline = deadline(c, stage);
			if (clock.instant().isBefore(deadline)) {
				throw Refusal.conflict(null, "procurement.shares.beforeDeadline", CaseParties.shown(deadline));
			}
			if (rows.of(id, stage).stream().noneMatch(OfferRows.Row::pending)) {
				throw Refusal.conflict(null, "procurement.shares.nothingToOpen");
			}
			return new Seat(c, key, mine, stage);
		});
		byte[] decoded;
		Shamir.Share parsed;
		try {
			decoded = Base64.getDecoder().decode(share == null ? "" : share.strip());
			parsed = Shamir.Share.decode(decoded);
		}
		catch (RuntimeException e) {
			throw Refusal.invalid("share", "procurement.shares.form");
		}
		if (parsed.x() != seat.mine().index()) {
			java.util.Arrays.fill(decoded, (byte) 0);
			throw Refusal.invalid("share", "procurement.shares.notYours", seat.mine().index());
		}
		if (!shares.add(id, seat.stage(), parsed.x(), decoded)) {
			throw Refusal.conflict(null, "procurement.shares.alreadyGiven");
		}
		int held = shares.count(id, seat.stage());
		parties.platform(() -> {
			events.publishEvent(new OfferShareGiven(acting.actor(), id, seat.stage(), parsed.x(), held,
					seat.key().threshold(), seat.c().region(), clock.instant()));
			return null;
		});
		if (held >= seat.key().threshold()) {
			open(acting, seat.c(), seat.key(), seat.stage());
		}
		return sealing(id).orElseThrow();
	}

	/** Reassembles the opening key from the shares held, opens every pending envelope of the stage, forgets the key. */
	private void open(Acting acting, ProcurementView c, OpeningKeyView view, String stage) {
		List<byte[]> given = shares.take(c.id(), stage);
		PrivateKey key;
		try {
			key = openingKeys.reassemble(view.id(), given);
		}
		catch (Refusal refusal) {
			throw Refusal.invalid("share", "procurement.shares.doNotFit");
		}
		finally {
			OfferShares.zero(given);
		}
		PublicKey publicKey;
		try {
			publicKey = Pem.publicKey(view.publicKeyDer());
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException("The stored opening key does not read", e);
		}
		parties.platform(() -> {
			cases.forUpdate(c.id());
			int opened = 0;
			int refused = 0;
			Instant now = clock.instant();
			for (OfferRows.Row row : rows.of(c.id(), stage)) {
				if (!row.pending()) {
					continue;
				}
				Opened result = openOne(c, row, key, publicKey);
				rows.opened(c.id(), row.supplier(), stage, result.amount(), result.refusal(), now);
				if (result.refusal() == null) {
					opened++;
				}
				else {
					refused++;
				}
			}
			events.publishEvent(new OfferEnvelopesOpened(acting.actor(), c.id(), stage, opened, refused, c.region(), now));
			return null;
		});
	}

	private record Opened(BigDecimal amount, String refusal) {
	}

	/**
	 * One envelope: still the bytes whose SHA-256 was receipted, decrypts with the case's key, signed (the signature is
	 * checked as it is read), and a price sheet of this case and this supplier with a positive amount.
	 */
	private static Opened openOne(ProcurementView c, OfferRows.Row row, PrivateKey key, PublicKey publicKey) {
		if (!Sha256.hex(row.envelope()).equals(row.sha256())) {
			return new Opened(null, "procurement.offer.tampered");
		}
		Path file = null;
		try {
			file = Files.createTempFile("procurement-offer-", ".ywenv");
			Files.write(file, row.envelope());
			OpenedEnvelope opened = EnvelopeReader.open(file, key, publicKey, null);
			PriceSheet sheet = opened.content().priceSheet();
			if (!opened.envelope().sha256().equals(row.sha256())) {
				return new Opened(null, "procurement.offer.tampered");
			}
			if (!c.tradeCode().value().equals(sheet.tradeCode()) || sheet.bidder() == null
					|| !row.supplierName().equals(sheet.bidder().strip())) {
				return new Opened(null, "procurement.offer.sheetMismatch");
			}
			return new Opened(sheet.totalPrice(), null);
		}
		catch (EnvelopeException e) {
			return new Opened(null, switch (e.problem()) {
				case WRONG_KEY, NOT_A_RECIPIENT -> "procurement.offer.undecryptable";
				case SIGNATURE_MISMATCH, CONTENT_TAMPERED, UNSIGNED, TRUNCATED, TRAILING_DATA -> "procurement.offer.tampered";
				default -> "procurement.offer.unreadable";
			});
		}
		catch (IOException e) {
			return new Opened(null, "procurement.offer.unreadable");
		}
		finally {
			delete(file);
		}
	}

	/**
	 * The case's opening key and stage for the page; the envelopes only for its team and the custodians, each amount
	 * only once opened; a custodian's encrypted share only after the deadline. Empty for a case without a key.
	 */
	public Optional<SealingView> sealing(UUID id) {
		String username = Actors.current().map(a -> a.actor().username()).orElse(null);
		return parties.platform(() -> cases.find(id).flatMap(c -> cases.openingKey(id)
			.flatMap(openingKeys::find)
			.map(key -> {
				String stage = stageOf(c);
				OpeningKeyView.Share mine = username == null ? null
						: key.shares().stream().filter(s -> s.custodian().equals(username)).findFirst().orElse(null);
				boolean team = Actors.current().isPresent() && parties.onTeam(c.purchaser());
				boolean due = !clock.instant().isBefore(deadline(c, stage));
				List<SealingView.Offer> offers = team || mine != null ? rows.of(id, stage).stream()
					.map(r -> new SealingView.Offer(r.supplierName(), r.sha256(), r.receivedAt(), r.receipt() != null,
							r.openedAt(), r.amount() == null ? null : Money.of(r.amount()), r.refusal()))
					.toList() : List.of();
				return new SealingView(key.publicKeyPem(), key.keyId(), key.threshold(), stage, shares.count(id, stage),
						mine == null ? null : mine.index(),
						mine != null && due ? Base64.getEncoder().encodeToString(mine.encryptedShare()) : null, offers);
			})));
	}

	/** Whether envelopes of the stage wait for the custodians' shares. */
	boolean pending(UUID id, String stage) {
		return rows.of(id, stage).stream().anyMatch(OfferRows.Row::pending);
	}

	/** The amounts of the stage's opened envelopes, by supplier; refused ones left out. */
	Map<EntityId, BigDecimal> opened(UUID id, String stage) {
		Map<EntityId, BigDecimal> amounts = new HashMap<>();
		for (OfferRows.Row row : rows.of(id, stage)) {
			if (row.amount() != null) {
				amounts.put(row.supplier(), row.amount());
			}
		}
		return amounts;
	}

	/** Whether the case's quotes or final offers are sealed by the suppliers (it has an opening key). */
	boolean sealsEnvelopes(UUID id) {
		return cases.openingKey(id).isPresent();
	}

	/** A request for quotations seals its quotes; the others their final offers. */
	static String stageOf(ProcurementView c) {
		return c.method() == ProcurementMethod.REQUEST_FOR_QUOTATIONS ? NegotiationRoom.FIRST : NegotiationRoom.FINAL;
	}

	private static Instant deadline(ProcurementView c, String stage) {
		Instant deadline = NegotiationRoom.FIRST.equals(stage) ? c.responseDeadline() : c.finalOfferDeadline();
		return deadline == null ? Instant.MAX : deadline;
	}

	/** The stage the supplier may seal an offer for now, or the refusal saying why not. */
	private static String openStage(ProcurementView c, Cases.Supplier me, Instant now) {
		String stage = stageOf(c);
		if (c.method() == ProcurementMethod.SINGLE_SOURCE) {
			throw Refusal.conflict(null, "procurement.sealed.noKey");
		}
		if (NegotiationRoom.FIRST.equals(stage)) {
			if (c.status() != ProcurementStatus.PUBLISHED || !now.isBefore(c.responseDeadline())) {
				throw Refusal.conflict(null, "procurement.respond.closed");
			}
			if (me.respondedAt() == null) {
				throw Refusal.conflict(null, "procurement.quote.respondFirst");
			}
			return stage;
		}
		if (c.status() != ProcurementStatus.FINAL_OFFERS || !now.isBefore(c.finalOfferDeadline())) {
			throw Refusal.conflict(null, "procurement.finalOffer.closed");
		}
		if (me.respondedAt() == null) {
			throw Refusal.conflict(null, "procurement.finalOffer.noResponse");
		}
		return stage;
	}

	private static byte[] statement(Before before, SealedEnvelope sealed, String fingerprint, Instant at) {
		String text = String.join("\n", "yiwang-procurement-offer/1", "procurement: " + before.c().id(),
				"tradeCode: " + before.c().tradeCode().value(), "stage: " + before.stage(),
				"supplier: " + before.me().name(),
				"creditCode: " + (before.me().creditCode() == null ? "" : before.me().creditCode()),
				"sha256: " + sealed.sha256(), "sm3: " + sealed.sm3(), "size: " + sealed.size(), "signer: " + fingerprint,
				"receivedAt: " + at);
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Path receive(InputStream envelope) {
		if (envelope == null) {
			throw Refusal.invalid("envelope", "procurement.envelope.empty");
		}
		try (InputStream in = envelope) {
			byte[] bytes = in.readNBytes(MAX_ENVELOPE_BYTES + 1);
			if (bytes.length == 0) {
				throw Refusal.invalid("envelope", "procurement.envelope.empty");
			}
			if (bytes.length > MAX_ENVELOPE_BYTES) {
				throw Refusal.invalid("envelope", "procurement.envelope.tooLarge", MAX_ENVELOPE_BYTES / (1024 * 1024));
			}
			Path file = Files.createTempFile("procurement-offer-", ".ywenv");
			Files.write(file, bytes);
			return file;
		}
		catch (IOException e) {
			throw Refusal.invalid("envelope", "procurement.envelope.unreadable");
		}
	}

	private static void delete(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			file.toFile().deleteOnExit();
		}
	}
}
