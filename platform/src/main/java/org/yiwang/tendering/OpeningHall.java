package org.yiwang.tendering;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.Shamir;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.pki.OpeningKeyView;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntitySignature;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.OpeningChanged.BidDecrypted;
import org.yiwang.tendering.OpeningChanged.BidderCheckedIn;
import org.yiwang.tendering.OpeningChanged.ObjectionAnswered;
import org.yiwang.tendering.OpeningChanged.ObjectionRaised;
import org.yiwang.tendering.OpeningChanged.OpeningClosed;
import org.yiwang.tendering.OpeningChanged.PriceSheetConfirmed;
import org.yiwang.tendering.OpeningChanged.SectionRetendered;
import org.yiwang.tendering.OpeningChanged.ShareGiven;

/**
 * The tendering module's entry point after the bid deadline: who is party to a section (for the expert draw's
 * avoidance), and the remote opening (不见面开标).
 * <p>
 * At the deadline a published, unpaused section moves to opening on its own ({@link #openDue()}, run on a schedule
 * and whenever someone looks at the hall): with fewer standing bids than its template's minimum (招标投标法 Art. 28,
 * 实施条例 Art. 44: 3) it is not opened but fails, a signed failure notice is published and the bid securities are
 * released; staff may then re-tender it as a new round. Otherwise the bidders check in and, within the decryption
 * window of the template, each unwraps its own envelope's content key with the bid tool and gives it; the platform
 * decrypts the stored envelope from disk and reads out the price sheet. After the window, where the template allows
 * it, k key custodians give their decrypted shares of the section's opening key (held in memory only) to open the
 * bids whose bidders failed; the others count as withdrawn. Bidders confirm (signing their line of the record) or
 * object, the tenderer answers on the
 * spot (实施条例 Art. 44), and staff close the opening: the record is signed, published, and {@link BidsOpened} goes
 * to evaluation.
 */
@Service
public class OpeningHall {

	private static final Logger log = LoggerFactory.getLogger(OpeningHall.class);

	static final String RULE_NO_BACKUP = "tendering.opening.rule.noBackup";

	static final String RULE_BACKUP_NOT_DONE = "tendering.opening.rule.backupNotDone";

	static final String RULE_BACKUP_FAILED = "tendering.opening.rule.backupFailed";

	private final Sections sections;

	private final SectionAccess access;

	private final Openings openings;

	private final DecryptionShares shares;

	private final OpeningKeys openingKeys;

	private final PlatformKeys platformKeys;

	private final BidSecurity bidSecurity;

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NoticeFacts facts;

	private final OpeningDeadline deadline;

	private final OpenedEnvelopes envelopes;

	/** Bids being decrypted on this node now: a second attempt at the same bid waits for no one and is refused. */
	private final Map<UUID, Boolean> decrypting = new ConcurrentHashMap<>();

	OpeningHall(Sections sections, SectionAccess access, Openings openings, DecryptionShares shares,
			OpeningKeys openingKeys, PlatformKeys platformKeys, BidSecurity bidSecurity,
			EntityRegistry registry, EntityCertificates certificates, NoticeFacts facts, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock, OpeningDeadline deadline, OpenedEnvelopes envelopes) {
		this.deadline = deadline;
		this.envelopes = envelopes;
		this.certificates = certificates;
		this.facts = facts;
		this.sections = sections;
		this.access = access;
		this.openings = openings;
		this.shares = shares;
		this.openingKeys = openingKeys;
		this.platformKeys = platformKeys;
		this.bidSecurity = bidSecurity;
		this.registry = registry;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The tenderer, agency and standing bidders of a section's current round, for staff of its region (or the platform
	 * itself) once the bid deadline has passed; before it the bidders are secret (招标投标法 Art. 22), so this is refused.
	 */
	public SectionParties parties(SectionId id) {
		Acting acting = Actors.current().orElse(null);
		if (acting != null && !acting.hasRole(Role.CENTER_STAFF) && !acting.hasRole(Role.PLATFORM_ADMIN)) {
			throw Refusal.forbidden("tendering.parties.staffOnly");
		}
		Supplier<SectionParties> work = () -> {
			SectionView section = acting == null ? sections.byId(id).orElseThrow(SectionAccess::notFound)
					: access.forStaff(id);
			if (section.bidDeadline() == null || clock.instant().isBefore(section.bidDeadline())) {
				throw Refusal.conflict(null, "tendering.parties.beforeDeadline");
			}
			int round = round(id);
			List<EntityId> bidders = jdbc.sql("""
					select bidder_id from tendering.bids
					where section_id = ? and round = ? and status = 'RECEIPTED' and received_at < ?
					order by received_at""")
				.params(id.value(), round, Timestamp.from(section.bidDeadline()))
				.query((rs, n) -> new EntityId(rs.getObject(1, UUID.class)))
				.list();
			return new SectionParties(id, section.tradeCode(), round, section.region(), section.category(),
					section.tenderer(), section.agency(), bidders, section.bidDeadline());
		};
		// The platform itself (a listener, a scheduled step) sees every region; staff only their own.
		return acting == null ? access.platform(work) : access.scoped(work);
	}

