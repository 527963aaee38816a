package org.yiwang.auction;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.auction.AuctionChanged.AgreementConcluded;
import org.yiwang.auction.AuctionChanged.AuctionOpened;
import org.yiwang.auction.AuctionChanged.ListingConcluded;
import org.yiwang.auction.AuctionChanged.TransfereeQualified;
import org.yiwang.auction.AuctionChanged.TransfereeRefused;
import org.yiwang.auction.AuctionChanged.TransfereeRegistered;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.SecurityHeld;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**

/**
 * Transferees register for a published listing and staff qualify or refuse them; at the end of the period staff
 * conclude the listing (extended, failed, transfer by agreement, or an online auction placed with the
 * {@link Auctioneer}). Behind {@link AuctionHall}.
 */
@Service
class TransfereeDesk {

	static final ZoneId CHINA = WorkingDays.CHINA;

	/** Working days a listing without a transferee is extended by, and how often at most. */
	static final int EXTENSION_DAYS = 5;

	static final int MAX_EXTENSIONS = 3;

	/** The judicial rules (网络司法拍卖规定 Art. 17, 20). */
	static final Duration JUDICIAL_MIN_BIDDING = Duration.ofHours(24);

	static final Duration JUDICIAL_EXTENSION = ListingDesk.JUDICIAL_EXTENSION;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ListingDesk desk;

	private final Listings listings;

	private final Auctions auctions;

	private final Auctioneer auctioneer;

	private final Catalog catalog;

	private final EntityRegistry registry;

	private final BidSecurity security;

	private final PriceSettlements settlements;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WorkingCalendar calendar;

	TransfereeDesk(ListingDesk desk, Listings listings, Auctions auctions, Auctioneer auctioneer, Catalog catalog,
			EntityRegistry registry, BidSecurity security, PriceSettlements settlements, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, WorkingCalendar calendar) {
		this.desk = desk;
		this.listings = listings;
		this.auctions = auctions;
		this.auctioneer = auctioneer;
		this.catalog = catalog;
		this.registry = registry;
		this.security = security;
		this.settlements = settlements;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.calendar = calendar;
	}


	/** An intending transferee registers for a published listing during its period. */
	RegistrationView register(UUID listingId) {
		return registerAsOf(listingId, clock.instant());
	}

	/** {@link #register} as of an instant: for demo data whose listing period has passed. */
	RegistrationView registerAsOf(UUID listingId, Instant now) {
		Acting bidder = Actors.requireAnyRole("auction.transfereeOnly", Role.BIDDER);
		return platform(() -> {
			EntityView entity = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
			if (!entity.holds(EntityRole.TRANSFEREE)) {
				throw Refusal.forbidden("auction.transfereeOnly");
			}
			ListingView listing = listings.byId(listingId).filter(l -> l.publishedAt() != null)
				.orElseThrow(() -> Refusal.notFound("auction.listing.notFound"));
			if (!listing.open(now)) {
				throw Refusal.conflict(null, "auction.register.closed");
			}
			if (entity.id().equals(listing.transferor())) {
				throw Refusal.conflict(null, "auction.register.ownListing");
			}
			if (registry.isBarred(entity.id(), listing.region(), listing.category(), LocalDate.ofInstant(now, CHINA))) {
				throw Refusal.forbidden("auction.register.barred");
			}
			RegistrationView registration = new RegistrationView(UUID.randomUUID(), listingId, entity.id(), entity.name(),
					bidder.actor().username(), now, RegistrationStatus.PENDING, null, null, null, null, null);
			if (!listings.addRegistration(registration, listing.region())) {
				throw Refusal.conflict(null, "auction.register.already");
			}
			events.publishEvent(new TransfereeRegistered(bidder.actor(), listingId, registration.id(), entity.id(),
					listing.region(), now));
			return registration;
		});
	}

