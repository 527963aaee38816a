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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.OpenedEnvelope;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.envelope.Shamir;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
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
 * The machinery every supplier-sealed price of this module shares, whatever it prices (a quote, a first or final offer,
 * a framework response's unit price, a re-competition offer): the supplier seals a price sheet with the bid tool (the
 * {@code .ywenv} envelope tender bids use, signed with its certificate bound in the registry) to the opening key of one
 * sealed {@link Stage}, whose private key is split among the key custodians when the stage is created. The platform
 * checks the envelope as tender bids are checked ({@link Envelopes#inspect}), keeps it with its SHA-256 and gives a
 * signed receipt; it cannot read the amount. After the stage's deadline enough custodians give their shares, the key
 * is reassembled in memory, every envelope of the stage decrypted and checked (the SHA-256 recorded at submission, the
 * supplier's signature, the sheet's trade code and supplier, the stage's own limit), and its amount recorded, or the
 * reason it is refused; key and shares are then forgotten. Each stage has its own key: a key reassembled to open one
 * stage never opens another. What a stage is, who may seal and when, is the caller's ({@link SealedOffers} for cases,
 * {@link FrameworkSealedOffers} for frameworks).
 */
@Component
class OfferEnvelopes {

	/** An offer envelope holds a price sheet and perhaps a few pages: far below a tender bid's size. */
	static final int MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

	/**
	 * One sealed stage of a subject (a case, a framework, a re-competition order).
	 *
	 * @param tradeCode what every sheet (and envelope header) of the stage must name
	 * @param deadline the end of the stage's sealing; shares are taken only after it ({@link Instant#MAX} if not set)
	 * @param limit a further rule an opened amount must meet
	 */
	record Stage(UUID subject, String stage, String tradeCode, RegionCode region, UUID openingKey, Instant deadline,
			Limit limit) {
	}

	/** A further rule for an opened amount (at most a framework's maximum, an entrant's entry price): a refusal key or null. */
	@FunctionalInterface
	interface Limit {

		Limit NONE = (supplier, amount) -> null;

		String refusal(EntityId supplier, BigDecimal amount);
	}

	/** The supplier sealing: its entity and the name its sheet must carry. */
	record Sealer(EntityId supplier, String name, String creditCode) {
	}

	/** A stage open to this sealer now. */
	record Seat(Stage stage, Sealer sealer) {
	}

	/** A stage whose shares are asked for, and whether its status lets them be given now. */
	record Due(Stage stage, boolean due) {
	}

	private final CaseParties parties;

	private final OfferRows rows;

	private final OfferShares shares;

	private final Envelopes envelopes;

	private final OpeningKeys openingKeys;

	private final Receipts receipts;

	private final EntityCertificates certificates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OfferEnvelopes(CaseParties parties, OfferRows rows, OfferShares shares, Envelopes envelopes, OpeningKeys openingKeys,
			Receipts receipts, EntityCertificates certificates, ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.rows = rows;
		this.shares = shares;
		this.envelopes = envelopes;
		this.openingKeys = openingKeys;
		this.receipts = receipts;
		this.certificates = certificates;
		this.events = events;
		this.clock = clock;
	}

	/** Creates the opening key of a subject's stage (split among the custodians, 2 to open) and records it. */
	UUID createKey(UUID subject, String stage, RegionCode region, String label) {
		UUID key = openingKeys.create(label, OpeningKeys.DEFAULT_THRESHOLD).id();
		rows.key(subject, stage, region, key, clock.instant());
		return key;
	}

	/** The opening key of a subject's stage: empty for a stage sealed the old way, by the platform. */
	Optional<UUID> key(UUID subject, String stage) {
		return rows.key(subject, stage);
	}

	/**
	 * A supplier's envelope for the stage {@code seat} names (resolved as the platform, with its refusals): checked,
	 * stored (replacing the supplier's earlier one) and receipted. {@code underLock} runs in the storing transaction
	 * before the envelope is stored: it locks the subject and re-checks that the stage is still open at that instant
	 * (what was inspected may have arrived too late), and records what else the submission changes.
	 */
	OfferReceipt submit(InputStream envelope, Supplier<Seat> seat, BiConsumer<Seat, Instant> underLock) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		Path file = receive(envelope);
		try {
			Seat before = parties.platform(seat);
			Stage stage = before.stage();
			Sealer me = before.sealer();
			SealedEnvelope sealed;
			try {
				sealed = envelopes.inspect(file, stage.openingKey());
			}
			catch (EnvelopeRefusal refusal) {
				throw refusal.toRefusal();
			}
			if (!stage.tradeCode().equals(sealed.tradeCode())) {
				throw Refusal.invalid("envelope", "procurement.envelope.wrongCase", sealed.tradeCode(), stage.tradeCode());
			}
			String sheetSupplier = sealed.header().bidder() == null ? "" : sealed.header().bidder().strip();
			if (!sheetSupplier.equals(me.name())) {
				throw Refusal.invalid("envelope", "procurement.envelope.otherSupplier", sheetSupplier, me.name());
			}
			// the signer's binding in one read, as a tender bid's: the trust store has just judged the certificate itself
			String fingerprint = sealed.signer().fingerprint();
			if (!parties.platform(() -> certificates.activelyBound(me.supplier(), fingerprint))) {
				throw Refusal.invalid("envelope", "procurement.envelope.signerNotBound", me.name());
			}
			byte[] bytes = Files.readAllBytes(file);
			Instant at = parties.platform(() -> {
				Instant now = clock.instant();
				underLock.accept(before, now);
				rows.put(stage.subject(), me.supplier(), me.name(), stage.stage(), stage.region(), bytes, sealed.sha256(),
						sealed.sm3(), fingerprint, now, acting.actor().username());
				events.publishEvent(new OfferEnvelopeSealed(acting.actor(), stage.subject(), stage.stage(),
						me.supplier().toString(), sealed.sha256(), stage.region(), now));
				return now;
			});
			byte[] receipt = receipts.issue(statement(before, sealed, fingerprint, at)).toJson();
			parties.platform(() -> {
				rows.receipted(stage.subject(), me.supplier(), stage.stage(), sealed.sha256(), receipt);
				return null;
			});
			return new OfferReceipt(stage.subject(), stage.stage(), sealed.sha256(), sealed.sm3(), bytes.length,
					fingerprint, at, receipt);
		}
		catch (IOException e) {
			throw Refusal.invalid("envelope", "procurement.envelope.unreadable");
		}
		finally {
			delete(file);
		}
	}

	/**
	 * A key custodian of the stage's opening key gives its share, decrypted with {@code bidtool unwrap-share} (base64 of
	 * {@code x || y}), after the stage's deadline. Once the key's threshold is reached the key is reassembled, every
	 * envelope of the stage opened and checked, and key and shares forgotten. {@code asked} resolves the stage (as the
	 * platform, with its refusals) and says whether its subject's status lets shares be given.
	 */
	void giveShare(Supplier<Due> asked, String share) {
		Acting acting = Actors.required();
		String username = acting.actor().username();
		record Held(Stage stage, OpeningKeyView key, OpeningKeyView.Share mine) {
		}
		Held held = parties.platform(() -> {
			Due due = asked.get();
			Stage stage = due.stage();
			OpeningKeyView key = openingKeys.find(stage.openingKey())
				.orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			OpeningKeyView.Share mine = key.shares().stream().filter(s -> s.custodian().equals(username)).findFirst()
				.orElseThrow(() -> Refusal.forbidden("procurement.shares.notCustodian"));
			if (!due.due()) {
				throw Refusal.conflict(null, "procurement.shares.notNow");
			}
			if (clock.instant().isBefore(stage.deadline())) {
				throw Refusal.conflict(null, "procurement.shares.beforeDeadline", CaseParties.shown(stage.deadline()));
			}
			if (rows.of(stage.subject(), stage.stage()).stream().noneMatch(OfferRows.Row::pending)) {
				throw Refusal.conflict(null, "procurement.shares.nothingToOpen");
			}
			return new Held(stage, key, mine);
		});
		Stage stage = held.stage();
		byte[] decoded;
		Shamir.Share parsed;
		try {
			decoded = Base64.getDecoder().decode(share == null ? "" : share.strip());
			parsed = Shamir.Share.decode(decoded);
		}
		catch (RuntimeException e) {
			throw Refusal.invalid("share", "procurement.shares.form");
		}
		if (parsed.x() != held.mine().index()) {
			Arrays.fill(decoded, (byte) 0);
			throw Refusal.invalid("share", "procurement.shares.notYours", held.mine().index());
		}
		if (!shares.add(stage.subject(), stage.stage(), parsed.x(), decoded)) {
			throw Refusal.conflict(null, "procurement.shares.alreadyGiven");
		}
		int count = shares.count(stage.subject(), stage.stage());
		parties.platform(() -> {
			events.publishEvent(new OfferShareGiven(acting.actor(), stage.subject(), stage.stage(), parsed.x(), count,
					held.key().threshold(), stage.region(), clock.instant()));
			return null;
		});
		if (count >= held.key().threshold()) {
			open(acting, stage, held.key());
		}
	}

	/** Reassembles the opening key from the shares held, opens every pending envelope of the stage, forgets the key. */
	private void open(Acting acting, Stage stage, OpeningKeyView view) {
		List<byte[]> given = shares.take(stage.subject(), stage.stage());
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
			// shares.take handed the shares to one caller only; an envelope opened already stays as it was
			int opened = 0;
			int refused = 0;
			Instant now = clock.instant();
			for (OfferRows.Row row : rows.of(stage.subject(), stage.stage())) {
				if (!row.pending()) {
					continue;
				}
				Opened result = openOne(stage, row, key, publicKey);
				rows.opened(stage.subject(), row.supplier(), stage.stage(), result.amount(), result.refusal(), now);
				if (result.refusal() == null) {
					opened++;
				}
				else {
					refused++;
				}
			}
			events.publishEvent(new OfferEnvelopesOpened(acting.actor(), stage.subject(), stage.stage(), opened, refused,
					stage.region(), now));
			return null;
		});
	}

	private record Opened(BigDecimal amount, String refusal) {
	}

	/**
	 * One envelope: still the bytes whose SHA-256 was receipted, decrypts with the stage's key, signed (the signature is
	 * checked as it is read), a price sheet of this trade code and this supplier, and an amount within the stage's limit.
	 */
	private static Opened openOne(Stage stage, OfferRows.Row row, PrivateKey key, PublicKey publicKey) {
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
			if (!stage.tradeCode().equals(sheet.tradeCode()) || sheet.bidder() == null
					|| !row.supplierName().equals(sheet.bidder().strip())) {
				return new Opened(null, "procurement.offer.sheetMismatch");
			}
			String beyond = stage.limit().refusal(row.supplier(), sheet.totalPrice());
			return beyond == null ? new Opened(sheet.totalPrice(), null) : new Opened(null, beyond);
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
	 * The stage as {@code team} (the subject's team) or a custodian may see it (the platform's transaction): the key,
	 * the envelopes for the team and the custodians only, each amount only once opened, a custodian's encrypted share
	 * only after the deadline.
	 */
	SealingView view(Stage stage, boolean team) {
		String username = Actors.current().map(a -> a.actor().username()).orElse(null);
		OpeningKeyView key = openingKeys.find(stage.openingKey()).orElseThrow();
		OpeningKeyView.Share mine = username == null ? null
				: key.shares().stream().filter(s -> s.custodian().equals(username)).findFirst().orElse(null);
		boolean due = !clock.instant().isBefore(stage.deadline());
		List<SealingView.Offer> offers = team || mine != null ? rows.of(stage.subject(), stage.stage()).stream()
			.map(r -> new SealingView.Offer(r.supplierName(), r.sha256(), r.receivedAt(), r.receipt() != null,
					r.openedAt(), r.amount() == null ? null : Money.of(r.amount()), r.refusal()))
			.toList() : List.of();
		return new SealingView(key.publicKeyPem(), key.keyId(), key.threshold(), stage.stage(),
				shares.count(stage.subject(), stage.stage()), mine == null ? null : mine.index(),
				mine != null && due ? Base64.getEncoder().encodeToString(mine.encryptedShare()) : null, offers,
				stage.tradeCode());
	}

	/** Whether envelopes of the stage wait for the custodians' shares. */
	boolean pending(UUID subject, String stage) {
		return rows.of(subject, stage).stream().anyMatch(OfferRows.Row::pending);
	}

	/** The stage's opened envelopes, by supplier; refused ones left out. */
	Map<EntityId, OfferRows.Row> opened(UUID subject, String stage) {
		Map<EntityId, OfferRows.Row> amounts = new HashMap<>();
		for (OfferRows.Row row : rows.of(subject, stage)) {
			if (row.amount() != null) {
				amounts.put(row.supplier(), row);
			}
		}
		return amounts;
	}

	private static byte[] statement(Seat seat, SealedEnvelope sealed, String fingerprint, Instant at) {
		String text = String.join("\n", "yiwang-procurement-offer/1", "procurement: " + seat.stage().subject(),
				"tradeCode: " + seat.stage().tradeCode(), "stage: " + seat.stage().stage(),
				"supplier: " + seat.sealer().name(),
				"creditCode: " + (seat.sealer().creditCode() == null ? "" : seat.sealer().creditCode()),
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