	// ---- the deadline ------------------------------------------------------------------------------------------

	/**
	 * Moves every published, unpaused section whose bid deadline has passed to opening (or to failure): the hall's
	 * clock, {@link OpeningDeadline#openDue}.
	 *
	 * @return how many sections it moved
	 */
	public int openDue() {
		return deadline.openDue();
	}

	/** The same check for one section (when someone opens its hall): true when it moved now. */
	boolean openIfDue(SectionId id) {
		return deadline.openIfDue(id);
	}

	// ---- looking -------------------------------------------------------------------------------------------------

	/** How the acting account takes part in a section's opening; decided before any work (deny by default). */
	private enum Seat {
		BIDDER, PARTY, STAFF, CUSTODIAN, REGULATOR
	}

	private record Seen(Seat seat, SectionView section, int round, EntityView entity, OpeningKeyView.Share share,
			int threshold) {
	}

	/**
	 * Who may look: bidders with a bid in the round, the tenderer and its agency, staff and regulators of the
	 * section's region, and the custodians of its opening key. Another region's section is not found; a bidder
	 * without a bid in it is refused.
	 */
	private Seen seat(SectionId id) {
		Acting acting = Actors.required();
		String username = acting.actor().username();
		return asIs(() -> {
			SectionView section = sections.byId(id).orElseThrow(SectionAccess::notFound);
			if (section.status().ordinal() < SectionStatus.PUBLISHED.ordinal()) {
				throw SectionAccess.notFound();
			}
			int round = round(id);
			OpeningKeyView key = section.openingKey() == null ? null : openingKeys.find(section.openingKey()).orElse(null);
			OpeningKeyView.Share share = key == null ? null
					: key.shares().stream().filter(s -> s.custodian().equals(username)).findFirst().orElse(null);
			int threshold = key == null ? OpeningKeys.DEFAULT_THRESHOLD : key.threshold();
			boolean inRegion = acting.regionScope().covers(section.region());
			if (SectionAccess.isStaff(acting) && inRegion) {
				return new Seen(Seat.STAFF, section, round, null, share, threshold);
			}
			if (share != null) {
				return new Seen(Seat.CUSTODIAN, section, round, null, share, threshold);
			}
			if (acting.hasRole(Role.REGULATOR) && inRegion) {
				return new Seen(Seat.REGULATOR, section, round, null, null, threshold);
			}
			if (SectionAccess.isStaff(acting) || acting.hasRole(Role.REGULATOR)) {
				throw SectionAccess.notFound();
			}
			EntityView me = registry.myEntity().orElse(null);
			if (SectionAccess.isParty(acting) && me != null
					&& (section.tenderer().equals(me.id()) || me.id().equals(section.agency()))) {
				return new Seen(Seat.PARTY, section, round, me, null, threshold);
			}
			if (acting.hasRole(Role.BIDDER) && me != null) {
				boolean bid = jdbc.sql("""
						select count(*) from tendering.bids b where section_id = ? and bidder_id = ? and status = 'RECEIPTED'
						""" + Bids.CURRENT_ROUND).params(id.value(), me.id().value()).query(Integer.class).single() > 0;
				if (bid) {
					return new Seen(Seat.BIDDER, section, round, me, null, threshold);
				}
				throw Refusal.forbidden("tendering.opening.notABidder");
			}
			if (SectionAccess.isParty(acting)) {
				throw SectionAccess.notFound();
			}
			throw Refusal.forbidden("tendering.opening.notEntitled");
		});
	}

