package org.yiwang.auction;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.auction.AuctionChanged.AgreementConcluded;
import org.yiwang.auction.AuctionChanged.AuctionOpened;
import org.yiwang.auction.AuctionChanged.BidRefused;
import org.yiwang.auction.AuctionChanged.ListingConcluded;
import org.yiwang.auction.AuctionChanged.ListingReturned;
import org.yiwang.auction.AuctionChanged.ListingSubmitted;
import org.yiwang.auction.AuctionChanged.TransfereeQualified;
import org.yiwang.auction.AuctionChanged.TransfereeRefused;
import org.yiwang.auction.AuctionChanged.TransfereeRegistered;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.NewRequirement;
import org.yiwang.guarantee.SecurityHeld;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The auction module's entry point. A transferor (or its agency) submits a listing; the district's staff publish it
 * (platform-signed) or return it; transferees register during the period and staff qualify those holding the
 * security; at the end of the period staff conclude it: extended or failed with nobody, transfer by agreement with
 * one, an online auction with two or more. Bidders bid through here; the {@link Auctioneer} orders and commits bids.
 */
@Service
public class AuctionHall {

	static final ZoneId CHINA = WorkingDays.CHINA;

	/** Working days a listing without a transferee is extended by, and how often at most. */
	static final int EXTENSION_DAYS = 5;

	static final int MAX_EXTENSIONS = 3;

	/** The judicial rules (网络司法拍卖规定 Art. 17, 20). */
	static final Duration JUDICIAL_MIN_BIDDING = Duration.ofHours(24);

	static final Duration JUDICIAL_EXTENSION = Duration.ofMinutes(5);

	static final BigDecimal JUDICIAL_SECURITY_MIN = new BigDecimal("0.05");

	static final BigDecimal JUDICIAL_SECURITY_MAX = new BigDecimal("0.20");

	/** How long a bidder's qualification and security check is trusted before it is asked again. */
	static final Duration AUTHORIZATION_TTL = Duration.ofSeconds(30);

	/** A bidder bidding this close to the end of its check gets it renewed in the background. */
	static final Duration AUTHORIZATION_REFRESH = Duration.ofSeconds(10);

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A bidder known to be qualified and secured for an auction, until {@code until}. */
	private record Authorization(EntityView entity, String bidderNumber, Instant until) {
	}

	private final Listings listings;

	private final Auctions auctions;

	private final Auctioneer auctioneer;

	private final Catalog catalog;

	private final EntityRegistry registry;

	private final BidSecurity security;

	private final PlatformKeys keys;

	private final PriceSettlements settlements;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WorkingCalendar calendar;

	private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();

	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