	/** The signed-in transferee's registrations. */
	List<RegistrationView> myRegistrations() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> listings.registrationsOf(e.id())).orElse(List.of()));
	}

	/** The signed-in transferee's registration for a listing, if any. */
	Optional<RegistrationView> myRegistration(UUID listingId) {
		if (Actors.current().isEmpty()) {
			return Optional.empty();
		}
		return platform(() -> registry.myEntity().flatMap(e -> listings.registrationOf(listingId, e.id())));
	}

	/** The registrations of a listing of the acting staff's regions. */
	List<RegistrationView> registrations(UUID listingId) {
		Acting staff = requireStaff();
		return inTransaction(() -> {
			staffListing(staff, listingId);
			return listings.registrations(listingId);
		});
	}

	/**
	 * Staff qualify a registered transferee: approved, holding the transferee role, not barred, and holding the
	 * listing's security now (an e-guarantee or a matched deposit). It gets an anonymous bidder number.
	 */
	RegistrationView qualify(UUID registrationId) {
		Acting staff = requireStaff();
		return inTransaction(() -> {
			RegistrationView r = listings.registration(registrationId)
				.orElseThrow(() -> Refusal.notFound("auction.registration.notFound"));
			ListingView listing = staffListing(staff, r.listing());
			if (listing.status() != ListingStatus.PUBLISHED || r.status() != RegistrationStatus.PENDING) {
				throw Refusal.conflict(null, "auction.registration.decided");
			}
			Instant now = clock.instant();
			EntityView entity = registry.entity(r.transferee());
			if (!entity.holds(EntityRole.TRANSFEREE)
					|| registry.isBarred(entity.id(), listing.region(), listing.category(), LocalDate.ofInstant(now, CHINA))) {
				throw Refusal.conflict(null, "auction.qualify.notEligible", entity.name());
			}
			SecurityHeld held = security.securityHeld(entity.id(), listing.tradeCode(), listing.security())
				.orElseThrow(() -> Refusal.conflict(null, "auction.qualify.noSecurity", entity.name(), listing.security()));
			// Under the listing's lock, a number no other bidder of it holds: a clash would fail the unique index and,
			// with it, the whole transaction (PostgreSQL takes no further statement in it), so it is not left to chance.
			listings.byIdForUpdate(r.listing());
			Set<String> taken = listings.bidderNumbers(r.listing());
			String number;
			do {
				number = String.valueOf(100000 + RANDOM.nextInt(900000));
			}
			while (taken.contains(number));
			RegistrationView qualified = new RegistrationView(r.id(), r.listing(), r.transferee(), r.transfereeName(),
					r.registeredBy(), r.registeredAt(), RegistrationStatus.QUALIFIED, number, held.reference(),
					staff.actor().username(), now, null);
			if (!listings.decide(qualified)) {
				throw Refusal.conflict(null, "auction.registration.decided");
			}
			events.publishEvent(new TransfereeQualified(staff.actor(), r.listing(), r.id(), r.transferee(), number,
					held.reference(), listing.region(), now));
			return qualified;
		});
	}

	RegistrationView refuseRegistration(UUID registrationId, String reason) {
		Acting staff = requireStaff();
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw Refusal.invalid("reason", "auction.return.reason");
		}
		return inTransaction(() -> {
			RegistrationView r = listings.registration(registrationId)
				.orElseThrow(() -> Refusal.notFound("auction.registration.notFound"));
			ListingView listing = staffListing(staff, r.listing());
			if (r.status() != RegistrationStatus.PENDING) {
				throw Refusal.conflict(null, "auction.registration.decided");
			}
			Instant now = clock.instant();
			RegistrationView refused = new RegistrationView(r.id(), r.listing(), r.transferee(), r.transfereeName(),
					r.registeredBy(), r.registeredAt(), RegistrationStatus.REFUSED, null, null, staff.actor().username(), now,
					reason.strip());
			if (!listings.decide(refused)) {
				throw Refusal.conflict(null, "auction.registration.decided");
			}
			events.publishEvent(new TransfereeRefused(staff.actor(), r.listing(), r.id(), r.transferee(), reason.strip(),
					listing.region(), now));
			return refused;
		});
	}

	// --- the end of the period ----------------------------------------------------------------------------------

	/**
	 * Staff conclude a listing whose period has ended, every registration decided: with no qualified transferee it is
	 * extended (when the listing says so, five working days, at most three times) or fails; with one it goes to
	 * transfer by agreement; with two or more an online auction opens at {@code startsAt} (now when null) with
	 * {@code freeMinutes} of free bidding before the timed period. A judicial auction instead bids for
	 * {@code biddingHours} (at least 24) and its last five minutes are the timed period.
	 */
	ListingView conclude(UUID listingId, Instant startsAt, Integer freeMinutes, Integer biddingHours) {
		return concludeAsOf(listingId, startsAt, freeMinutes, biddingHours, clock.instant());
	}

	/** {@link #conclude} as of an instant: for tests in which the listing period has passed. */
	ListingView concludeAsOf(UUID listingId, Instant startsAt, Integer freeMinutes, Integer biddingHours, Instant now) {
		Acting staff = requireStaff();
		return inTransaction(() -> {
			ListingView listing = staffListing(staff, listingId);
			if (listing.status() != ListingStatus.PUBLISHED) {
				throw Refusal.conflict(null, "auction.conclude.notPublished");
			}
			if (now.isBefore(listing.periodEnd())) {
				throw Refusal.conflict(null, "auction.conclude.periodOpen");
			}
			List<RegistrationView> registrations = listings.registrations(listingId);
			if (registrations.stream().anyMatch(r -> r.status() == RegistrationStatus.PENDING)) {
				throw Refusal.conflict(null, "auction.conclude.pending");
			}
			long qualified = registrations.stream().filter(r -> r.status() == RegistrationStatus.QUALIFIED).count();
			ListingView concluded;
			if (qualified == 0 && listing.autoExtend() && listing.extensions() < MAX_EXTENSIONS) {
				Instant end = WorkingDays.periodEnd(listing.periodEnd().minusSeconds(1), EXTENSION_DAYS, listing.workingDays(),
						calendar.schedule()).end();
				concluded = listing.with(ListingStatus.PUBLISHED, null, listing.publishedAt(), end, listing.extensions() + 1,
						listing.signedText(), listing.platformSignature(), null, null, null);
			}
			else if (qualified == 0) {
				concluded = listing.concluded(ListingStatus.FAILED, null, null, null);
				security.transactionEnded(listing.tradeCode(), Optional.empty());
			}
			else if (qualified == 1) {
				concluded = listing.concluded(ListingStatus.AGREEMENT, null, null, null);
			}
			else {
				concluded = listing.concluded(ListingStatus.AUCTION, null, null, null);
				openAuction(staff, listing, startsAt == null ? now : startsAt, freeMinutes, biddingHours, now);
			}
			listings.update(concluded, listing.version());
			events.publishEvent(new ListingConcluded(staff.actor(), listingId, concluded.status(), (int) qualified,
					concluded.periodEnd(), listing.region(), now));
			return concluded;
		});
	}

	private void openAuction(Acting staff, ListingView listing, Instant startsAt, Integer freeMinutes,
			Integer biddingHours, Instant now) {
		if (startsAt.isBefore(clock.instant().minusSeconds(60))) {
			throw Refusal.invalid("startsAt", "auction.startsAt.past");
		}
		if (listing.auctionKind() != AuctionKind.ENGLISH) {
			openRound(staff, listing, startsAt, now);
			return;
		}
		Duration countdown = Duration.ofSeconds(listing.countdownSeconds());
		Instant timedFrom;
		if (listing.judicial()) {
			int hours = biddingHours == null ? 24 : biddingHours;
			if (hours < JUDICIAL_MIN_BIDDING.toHours() || hours > 24 * 30) {
				throw Refusal.invalid("biddingHours", "auction.biddingHours.judicial");
			}
			timedFrom = startsAt.plus(Duration.ofHours(hours)).minus(JUDICIAL_EXTENSION);
		}
		else {
			int free = freeMinutes == null ? 0 : freeMinutes;
			if (free < 0 || free > 60 * 24 * 30) {
				throw Refusal.invalid("freeMinutes", "auction.freeMinutes.range");
			}
			timedFrom = startsAt.plus(Duration.ofMinutes(free));
		}
		Auctions.Row row = new Auctions.Row(listing.id(), listing.region(), listing.tradeCode(), startsAt, timedFrom,
				timedFrom.plus(countdown), listing.countdownSeconds(), listing.startingPrice(), listing.reservePrice(),
				listing.increment(), null, null, 0, AuctionStatus.RUNNING, null, null, null, AuctionKind.ENGLISH, null);
		add(staff, listing, row, now);
	}

	/**
	 * A Dutch auction or a sealed round, as the listing's template (the version it was submitted under) says: the
	 * Dutch price starts at the listing price and steps down by its decrement every template interval to its floor;
	 * a sealed round takes prices for the template's window.
	 */
	private void openRound(Acting staff, ListingView listing, Instant startsAt, Instant now) {
		ProcedureTemplate template = catalog.template(listing.category(), listing.templateVersion());
		Auctions.Row row;
		if (listing.auctionKind() == AuctionKind.DUTCH) {
			int step = template.dutchStepSeconds();
			DutchAuction.Rules rules = new DutchAuction.Rules(startsAt, startsAt, Duration.ofSeconds(step),
					listing.startingPrice(), listing.reservePrice(), listing.increment());
			row = new Auctions.Row(listing.id(), listing.region(), listing.tradeCode(), startsAt, startsAt, rules.end(), step,
					listing.startingPrice(), listing.reservePrice(), listing.increment(), null, null, 0,
					AuctionStatus.RUNNING, null, null, null, AuctionKind.DUTCH, step);
		}
		else {
			Duration window = Duration.ofMinutes(template.sealedWindowMinutes());
			row = new Auctions.Row(listing.id(), listing.region(), listing.tradeCode(), startsAt, startsAt,
					startsAt.plus(window), (int) window.toSeconds(), listing.startingPrice(), listing.reservePrice(),
					listing.increment(), null, null, 0, AuctionStatus.RUNNING, null, null, null, AuctionKind.SEALED, null);
		}
		add(staff, listing, row, now);
	}

	private void add(Acting staff, ListingView listing, Auctions.Row row, Instant now) {
		auctions.add(row);
		events.publishEvent(new AuctionOpened(staff.actor(), listing.id(), row.startsAt(), row.timedFrom(), row.endsAt(),
				row.countdownSeconds(), listing.region(), now));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				auctioneer.place(row, listing.title());
			}
		});
	}

	/** With one qualified transferee, staff record the transfer by agreement at not less than the listing price. */
	ListingView concludeAgreement(UUID listingId, BigDecimal price) {
		Acting staff = requireStaff();
		return inTransaction(() -> {
			ListingView listing = staffListing(staff, listingId);
			if (listing.status() != ListingStatus.AGREEMENT) {
				throw Refusal.conflict(null, "auction.agreement.notAgreement");
			}
			Money agreed = price("price", price);
			if (agreed.compareTo(listing.startingPrice()) < 0) {
				throw Refusal.invalid("price", "auction.agreement.belowListing", listing.startingPrice());
			}
			RegistrationView buyer = listings.registrations(listingId).stream()
				.filter(r -> r.status() == RegistrationStatus.QUALIFIED).findFirst().orElseThrow();
			Instant now = clock.instant();
			ListingView sold = listing.concluded(ListingStatus.SOLD, buyer.transferee(), buyer.transfereeName(), agreed);
			listings.update(sold, listing.version());
			settlements.settle(staff.actor(), listing, buyer.transferee(), agreed, now);
			security.transactionEnded(listing.tradeCode(), Optional.of(buyer.transferee()));
			events.publishEvent(new AgreementConcluded(staff.actor(), listingId, buyer.transferee(), agreed,
					listing.region(), now));
			return sold;
		});
	}

	private ListingView staffListing(Acting staff, UUID id) {
		return desk.staffListing(staff, id);
	}

	private static Acting requireStaff() {
		return ListingDesk.requireStaff();
	}

	private static Money price(String field, BigDecimal yuan) {
		return ListingDesk.price(field, yuan);
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