	/** The opening hall of a section as the acting account sees it; the deadline check runs first. */
	public OpeningView view(SectionId id) {
		Seen seen = seat(id);
		openIfDue(id);
		return read(seen);
	}

	/** Reads in the viewer's own scope: staff and regulators their region's rows, everyone else the platform's. */
	private OpeningView read(Seen seen) {
		Supplier<OpeningView> work = () -> {
			SectionView section = sections.byId(seen.section().id()).orElseThrow(SectionAccess::notFound);
			int round = round(section.id());
			Instant now = clock.instant();
			Optional<Openings.Opening> opening = openings.of(section.id(), round);
			List<Openings.Entry> entries = openings.entries(section.id(), round);
			UUID myBid = seen.entity() == null ? null
					: entries.stream().filter(e -> e.bidder().equals(seen.entity().id())).map(Openings.Entry::bid)
						.findFirst().orElse(null);
			List<OpeningView.Bid> bids = entries.stream()
				.map(e -> new OpeningView.Bid(e.bid(), e.bidderName(), e.checkedInAt(), e.decryption(), e.decryptedAt(),
						e.failureRule(), e.totalPrice(), e.durationDays(), e.quality(), e.items(), e.confirmation(),
						e.bid().equals(myBid), e.confirmationSigner()))
				.toList();
			OpeningKeyView.Share share = seen.share();
			boolean afterDeadline = section.bidDeadline() != null && !now.isBefore(section.bidDeadline());
			OpeningView.Viewer viewer = new OpeningView.Viewer(seen.seat().name(), myBid, share != null,
					share == null ? null : share.index(),
					share == null || !afterDeadline ? null : Base64.getEncoder().encodeToString(share.encryptedShare()),
					shares.count(section.id(), round), seen.threshold(),
					share != null && shares.holds(section.id(), round, share.index()));
			Openings.Opening o = opening.orElse(null);
			return new OpeningView(section, round, o == null ? null : o.outcome(), o == null ? entries.size()
					: o.standingBids(), o == null ? 0 : o.minBids(), o == null ? null : o.startedAt(),
					o == null ? null : o.decryptionUntil(), o != null && o.backupAllowed(), bids,
					openings.objections(section.id(), round), o == null ? null : o.noticeId(),
					o == null ? null : o.signedContent(), o == null ? null : o.signature(), o == null ? null : o.closedAt(),
					viewer, now);
		};
		return seen.seat() == Seat.STAFF || seen.seat() == Seat.REGULATOR ? access.scoped(work) : access.platform(work);
	}

	// ---- bidders ---------------------------------------------------------------------------------------------------