	private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors
		.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "auction-authorizations");
			t.setDaemon(true);
			return t;
		});

	AuctionHall(Listings listings, Auctions auctions, Auctioneer auctioneer, Catalog catalog, EntityRegistry registry,
			BidSecurity security, PlatformKeys keys, PriceSettlements settlements, ListingFacts facts,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, WorkingCalendar calendar) {
		this.facts = facts;
		this.settlements = settlements;
		this.calendar = calendar;
		this.listings = listings;
		this.auctions = auctions;
		this.auctioneer = auctioneer;
		this.catalog = catalog;
		this.registry = registry;
		this.security = security;
		this.keys = keys;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	private final ListingFacts facts;

	/** No background check outlives the database pool. */
	@jakarta.annotation.PreDestroy
	void stopRefreshing() {
		refresher.shutdownNow();
	}

	// --- listings ---------------------------------------------------------------------------------------------

	/**
	 * The transferor, or an agency naming the transferor, submits a listing. The category must be one whose
	 * procedure template lists with an auction; the period at least the template's; prices positive with at most two
	 * decimals, the reserve not below the starting price; judicial assets ask security of 5–20% of the starting price.
	 */
	public ListingView submit(NewListing request) {
		Acting submitter = Actors.requireAnyRole("auction.transferorOnly", Role.TENDERER, Role.AGENCY);
		return platform(() -> {
			EntityView own = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
			EntityView transferor = transferor(own, request.transferorCreditCode());
			if (!TradeCode.isValid(request.tradeCode())) {
				throw Refusal.invalid("tradeCode", "auction.tradeCode.form");
			}
			if (!RegionCode.isValid(request.region())
					|| catalog.region(RegionCode.of(request.region())).filter(r -> r.active()).isEmpty()) {
				throw Refusal.invalid("region", "auction.region.unknown");
			}
			CategoryView category = Optional.ofNullable(request.category()).filter(CategoryCode::isValid)
				.flatMap(c -> catalog.findCategory(CategoryCode.of(c))).filter(CategoryView::enabled)
				.orElseThrow(() -> Refusal.invalid("category", "auction.category.unknown"));
			ProcedureTemplate template = catalog.currentTemplate(category.code());
			if (template.procedure() != Procedure.LISTING || !template.auction() || template.countdownMinutes() == null) {
				throw Refusal.invalid("category", "auction.category.notListing", category.nameZh());
			}
			String title = text(request.title(), 200, "title", "auction.title.required");
			String description = text(request.description(), 5000, "description", "auction.description.required");
			String conditions = request.conditions() == null ? "" : request.conditions().strip();
			if (conditions.length() > 2000) {
				throw Refusal.invalid("conditions", "auction.conditions.size");
			}
			Money starting = price("startingPrice", request.startingPrice());
			Money reserve = price("reservePrice", request.reservePrice());
			Money increment = price("increment", request.increment());
			Money deposit = price("security", request.security());
			AuctionKind kind = template.auctionKind();
			if (kind == AuctionKind.DUTCH) {
				// The reserve is the floor the price steps down to; the increment the amount it steps down by.
				if (reserve.compareTo(starting) > 0) {
					throw Refusal.invalid("reservePrice", "auction.floor.aboveStart");
				}
				BigDecimal lowest = starting.yuan().multiply(BigDecimal.valueOf(template.dutchFloorPercent()))
					.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.UP);
				if (reserve.yuan().compareTo(lowest) < 0) {
					throw Refusal.invalid("reservePrice", "auction.floor.belowTemplate", template.dutchFloorPercent(), lowest);
				}
				if (increment.compareTo(starting) >= 0) {
					throw Refusal.invalid("increment", "auction.decrement.size");
				}
			}
			else if (reserve.compareTo(starting) < 0) {
				throw Refusal.invalid("reservePrice", "auction.reserve.belowStart");
			}
			boolean judicial = category.code().value().equals("JUDICIAL_ASSET");
			if (judicial) {
				BigDecimal low = starting.yuan().multiply(JUDICIAL_SECURITY_MIN);
				BigDecimal high = starting.yuan().multiply(JUDICIAL_SECURITY_MAX);
				if (deposit.yuan().compareTo(low) < 0 || deposit.yuan().compareTo(high) > 0) {
					throw Refusal.invalid("security", "auction.security.judicial", low.setScale(2, java.math.RoundingMode.UP),
							high.setScale(2, java.math.RoundingMode.DOWN));
				}
			}
			int minimumDays = template.listingPeriodDays() == null ? 1 : template.listingPeriodDays();
			if (request.listingDays() == null || request.listingDays() < minimumDays || request.listingDays() > 365) {
				throw Refusal.invalid("listingDays", template.listingInWorkingDays() ? "auction.listingDays.working"
						: "auction.listingDays.calendar", minimumDays);
			}
			AssetClass assetClass = assetClass(request.assetClass());
			Money appraised = price("appraisedValue", request.appraisedValue());
			Instant now = clock.instant();
			ListingView listing = new ListingView(UUID.randomUUID(), TradeCode.of(request.tradeCode()),
					RegionCode.of(request.region()), category.code(), template.version(), judicial, title, description,
					conditions, transferor.id(), transferor.name(), submitter.actor().username(), starting, reserve,
					increment, deposit, request.listingDays(), template.listingInWorkingDays(), request.autoExtend(), 0,
					judicial ? (int) JUDICIAL_EXTENSION.toSeconds() : template.countdownMinutes() * 60,
					ListingStatus.SUBMITTED, null, null, null, null, null, null, null, null, now, 0, kind);
			listings.add(listing);
			listings.describe(listing.id(), assetClass, appraised);
			events.publishEvent(new ListingSubmitted(submitter.actor(), listing.id(), listing.tradeCode(),
					transferor.id(), starting, listing.region(), now));
			return listing;
		});
	}

	/** 资产类别（实物）: one of the {@link AssetClass} codes, required. */
	private static AssetClass assetClass(String code) {
		if (code == null || code.isBlank()) {
			throw Refusal.invalid("assetClass", "auction.assetClass.required");
		}
		return AssetClass.of(code).orElseThrow(() -> Refusal.invalid("assetClass", "auction.assetClass.unknown",
				code.length() > 20 ? code.substring(0, 20) + "…" : code.strip()));
	}

	private EntityView transferor(EntityView own, String transferorCreditCode) {
		if (own.holds(EntityRole.TRANSFEROR) && (transferorCreditCode == null || transferorCreditCode.isBlank()
				|| transferorCreditCode.strip().equals(own.creditCode()))) {
			return own;
		}
		if (!own.holds(EntityRole.AGENCY)) {
			throw Refusal.forbidden("auction.transferorOnly");
		}
		if (transferorCreditCode == null || CreditCode.problem(transferorCreditCode.strip()).isPresent()) {
			throw Refusal.invalid("transferorCreditCode", "auction.transferor.required");
		}
		EntityView transferor = registry.findByCreditCode(CreditCode.of(transferorCreditCode.strip()))
			.orElseThrow(() -> Refusal.invalid("transferorCreditCode", "auction.transferor.unknown"));
		if (!transferor.holds(EntityRole.TRANSFEROR)) {
			throw Refusal.invalid("transferorCreditCode", "auction.transferor.unknown");
		}
		return transferor;
	}

	/** Listings waiting for the acting staff (their regions' only: the database shows no others). */
	public List<ListingView> reviewQueue() {
		requireStaff();
		return inTransaction(() -> listings.byStatus(ListingStatus.SUBMITTED, 200));
	}

	/** Every listing of the acting staff's regions. */
	public List<ListingView> regionListings() {
		requireStaff();
		return inTransaction(() -> listings.all(200));
	}

	/**
	 * Every listing of the signed-in regulator's regions (the database policy) and industries, read-only: what the
	 * supervision workspace shows beside tenders.
	 */
	public List<ListingView> supervisedListings() {
		Acting regulator = Actors.requireAnyRole("auction.regulatorOnly", Role.REGULATOR);
		return inTransaction(() -> listings.all(200).stream()
			.filter(l -> regulator.industries().contains(l.category())).toList());
	}

	/**
	 * Staff publish a submitted listing: the period starts, the bid security is set with the transferor as
	 * beneficiary, and the platform signs the listing text; the portal learns of it by {@link ListingPublished}.
	 */
	public ListingView publish(UUID id, long seenVersion) {
		return publishAsOf(id, seenVersion, clock.instant());
	}

	/** {@link #publish} as of an instant: for demo data whose listing period has passed. */
	public ListingView publishAsOf(UUID id, long seenVersion, Instant now) {
		Acting staff = requireStaff();
		return inTransaction(() -> {
			ListingView listing = staffListing(staff, id);
			if (listing.status() != ListingStatus.SUBMITTED) {
				throw Refusal.conflict(null, "auction.listing.notSubmitted");
			}
			if (listing.version() != seenVersion) {
				throw Refusal.conflict(null, "auction.listing.changed");
			}
			Instant periodEnd = WorkingDays.periodEnd(now, listing.listingDays(), listing.workingDays(), calendar.schedule())
				.end();
			security.require(new NewRequirement(listing.tradeCode().value(), listing.title(), listing.region().value(),
					listing.category().value(), listing.transferor().toString(), null, listing.security().yuan(),
					LocalDate.ofInstant(periodEnd, CHINA).plusDays(90)));
			String text = listingText(listing, now, periodEnd);
			String signature = Auctioneer.sign(keys, text);
			ListingView published = listing.with(ListingStatus.PUBLISHED, null, now, periodEnd, 0, text, signature, null,
					null, null);
			listings.update(published, seenVersion);
			listings.reviewedBy(id, staff.actor().username());
			listings.number(id, facts.newProjectCode(listing.region(), now));
			events.publishEvent(new ListingPublished(staff.actor(), id, listing.tradeCode(), listing.region(),
					listing.category(), listing.title(), listing.description(), listing.conditions(),
					listing.startingPrice(), listing.increment(), listing.security(), listing.transferor(),
					listing.transferorName(), now, periodEnd, text, signature, now, facts.of(published)));
			return published;
		});
	}

	/**
	 * A listing's period as the working calendar counts it: a published one's end as fixed, a submitted one's as it
	 * would end if published now; with the years it runs through for which the calendar has no holiday schedule (a
	 * working-day period there skips weekends only, which staff must see before and after they publish).
	 */
	public ListingPeriod period(ListingView listing) {
		return period(listing, calendar.schedule(), clock.instant());
	}

	/** {@link #period} of several listings, against one reading of the calendar. */
	public Map<UUID, ListingPeriod> periods(List<ListingView> listings) {
		WorkingDaySchedule schedule = calendar.schedule();
		Instant now = clock.instant();
		Map<UUID, ListingPeriod> periods = new HashMap<>();
		listings.forEach(l -> periods.put(l.id(), period(l, schedule, now)));
		return periods;
	}

	private static ListingPeriod period(ListingView listing, WorkingDaySchedule schedule, Instant now) {
		if (listing.periodEnd() != null && listing.publishedAt() != null) {
			return new ListingPeriod(listing.periodEnd(), listing.workingDays()
					? WorkingDays.unscheduledYears(listing.publishedAt(), listing.periodEnd(), schedule) : List.of());
		}
		return WorkingDays.periodEnd(now, listing.listingDays(), listing.workingDays(), schedule);
	}

	/** The exact text the platform signs at publication, one {@code key=value} per line, each ended by LF. */
	static String listingText(ListingView l, Instant publishedAt, Instant periodEnd) {
		return "YIWANG-LISTING-V1\n" + "tradeCode=" + l.tradeCode() + "\n" + "region=" + l.region() + "\n" + "category="
				+ l.category() + "\n" + "title=" + oneLine(l.title()) + "\n" + "transferor=" + oneLine(l.transferorName())
				+ "\n" + "startingPrice=" + l.startingPrice() + "\n" + "increment=" + l.increment() + "\n" + "security="
				+ l.security() + "\n" + "publishedAt=" + Auctioneer.INSTANT.format(publishedAt) + "\n" + "periodEnd="
				+ Auctioneer.INSTANT.format(periodEnd) + "\n" + "descriptionSha256=" + Sha256.hex(orEmpty(l.description()))
				+ "\n" + "conditionsSha256=" + Sha256.hex(orEmpty(l.conditions())) + "\n";
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	public ListingView returnListing(UUID id, long seenVersion, String reason) {
		Acting staff = requireStaff();
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw Refusal.invalid("reason", "auction.return.reason");
		}
		return inTransaction(() -> {
			ListingView listing = staffListing(staff, id);
			if (listing.status() != ListingStatus.SUBMITTED) {
				throw Refusal.conflict(null, "auction.listing.notSubmitted");
			}
			Instant now = clock.instant();
			ListingView returned = listing.with(ListingStatus.RETURNED, reason.strip(), null, null, 0, null, null, null,
					null, null);
			listings.update(returned, seenVersion);
			events.publishEvent(new ListingReturned(staff.actor(), id, reason.strip(), listing.region(), now));
			return returned;
		});
	}

	/** Published listings, for everyone (the reserve price stays on staff pages). */
	public List<ListingView> publicListings() {
		return platform(() -> listings.published());
	}

	/**
	 * A listing: published ones for everyone; a submitted or returned one only for staff of its region and for its
	 * submitter and transferor. Anything else is not found.
	 */
	public ListingView listing(UUID id) {
		Optional<Acting> acting = Actors.current();
		return platform(() -> {
			ListingView listing = listings.byId(id).orElseThrow(() -> Refusal.notFound("auction.listing.notFound"));
			if (listing.publishedAt() != null || acting.map(a -> mayManage(a, listing)).orElse(false)) {
				return listing;
			}
			throw Refusal.notFound("auction.listing.notFound");
		});
	}

	private boolean mayManage(Acting acting, ListingView listing) {
		if ((acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN))
				&& acting.regionScope().covers(listing.region())) {
			return true;
		}
		return acting.actor().username().equals(listing.submittedBy())
				|| registry.myEntity().map(e -> e.id().equals(listing.transferor())).orElse(false);
	}

	/** Listings the signed-in transferor or agency submitted, or whose transferor its entity is. */
	public List<ListingView> myListings() {
		Acting acting = Actors.required();
		return platform(() -> {
			List<ListingView> mine = new java.util.ArrayList<>(listings.submittedBy(acting.actor().username()));
			registry.myEntity().ifPresent(e -> listings.ofTransferor(e.id()).stream()
				.filter(l -> mine.stream().noneMatch(m -> m.id().equals(l.id()))).forEach(mine::add));
			return mine;
		});
	}

	// --- transferees ------------------------------------------------------------------------------------------

	/** An intending transferee registers for a published listing during its period. */
	public RegistrationView register(UUID listingId) {
		return registerAsOf(listingId, clock.instant());
	}

	/** {@link #register} as of an instant: for demo data whose listing period has passed. */
	public RegistrationView registerAsOf(UUID listingId, Instant now) {
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
	public List<RegistrationView> myRegistrations() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> listings.registrationsOf(e.id())).orElse(List.of()));
	}

	/** The signed-in transferee's registration for a listing, if any. */
	public Optional<RegistrationView> myRegistration(UUID listingId) {
		if (Actors.current().isEmpty()) {
			return Optional.empty();
		}
		return platform(() -> registry.myEntity().flatMap(e -> listings.registrationOf(listingId, e.id())));
	}

	/** The registrations of a listing of the acting staff's regions. */
	public List<RegistrationView> registrations(UUID listingId) {
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
	public RegistrationView qualify(UUID registrationId) {
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

	public RegistrationView refuseRegistration(UUID registrationId, String reason) {
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
	public ListingView conclude(UUID listingId, Instant startsAt, Integer freeMinutes, Integer biddingHours) {
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
	public ListingView concludeAgreement(UUID listingId, BigDecimal price) {
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

	// --- bidding ------------------------------------------------------------------------------------------------

	/**
	 * A qualified transferee bids. The amount is checked (a number, at most two decimals, positive, not absurd), the
	 * bidder's qualification and security too; then the bid is stamped with the server's time, ordered and committed
	 * by the auction's single writer before this returns. A refusal says why, is audited and changes nothing. The
	 * same idempotency key with the same amount returns the first receipt again.
	 */
	public BidReceipt bid(UUID listingId, String amountText, String idempotencyKey) {
		Acting bidder = Actors.requireAnyRole("auction.transfereeOnly", Role.BIDDER);
		Optional<Auctioneer.Lane> live = auctioneer.lane(listingId);
		if (live.isEmpty()) {
			// Closed (or not on this node yet): a retry of a committed bid gets its receipt again; anything else is
			// refused and audited like any late bid.
			Auctions.Row row = platform(() -> auctions.byId(listingId))
				.orElseThrow(() -> Refusal.notFound("auction.auction.notFound"));
			Optional<BidReceipt> replay = replay(row, idempotencyKey, amount(amountText));
			if (replay.isPresent()) {
				return replay.get();
			}
			elsewhere(row);
			throw refused(bidder, listingId, row.region(), row.kind() == AuctionKind.SEALED ? null : amountText,
					row.status() == AuctionStatus.RUNNING ? BidRefusal.NOT_STARTED : BidRefusal.ENDED,
					row.kind() == AuctionKind.SEALED && row.status() == AuctionStatus.RUNNING);
		}
		Auctioneer.Lane lane = live.get();
		if (lane.engine instanceof DutchAuction) {
			throw refused(bidder, lane, amountText, BidRefusal.WRONG_KIND);
		}
		Authorization authorization = authorize(bidder, lane);
		Object parsed = amount(amountText);
		if (parsed instanceof BidRefusal reason) {
			throw refused(bidder, lane, amountText, reason);
		}
		if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
			throw refused(bidder, lane, amountText, BidRefusal.KEY);
		}
		return commit(lane, bidder, authorization, (Money) parsed, idempotencyKey);
	}

	/** The receipt a committed bid with this key got, if the amount is the same (any amount for an acceptance). */
	private Optional<BidReceipt> replay(Auctions.Row row, String idempotencyKey, Object amount) {
		if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
			return Optional.empty();
		}
		return platform(() -> registry.myEntity()
			.flatMap(e -> auctions.bidByKey(row.listing(), e.id(), idempotencyKey))
			.filter(b -> row.kind() == AuctionKind.DUTCH || (amount instanceof Money m && m.compareTo(b.amount()) == 0))
			.map(b -> new BidReceipt(row.listing(), b.seq(), b.bidderNumber(), b.amount(), b.placedAt(), b.endsAtAfter(),
					true)));
	}

	/**
	 * A qualified, secured transferee accepts a Dutch auction's current price. The acceptance is stamped with the
	 * server's time and ordered and committed by the auction's single writer before this returns: the first in that
	 * order wins at the price current when it entered the platform, and the auction ends; a later one is refused
	 * ({@code TAKEN}, or {@code ENDED} after the floor's interval), audited, and changes nothing. The same
	 * idempotency key returns the first receipt again.
	 */
	public BidReceipt accept(UUID listingId, String idempotencyKey) {
		Acting bidder = Actors.requireAnyRole("auction.transfereeOnly", Role.BIDDER);
		Optional<Auctioneer.Lane> live = auctioneer.lane(listingId);
		if (live.isEmpty()) {
			// Closed (or not on this node yet): a retry of the committed acceptance gets its receipt again; anything
			// else is refused and audited with the reason.
			Auctions.Row row = platform(() -> auctions.byId(listingId))
				.orElseThrow(() -> Refusal.notFound("auction.auction.notFound"));
			if (row.kind() == AuctionKind.DUTCH) {
				Optional<BidReceipt> replay = replay(row, idempotencyKey, null);
				if (replay.isPresent()) {
					return replay.get();
				}
			}
			elsewhere(row);
			throw refused(bidder, listingId, row.region(), null, row.kind() != AuctionKind.DUTCH ? BidRefusal.WRONG_KIND
					: row.status() == AuctionStatus.RUNNING ? BidRefusal.NOT_STARTED
							: row.leaderNumber() != null ? BidRefusal.TAKEN : BidRefusal.ENDED,
					row.kind() == AuctionKind.SEALED && row.status() == AuctionStatus.RUNNING);
		}
		Auctioneer.Lane lane = live.get();
		if (!(lane.engine instanceof DutchAuction)) {
			throw refused(bidder, lane, null, BidRefusal.WRONG_KIND);
		}
		Authorization authorization = authorize(bidder, lane);
		if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
			throw refused(bidder, lane, null, BidRefusal.KEY);
		}
		return commit(lane, bidder, authorization, null, idempotencyKey);
	}

	/**
	 * A running auction without a lane on this node runs on the node that holds the clock's lease (docs/cluster.md):
	 * the bid is not refused here but answered 503, which the reverse proxy passes to the next node; bids are decided
	 * on one node only, in one order.
	 */
	private void elsewhere(Auctions.Row row) {
		if (row.status() == AuctionStatus.RUNNING && !auctioneer.ownsClock()) {
			throw Refusal.servedElsewhere("auction.bid.servedElsewhere");
		}
	}

	/**
	 * The signed-in bidder's sealed price in a sealed round: its commitment and when it was sealed, never the price
	 * (the bidder was given it with its salt in the receipt). Empty when it sealed none.
	 */
	public Optional<BidReceipt> mySealedPrice(UUID listingId) {
		Actors.requireAnyRole("auction.transfereeOnly", Role.BIDDER);
		return platform(() -> {
			Auctions.Row row = auctions.byId(listingId).orElseThrow(() -> Refusal.notFound("auction.auction.notFound"));
			if (row.kind() != AuctionKind.SEALED) {
				return Optional.<BidReceipt>empty();
			}
			return registry.myEntity().flatMap(e -> auctions.sealedPriceOf(listingId, e.id()))
				.map(p -> new BidReceipt(listingId, 0, p.bidderNumber(), null, p.submittedAt(), row.endsAt(), true,
						p.commitment(), null));
		});
	}

	private BidReceipt commit(Auctioneer.Lane lane, Acting bidder, Authorization authorization, Money amount,
			String idempotencyKey) {
		Auctioneer.Outcome outcome;
		try {
			outcome = auctioneer.bid(lane, bidder.actor(), authorization.entity().id(), authorization.bidderNumber(),
					amount, idempotencyKey).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the bid was committed", e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("The bid could not be committed; it was not accepted", e);
		}
		if (outcome.refusal() != null) {
			throw refusal(outcome.refusal());
		}
		return outcome.receipt();
	}

	/**
	 * The bidder's qualification and security, from the cache while it is fresh. An entry is never used after its
	 * {@code until}; one that a bidder keeps using is checked again in the background before it runs out, so an
	 * active bidder's bids do not wait for the database (only the first one, or the live page, loads it).
	 */
	private Authorization authorize(Acting bidder, Auctioneer.Lane lane) {
		String cacheKey = bidder.actor().username() + "|" + lane.listing;
		Instant now = clock.instant();
		Authorization known = authorizations.get(cacheKey);
		if (known != null && now.isBefore(known.until())) {
			if (now.isAfter(known.until().minus(AUTHORIZATION_REFRESH)) && refreshing.add(cacheKey)) {
				// As the bidder (the check asks for the signed-in account's entity), on the refresher's thread.
				try {
					refresher.execute(new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(() -> {
						try {
							check(bidder, lane, cacheKey, clock.instant());
						}
						catch (RuntimeException e) {
							// The entry runs out and the next bid checks again, in its own request.
						}
						finally {
							refreshing.remove(cacheKey);
						}
					}));
				}
				catch (java.util.concurrent.RejectedExecutionException e) {
					// Shutting down: the entry runs out.
					refreshing.remove(cacheKey);
				}
			}
			return known;
		}
		Object checked = check(bidder, lane, cacheKey, now);
		if (checked instanceof BidRefusal reason) {
			throw refused(bidder, lane, null, reason);
		}
		return (Authorization) checked;
	}

	/** Checks the bidder against the database and caches the answer: an authorization, or why there is none. */
	private Object check(Acting bidder, Auctioneer.Lane lane, String cacheKey, Instant now) {
		Object checked = platform(() -> {
			Optional<EntityView> entity = registry.myEntity();
			Optional<RegistrationView> registration = entity
				.flatMap(e -> listings.registrationOf(lane.listing, e.id()))
				.filter(r -> r.status() == RegistrationStatus.QUALIFIED);
			if (registration.isEmpty() || !entity.get().holds(EntityRole.TRANSFEREE)) {
				return BidRefusal.NOT_QUALIFIED;
			}
			ListingView listing = listings.byId(lane.listing).orElseThrow();
			if (security.securityHeld(entity.get().id(), listing.tradeCode(), listing.security()).isEmpty()) {
				return BidRefusal.NO_SECURITY;
			}
			return new Authorization(entity.get(), registration.get().bidderNumber(), now.plus(AUTHORIZATION_TTL));
		});
		if (checked instanceof Authorization authorization) {
			authorizations.put(cacheKey, authorization);
		}
		else {
			authorizations.remove(cacheKey);
		}
		return checked;
	}

	/**
	 * The signed-in bidder's number in a live auction, if qualified; opening the live page also loads the bidder's
	 * authorization, so the first bid does not wait for it.
	 */
	public Optional<String> myBidderNumber(UUID listingId) {
		Optional<Acting> acting = Actors.current().filter(a -> a.hasRole(Role.BIDDER));
		if (acting.isEmpty()) {
			return Optional.empty();
		}
		Optional<Auctioneer.Lane> lane = auctioneer.lane(listingId);
		if (lane.isPresent()) {
			String cacheKey = acting.get().actor().username() + "|" + listingId;
			Object checked = check(acting.get(), lane.get(), cacheKey, clock.instant());
			if (checked instanceof Authorization authorization) {
				return Optional.of(authorization.bidderNumber());
			}
		}
		return myRegistration(listingId).map(RegistrationView::bidderNumber);
	}

	/**
	 * Audits a bid refused before it reached the auction, in a transaction of its own, and says why. In a running
	 * sealed round the refusal is kept for the entry the close writes instead: an entry now would let the log be
	 * counted.
	 */
	private Refusal refused(Acting bidder, Auctioneer.Lane lane, String amountText, BidRefusal reason) {
		boolean sealed = lane.engine instanceof SealedRound;
		// A sealed round's refused price is not written down either: the audit log would disclose it.
		return refused(bidder, lane.listing, lane.row.region(), sealed ? null : amountText, reason,
				sealed && !lane.engine.closed());
	}

	private Refusal refused(Acting bidder, UUID listing, RegionCode region, String amountText, BidRefusal reason,
			boolean sealedRunning) {
		Instant now = clock.instant();
		String amount = amountText == null ? "" : amountText.length() > 64 ? amountText.substring(0, 64) : amountText;
		RegionScopes.runIn(RegionScope.of(region), () -> transactions.executeWithoutResult(status -> {
			if (!sealedRunning || !auctions.deferSealedRefusal(listing, region, bidder.actor().username(), reason, now)) {
				events.publishEvent(new BidRefused(bidder.actor(), listing, amount, reason, region, now));
			}
		}));
		return refusal(reason);
	}

	static Refusal refusal(BidRefusal reason) {
		String key = "auction.bid.refused." + reason.name();
		return switch (reason) {
			case MALFORMED, DECIMALS, NOT_POSITIVE, ABSURD, KEY -> Refusal.invalid("amount", key);
			case NOT_QUALIFIED, NO_SECURITY -> Refusal.forbidden(key);
			default -> Refusal.conflict("amount", key);
		};
	}

	/** A typed bid: the amount, or why it is not one. */
	static Object amount(String text) {
		if (text == null || text.isBlank() || text.length() > 40) {
			return text != null && text.length() > 40 ? BidRefusal.ABSURD : BidRefusal.MALFORMED;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			return BidRefusal.MALFORMED;
		}
		if (value.signum() <= 0) {
			return BidRefusal.NOT_POSITIVE;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			return BidRefusal.DECIMALS;
		}
		try {
			return Money.of(value);
		}
		catch (IllegalArgumentException e) {
			return BidRefusal.ABSURD;
		}
	}

	/** An auction's live state, for everyone: bidders appear by number only; the winner is named once it closed. */
	public AuctionView auction(UUID listingId) {
		Optional<Auctioneer.Lane> lane = auctioneer.lane(listingId);
		if (lane.isPresent()) {
			AuctionView v = lane.get().latest();
			return withServerTime(v);
		}
		return platform(() -> {
			Auctions.Row row = auctions.byId(listingId).orElseThrow(() -> Refusal.notFound("auction.auction.notFound"));
			ListingView listing = listings.byId(listingId).orElseThrow();
			List<Auctions.Bid> bids = auctions.bids(listingId);
			Auctioneer.Lane replay = auctioneer.detached(row, listing.title(), bids);
			return replay.view(row.status() == AuctionStatus.SOLD ? listing.buyerName() : null, row.closedAt());
		});
	}

	private AuctionView withServerTime(AuctionView v) {
		return v.at(clock.instant());
	}

	/** Every accepted bid of a closed auction, and its signed record; for staff of its region. */
	public List<BidView> bidHistory(UUID listingId) {
		Acting staff = requireStaff();
		return inTransaction(() -> {
			staffListing(staff, listingId);
			return auctions.bids(listingId).stream().map(Auctions.Bid::view).toList();
		});
	}

	/** For tests that let time pass: closes the auction as of {@code at} if its countdown has run out by then. */
	void closeAsOf(UUID listingId, Instant at) {
		auctioneer.lane(listingId).ifPresent(lane -> {
			try {
				auctioneer.closeAsOf(lane, at).get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException | ExecutionException | TimeoutException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/**
	 * How the buyer's security counts towards the price of a sold listing (empty until sold), for whoever may see the
	 * listing; the security's reference (account or letter number) only on the confirmation.
	 */
	public Optional<PriceSettlement> settlement(UUID listingId) {
		ListingView listing = listing(listingId);
		if (listing.status() != ListingStatus.SOLD) {
			return Optional.empty();
		}
		return platform(() -> settlements.of(listingId)).map(s -> new PriceSettlement(s.listing(), s.buyer(), s.price(),
				s.form(), null, s.securityAmount(), s.applied(), s.due(), s.recordedAt()));
	}

	/**
	 * The transaction confirmation (成交确认书, PDF) of a sold listing, for the buyer, the transferor (and the member
	 * who submitted it) and staff of its region; anyone else finds nothing.
	 */
	public byte[] confirmation(UUID listingId) {
		Acting acting = Actors.required();
		record Parts(ListingView listing, String how, String number, Instant at, String signature,
				Optional<PriceSettlement> settlement) {
		}
		Parts parts = platform(() -> {
			ListingView listing = listings.byId(listingId).filter(l -> l.status() == ListingStatus.SOLD)
				.orElseThrow(() -> Refusal.notFound("auction.listing.notFound"));
			boolean buyer = registry.myEntity().map(e -> e.id().equals(listing.buyer())).orElse(false);
			if (!buyer && !mayManage(acting, listing)) {
				throw Refusal.notFound("auction.listing.notFound");
			}
			Optional<Auctions.Row> auction = auctions.byId(listingId);
			String number = listings.registrationOf(listingId, listing.buyer()).map(RegistrationView::bidderNumber)
				.orElse(null);
			Optional<PriceSettlement> settlement = settlements.of(listingId);
			return auction.map(a -> new Parts(listing, "网络竞价", number, a.closedAt(), a.recordSignature(), settlement))
				.orElseGet(() -> new Parts(listing, "协议转让", number, listing.publishedAt(), listing.platformSignature(),
						settlement));
		});
		return ConfirmationPdf.render(parts.listing(), parts.how(), parts.number(), parts.at(), parts.signature(),
				parts.settlement());
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private ListingView staffListing(Acting staff, UUID id) {
		return listings.byId(id).filter(l -> staff.regionScope().covers(l.region()))
			.orElseThrow(() -> Refusal.notFound("auction.listing.notFound"));
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("auction.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	private static String text(String value, int max, String field, String key) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw Refusal.invalid(field, key);
		}
		return value.strip();
	}

	/** A positive amount of yuan with at most two decimals; more decimals are refused, never rounded. */
	static Money price(String field, BigDecimal yuan) {
		if (yuan == null) {
			throw Refusal.invalid(field, "auction.amount.required");
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw Refusal.invalid(field, "auction.amount.decimals", yuan.toPlainString());
		}
		if (yuan.signum() <= 0) {
			throw Refusal.invalid(field, "auction.amount.positive");
		}
		try {
			return Money.of(yuan);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "auction.amount.absurd");
		}
	}

	private static String oneLine(String text) {
		return text.replace('\n', ' ').replace('\r', ' ');
	}
}