	/** The bidder checks in to the opening of a section it bid on (before the decryption window ends). */
	public OpeningView checkIn(SectionId id) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("opening.checkIn", "section:" + id, null, () -> {
			Seen seen = seat(id);
			openIfDue(id);
			access.platform(() -> {
				Openings.Entry mine = myEntry(seen);
				Openings.Opening opening = openingFor(seen, true);
				Instant now = clock.instant();
				if (!now.isBefore(opening.decryptionUntil())) {
					throw Refusal.conflict(null, "tendering.opening.windowOver");
				}
				if (!openings.checkIn(mine.bid(), acting.actor().username(), now)) {
					throw Refusal.conflict(null, "tendering.opening.alreadyCheckedIn");
				}
				events.publishEvent(new BidderCheckedIn(acting.actor(), id, mine.bid(), mine.bidder(),
						seen.section().region(), now));
				return null;
			});
			return read(seen);
		});
	}

	/**
	 * The bidder gives the content key of its envelope (base64, as {@code bidtool unwrap --print-key} prints it), checked
	 * in and within the decryption window. The platform decrypts the stored envelope from disk into the section's
	 * opened-bids directory, checks the price sheet names this section and this bidder, and reads it out. A wrong key,
	 * an altered envelope or a price sheet of someone else is refused with its reason and leaves nothing behind.
	 */
	public OpeningView decrypt(SectionId id, String contentKey) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("opening.decryption", "section:" + id, null, () -> {
			Seen seen = seat(id);
			openIfDue(id);
			record Before(Openings.Entry entry, String sha256) {
			}
			Before before = access.platform(() -> {
				Openings.Entry mine = myEntry(seen);
				Openings.Opening opening = openingFor(seen, true);
				if (mine.checkedInAt() == null) {
					throw Refusal.conflict(null, "tendering.opening.checkInFirst");
				}
				if (!mine.pending()) {
					throw Refusal.conflict(null, "tendering.opening.alreadyDecrypted");
				}
				if (!clock.instant().isBefore(opening.decryptionUntil())) {
					throw Refusal.conflict(null, "tendering.opening.windowOver");
				}
				return new Before(mine, sha256(mine.bid()));
			});
			byte[] key = decodeBase64(contentKey, "contentKey", "tendering.opening.keyForm");
			if (key.length != 16 && key.length != 32) {
				throw Refusal.invalid("contentKey", "tendering.opening.keyForm");
			}
			if (decrypting.putIfAbsent(before.entry().bid(), Boolean.TRUE) != null) {
				Arrays.fill(key, (byte) 0);
				throw Refusal.conflict(null, "tendering.opening.decrypting");
			}
			try {
				OpenedEnvelopes.Decrypted decrypted = envelopes.decryptToDisk(seen.section(), before.entry(), before.sha256(),
						file -> EnvelopeReader.openStored(file.envelope(), before.sha256(), key, file.directory()));
				return record(seen, before.entry(), decrypted, OpenedBid.Decryption.BY_BIDDER, acting.actor());
			}
			finally {
				Arrays.fill(key, (byte) 0);
				decrypting.remove(before.entry().bid());
			}
		});
	}

	/**
	 * What the acting bidder signs to confirm the opening record: its own line of it as read out
	 * ({@link OpeningConfirmation}), once its bid is read out or recorded as not decrypted.
	 */
	public byte[] confirmationStatement(SectionId id) {
		Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		Seen seen = seat(id);
		return access.platform(() -> {
			Openings.Entry mine = myEntry(seen);
			if (mine.pending()) {
				throw Refusal.conflict(null, "tendering.opening.confirmAfterReadOut");
			}
			return OpeningConfirmation.statement(seen.section(), mine);
		});
	}

	/**
	 * The bidder confirms the read-out with its signature: a detached signature over the exact bytes of
	 * {@link #confirmationStatement} (e.g. {@code bidtool sign}), with the certificate (optional when one bound
	 * certificate verifies it). It must verify under a trusted certificate bound to the bidder's entity; the
	 * statement, signature and certificate are kept with the record, and the signer is shown in the hall.
	 *
	 * @param algorithm e.g. {@code SM3withSM2} (the default), {@code SHA256withECDSA}, {@code SHA256withRSA}
	 */
	public OpeningView confirm(SectionId id, byte[] signature, byte[] certificate, String algorithm) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("opening.confirmation", "section:" + id, null, () -> {
			Seen seen = seat(id);
			access.platform(() -> {
				Openings.Entry mine = myEntry(seen);
				openingFor(seen, true);
				if (mine.confirmation() != null) {
					throw Refusal.conflict(null, "tendering.opening.alreadyConfirmed");
				}
				if (mine.pending()) {
					throw Refusal.conflict(null, "tendering.opening.confirmAfterReadOut");
				}
				if (signature == null || signature.length == 0) {
					throw Refusal.invalid("signature", "tendering.opening.confirmationSignatureMissing");
				}
				SignatureAlgorithm alg = SignatureFields.algorithm(algorithm);
				byte[] statement = OpeningConfirmation.statement(seen.section(), mine);
				EntitySignature checked = certificates.verify(seen.entity().id(), statement, signature, alg,
						certificate);
				if (!checked.accepted()) {
					throw Refusal.invalid("signature", checked.messageKey());
				}
				Instant now = clock.instant();
				String certificateText = SignatureFields.certificateText(certificate);
				if (!openings.confirmSigned(mine.bid(), new String(statement, StandardCharsets.UTF_8), signature,
						certificateText, checked.signer().subject(), checked.signer().fingerprint(), alg.jcaName(), now)) {
					throw Refusal.conflict(null, "tendering.opening.alreadyConfirmed");
				}
				events.publishEvent(new PriceSheetConfirmed(acting.actor(), id, mine.bid(), seen.section().region(), now));
				return null;
			});
			return read(seen);
		});
	}

	/** The bidder objects to the opening, on the spot (实施条例 Art. 44); the tenderer answers before it closes. */
	public OpeningView object(SectionId id, String text) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("opening.objection", "section:" + id, null, () -> {
			Seen seen = seat(id);
			String why = text(text, "text", "tendering.opening.objectionText");
			access.platform(() -> {
				Openings.Entry mine = myEntry(seen);
				openingFor(seen, true);
				Instant now = clock.instant();
				UUID objection = UUID.randomUUID();
				openings.addObjection(objection, mine, seen.section().region(), why, acting.actor().username(), now);
				openings.confirm(mine.bid(), "OBJECTED", now);
				events.publishEvent(new ObjectionRaised(acting.actor(), id, objection, mine.bid(),
						seen.section().region(), now));
				return null;
			});
			return read(seen);
		});
	}

	// ---- tenderer or agency ------------------------------------------------------------------------------------

	/** The tenderer or its agency answers an objection raised at the opening, on the spot. */
	public OpeningView answer(UUID objectionId, String answer) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("opening.answer", "openingObjection:" + objectionId, null, () -> {
			Openings.ObjectionRow row = access.platform(() -> openings.objection(objectionId))
				.orElseThrow(() -> Refusal.notFound("tendering.opening.objectionNotFound"));
			Seen seen = seat(row.section());
			if (seen.seat() != Seat.PARTY) {
				throw Refusal.forbidden("tendering.partyOnly");
			}
			String text = text(answer, "answer", "tendering.opening.answerText");
			access.platform(() -> {
				Openings.Opening opening = openingFor(seen, true);
				if (opening.round() != row.round()) {
					throw Refusal.conflict(null, "tendering.opening.closed");
				}
				Instant now = clock.instant();
				if (!openings.answer(objectionId, text, acting.actor().username(), now)) {
					throw Refusal.conflict(null, "tendering.opening.alreadyAnswered");
				}
				events.publishEvent(new ObjectionAnswered(acting.actor(), row.section(), objectionId,
						seen.section().region(), now));
				return null;
			});
			return read(seen);
		});
	}

	// ---- key custodians ---------------------------------------------------------------------------------------

	/**
	 * A key custodian of the section's opening key gives its share, decrypted with {@code bidtool unwrap-share}
	 * (base64 of {@code x || y}), after the decryption window and where the template allows the backup decryption.
	 * Shares are held in memory only; when the threshold is reached the opening key is reassembled, the bids whose
	 * bidders did not decrypt are opened with it, and key and shares are zeroed and forgotten.
	 */
	public OpeningView giveShare(SectionId id, String share) {
		Acting acting = Actors.required();
		return access.audited("opening.share", "section:" + id, null, () -> {
			Seen seen = seat(id);
			if (seen.share() == null) {
				throw Refusal.forbidden("tendering.opening.notCustodian");
			}
			openIfDue(id);
			Openings.Opening opening = access.platform(() -> {
				Openings.Opening o = openingFor(seen, true);
				if (clock.instant().isBefore(o.decryptionUntil())) {
					throw Refusal.conflict(null, "tendering.opening.sharesBeforeWindowEnd");
				}
				if (!o.backupAllowed()) {
					throw Refusal.conflict(null, "tendering.opening.noBackup");
				}
				if (openings.entries(id, o.round()).stream().noneMatch(Openings.Entry::pending)) {
					throw Refusal.conflict(null, "tendering.opening.nothingToBackUp");
				}
				return o;
			});
			byte[] decoded = decodeBase64(share, "share", "tendering.opening.shareForm");
			Shamir.Share parsed;
			try {
				parsed = Shamir.Share.decode(decoded);
			}
			catch (RuntimeException e) {
				Arrays.fill(decoded, (byte) 0);
				throw Refusal.invalid("share", "tendering.opening.shareForm");
			}
			if (parsed.x() != seen.share().index()) {
				Arrays.fill(decoded, (byte) 0);
				throw Refusal.invalid("share", "tendering.opening.notYourShare", seen.share().index());
			}
			if (!shares.add(id, opening.round(), parsed.x(), decoded)) {
				throw Refusal.conflict(null, "tendering.opening.shareAlreadyGiven");
			}
			int held = shares.count(id, opening.round());
			Instant now = clock.instant();
			access.platform(() -> {
				events.publishEvent(new ShareGiven(acting.actor(), id, parsed.x(), held, seen.threshold(),
						seen.section().region(), now));
				return null;
			});
			if (held >= seen.threshold()) {
				backup(seen, opening);
			}
			return read(seen);
		});
	}

	/** Reassembles the opening key from the shares held, opens every pending bid, and forgets key and shares. */
	private void backup(Seen seen, Openings.Opening opening) {
		SectionView section = seen.section();
		List<byte[]> given = shares.take(section.id(), opening.round());
		PrivateKey key;
		try {
			key = openingKeys.reassemble(section.openingKey(), given);
		}
		catch (Refusal refusal) {
			throw Refusal.invalid("share", "tendering.opening.sharesDoNotFit");
		}
		finally {
			DecryptionShares.zero(given);
		}
		try {
			PublicKey publicKey = Pem.publicKey(openingKeys.find(section.openingKey()).orElseThrow().publicKeyDer());
			List<Openings.Entry> pending = access.platform(() -> openings.entries(section.id(), opening.round())).stream()
				.filter(Openings.Entry::pending).toList();
			for (Openings.Entry entry : pending) {
				String sha256 = access.platform(() -> sha256(entry.bid()));
				try {
					OpenedEnvelopes.Decrypted decrypted = envelopes.decryptToDisk(section, entry, sha256,
							file -> EnvelopeReader.open(file.envelope(), key, publicKey, file.directory()));
					record(seen, entry, decrypted, OpenedBid.Decryption.BY_CUSTODIANS, Actor.SYSTEM);
				}
				catch (Refusal refusal) {
					log.warn("The custodians' key did not open bid {}: {}", entry.bid(), refusal.messageKey());
					access.platform(() -> markFailed(section, entry, RULE_BACKUP_FAILED, Actor.SYSTEM));
				}
			}
			access.platform(() -> {
				openings.backupOpened(section.id(), opening.round(), clock.instant());
				return null;
			});
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException("The stored opening key does not read", e);
		}
		finally {
			OpenedEnvelopes.destroy(key);
		}
	}

	// ---- staff ---------------------------------------------------------------------------------------------------

	/**
	 * Staff of the section's region close the opening once the decryption window is over (or every bid is decrypted)
	 * and every objection is answered: bids not decrypted count as withdrawn (with the template's rule), the opening
	 * record is signed with the platform key and published, the tenderer may see who holds security, and
	 * {@link BidsOpened} goes to evaluation.
	 */
	public OpeningView close(SectionId id) {
		Acting staff = Actors.requireAnyRole("tendering.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		return access.audited("opening.record", "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = access.forStaff(id);
			SectionView locked = sections.lock(id).orElseThrow(SectionAccess::notFound);
			int round = round(id);
			Openings.Opening opening = openings.lock(id, round).filter(o -> o.outcome().equals("OPENING"))
				.orElseThrow(() -> Refusal.conflict(null, locked.status() == SectionStatus.PUBLISHED
						? "tendering.opening.notYet" : "tendering.opening.closed"));
			Instant now = clock.instant();
			List<Openings.Entry> entries = openings.entries(id, round);
			boolean pending = entries.stream().anyMatch(Openings.Entry::pending);
			if (pending && now.isBefore(opening.decryptionUntil())) {
				throw Refusal.conflict(null, "tendering.opening.windowOpen");
			}
			if (openings.objections(id, round).stream().anyMatch(o -> o.answer() == null)) {
				throw Refusal.conflict(null, "tendering.opening.unanswered");
			}
			shares.forget(id, round);
			for (Openings.Entry entry : entries) {
				if (entry.pending()) {
					markFailed(section, entry, opening.backupAllowed() ? RULE_BACKUP_NOT_DONE : RULE_NO_BACKUP,
							staff.actor());
				}
			}
			List<Openings.Entry> done = openings.entries(id, round);
			List<OpeningView.Objection> objections = openings.objections(id, round);
			UUID noticeId = UUID.randomUUID();
			String title = section.name() + " 开标记录" + (round > 1 ? "（第" + round + "轮）" : "");
			String body = OpeningRecord.body(section, round, opening, done, objections, now);
			String text = NoticeText.of(noticeId, NoticeType.OPENING_RECORD, section, title, body, section.bidDeadline(),
					section.documentsFrom(), now);
			String signature = sign(text);
			openings.close(id, round, noticeId, text, signature, staff.actor().username(), now);
			jdbc.sql("update tendering.sections set opened_at = ? where id = ?").params(Timestamp.from(now), id.value())
				.update();
			setStatus(locked, SectionStatus.OPENED, now);
			events.publishEvent(notice(noticeId, NoticeType.OPENING_RECORD, section, title, body, null, text, signature,
					now).with(facts.of(section).publishedBy(staff.displayName())
						.withBidders(facts.bidders(section, done))));
			if (section.bidSecurity().compareTo(Money.ZERO) > 0) {
				bidSecurity.biddersDisclosed(section.tradeCode());
			}
			List<OpenedBid> opened = done.stream().map(OpeningHall::opened).toList();
			events.publishEvent(new BidsOpened(staff.actor(), id, section.tradeCode(), round, section.region(),
					section.category(), section.tenderer(), section.estimatedPrice(), opened, noticeId, now));
			int failed = (int) done.stream().filter(e -> !e.decryption().opened()).count();
			events.publishEvent(new OpeningClosed(staff.actor(), id, section.tradeCode(), round, noticeId,
					done.size() - failed, failed, section.region(), now));
			return read(new Seen(Seat.STAFF, section, round, null, null, OpeningKeys.DEFAULT_THRESHOLD));
		}));
	}

	/**
	 * Staff of the region re-tender a failed section: a new round of the same section (its trade code stays), back to
	 * the notice, which the tenderer or agency drafts again with a new deadline; publication makes a new opening key.
	 * A section asking bid security cannot: the guarantee module keys securities by trade code and ended this trade
	 * when the round failed (every security released), so a new round of it could hold none; such a section is
	 * registered anew (a new trade code).
	 */
	public SectionView retender(SectionId id) {
		Acting staff = Actors.requireAnyRole("tendering.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		return access.audited("retender", "section:" + id, null, () -> access.scoped(() -> {
			access.forStaff(id);
			SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
			if (section.status() != SectionStatus.FAILED) {
				throw Refusal.conflict(null, "tendering.retender.notFailed");
			}
			if (section.bidSecurity().compareTo(Money.ZERO) > 0) {
				throw Refusal.conflict(null, "tendering.retender.securityPerTrade", section.tradeCode().value());
			}
			Instant now = clock.instant();
			int round = jdbc.sql("""
					update tendering.sections set round = round + 1, status = 'REGISTERED', opening_key = null,
					  paused_since = null, return_reason = null, checked_by = ?, checked_at = ?, version = version + 1
					where id = ? and status = 'FAILED' returning round""")
				.params(staff.actor().username(), Timestamp.from(now), id.value()).query(Integer.class).single();
			events.publishEvent(new SectionRetendered(staff.actor(), id, section.tradeCode(), round, section.region(), now));
			return sections.byId(id).orElseThrow();
		}));
	}

	// ---- the work behind -------------------------------------------------------------------------------------

	/** Records a decryption once; when another got there first, what this one wrote goes. */
	private OpeningView record(Seen seen, Openings.Entry entry, OpenedEnvelopes.Decrypted decrypted, OpenedBid.Decryption how,
			Actor by) {
		boolean recorded = access.platform(() -> {
			Instant now = clock.instant();
			if (!openings.decrypted(entry.bid(), how, by.username(), now, decrypted.sheet(),
					decrypted.directory().toString())) {
				return false;
			}
			events.publishEvent(new BidDecrypted(by, seen.section().id(), entry.bid(), entry.bidder(), how, null,
					seen.section().region(), now));
			return true;
		});
		if (!recorded) {
			OpenedEnvelopes.delete(decrypted.directory());
			throw Refusal.conflict(null, "tendering.opening.alreadyDecrypted");
		}
		return read(seen);
	}

	private Void markFailed(SectionView section, Openings.Entry entry, String rule, Actor by) {
		Instant now = clock.instant();
		if (openings.failed(entry.bid(), rule, by.username(), now)) {
			events.publishEvent(new BidDecrypted(by, section.id(), entry.bid(), entry.bidder(),
					OpenedBid.Decryption.FAILED, rule, section.region(), now));
		}
		return null;
	}

	/** The decrypted bids of a section's round ({@link OpenedEnvelopes#directory}). */
	Path openedDirectory(SectionId section, int round, UUID bid) {
		return envelopes.directory(section, round, bid);
	}

	/** The acting bidder's bid at the round's opening, which must be open. */
	private Openings.Entry myEntry(Seen seen) {
		if (seen.seat() != Seat.BIDDER) {
			throw Refusal.forbidden("tendering.opening.notABidder");
		}
		openingFor(seen, true);
		return openings.entryOf(seen.section().id(), seen.round(), seen.entity().id())
			.orElseThrow(() -> Refusal.forbidden("tendering.opening.notABidder"));
	}

	/** The round's opening; a conflict naming why when it is not (or no longer) open. */
	private Openings.Opening openingFor(Seen seen, boolean mustBeOpen) {
		Openings.Opening opening = openings.of(seen.section().id(), seen.round())
			.orElseThrow(() -> Refusal.conflict(null, "tendering.opening.notYet"));
		if (mustBeOpen && !opening.outcome().equals("OPENING")) {
			throw Refusal.conflict(null, opening.outcome().equals("FAILED") ? "tendering.opening.failedSection"
					: "tendering.opening.closed");
		}
		return opening;
	}

	private String sha256(UUID bid) {
		return jdbc.sql("select sha256 from tendering.bids where id = ?").param(bid).query(String.class).single();
	}

	private int round(SectionId id) {
		return jdbc.sql("select round from tendering.sections where id = ?").param(id.value()).query(Integer.class)
			.single();
	}

	private void setStatus(SectionView section, SectionStatus to, Instant now) {
		if (!sections.setStatus(section.id(), section.version(), section.status(), to, null,
				Actors.actor().username(), now)) {
			throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
		}
	}

	private String sign(String text) {
		return Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(text)));
	}

	static NoticePublished notice(UUID noticeId, NoticeType type, SectionView section, String title, String body,
			Money amount, String text, String signature, Instant now) {
		return new NoticePublished(Actors.actor(), noticeId, type, section.tradeCode(), section.projectName(),
				section.name(), section.region(), section.category(), title, body, section.estimatedPrice(), amount,
				section.tendererName(), CreditCode.of(section.tendererCreditCode()), section.agencyName(),
				section.bidDeadline(), text, signature, now);
	}

	private static OpenedBid opened(Openings.Entry e) {
		return new OpenedBid(e.bid(), e.bidder(), e.bidderName(), e.bidderCreditCode(), e.totalPrice(),
				e.durationDays() == null ? 0 : e.durationDays(), e.quality(), e.items(), e.decryption());
	}

	private static String text(String value, String field, String key) {
		if (value == null || value.isBlank() || value.strip().length() > 2000) {
			throw Refusal.invalid(field, key);
		}
		return value.strip();
	}

	private static byte[] decodeBase64(String value, String field, String key) {
		if (value == null || value.isBlank() || value.length() > 1000) {
			throw Refusal.invalid(field, key);
		}
		String text = value.strip();
		int colon = text.lastIndexOf(':');
		if (colon >= 0) {
			// what the bid tool prints, pasted whole ("content key: …", "share: …")
			text = text.substring(colon + 1).strip();
		}
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, key);
		}
	}

	/** Reads in the platform's scope while keeping the principal (who looks is decided on what is read). */
	private <T> T asIs(Supplier<T> work) {
		return access.platform(work);
	}
}
