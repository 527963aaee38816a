package org.yiwang.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.auction.AuctionChanged.ListingReturned;
import org.yiwang.auction.AuctionChanged.ListingSubmitted;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.NewRequirement;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
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

/**
 * Listings from submission to publication (or return), the reads of them, and what a sold one leaves: the settlement
 * of the price and the transaction confirmation. Behind {@link AuctionHall}.
 */
@Service
class ListingDesk {

	static final ZoneId CHINA = WorkingDays.CHINA;

	/** The judicial rules (网络司法拍卖规定 Art. 17, 20). */
	static final Duration JUDICIAL_EXTENSION = Duration.ofMinutes(5);

	static final BigDecimal JUDICIAL_SECURITY_MIN = new BigDecimal("0.05");

	static final BigDecimal JUDICIAL_SECURITY_MAX = new BigDecimal("0.20");

	private final Listings listings;

	private final Auctions auctions;

	private final Catalog catalog;

	private final EntityRegistry registry;

	private final BidSecurity security;

	private final PlatformKeys keys;

	private final PriceSettlements settlements;

	private final ListingFacts facts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WorkingCalendar calendar;

	ListingDesk(Listings listings, Auctions auctions, Catalog catalog, EntityRegistry registry, BidSecurity security,
			PlatformKeys keys, PriceSettlements settlements, ListingFacts facts, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, WorkingCalendar calendar) {
		this.listings = listings;
		this.auctions = auctions;
		this.catalog = catalog;
		this.registry = registry;
		this.security = security;
		this.keys = keys;
		this.settlements = settlements;
		this.facts = facts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.calendar = calendar;
	}


	/**
	 * The transferor, or an agency naming the transferor, submits a listing. The category must be one whose
	 * procedure template lists with an auction; the period at least the template's; prices positive with at most two
	 * decimals, the reserve not below the starting price; judicial assets ask security of 5–20% of the starting price.
	 */
	ListingView submit(NewListing request) {
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
	List<ListingView> reviewQueue() {
		requireStaff();
		return inTransaction(() -> listings.byStatus(ListingStatus.SUBMITTED, 200));
	}

	/** Every listing of the acting staff's regions. */
	List<ListingView> regionListings() {
		requireStaff();
		return inTransaction(() -> listings.all(200));
	}

	/**
	 * Every listing of the signed-in regulator's regions (the database policy) and industries, read-only: what the
	 * supervision workspace shows beside tenders.
	 */
	List<ListingView> supervisedListings() {
		Acting regulator = Actors.requireAnyRole("auction.regulatorOnly", Role.REGULATOR);
		return inTransaction(() -> listings.all(200).stream()
			.filter(l -> regulator.industries().contains(l.category())).toList());
	}

	/**
	 * Staff publish a submitted listing: the period starts, the bid security is set with the transferor as
	 * beneficiary, and the platform signs the listing text; the portal learns of it by {@link ListingPublished}.
	 */
	ListingView publish(UUID id, long seenVersion) {
		return publishAsOf(id, seenVersion, clock.instant());
	}

	/** {@link #publish} as of an instant: for demo data whose listing period has passed. */
	ListingView publishAsOf(UUID id, long seenVersion, Instant now) {
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
			String signature = AuctionRecordText.sign(keys, text);
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
	ListingPeriod period(ListingView listing) {
		return period(listing, calendar.schedule(), clock.instant());
	}

	/** {@link #period} of several listings, against one reading of the calendar. */
	Map<UUID, ListingPeriod> periods(List<ListingView> listings) {
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
				+ l.security() + "\n" + "publishedAt=" + AuctionRecordText.INSTANT.format(publishedAt) + "\n" + "periodEnd="
				+ AuctionRecordText.INSTANT.format(periodEnd) + "\n" + "descriptionSha256=" + Sha256.hex(orEmpty(l.description()))
				+ "\n" + "conditionsSha256=" + Sha256.hex(orEmpty(l.conditions())) + "\n";
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	ListingView returnListing(UUID id, long seenVersion, String reason) {
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
	List<ListingView> publicListings() {
		return platform(() -> listings.published());
	}

	/**
	 * A listing: published ones for everyone; a submitted or returned one only for staff of its region and for its
	 * submitter and transferor. Anything else is not found.
	 */
	ListingView listing(UUID id) {
		Optional<Acting> acting = Actors.current();
		return platform(() -> {
			ListingView listing = listings.byId(id).orElseThrow(() -> Refusal.notFound("auction.listing.notFound"));
			if (listing.publishedAt() != null || acting.map(a -> mayManage(a, listing)).orElse(false)) {
				return listing;
			}
			throw Refusal.notFound("auction.listing.notFound");
		});
	}

	boolean mayManage(Acting acting, ListingView listing) {
		if ((acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN))
				&& acting.regionScope().covers(listing.region())) {
			return true;
		}
		return acting.actor().username().equals(listing.submittedBy())
				|| registry.myEntity().map(e -> e.id().equals(listing.transferor())).orElse(false);
	}

	/** Listings the signed-in transferor or agency submitted, or whose transferor its entity is. */
	List<ListingView> myListings() {
		Acting acting = Actors.required();
		return platform(() -> {
			List<ListingView> mine = new java.util.ArrayList<>(listings.submittedBy(acting.actor().username()));
			registry.myEntity().ifPresent(e -> listings.ofTransferor(e.id()).stream()
				.filter(l -> mine.stream().noneMatch(m -> m.id().equals(l.id()))).forEach(mine::add));
			return mine;
		});
	}

	/**
	 * How the buyer's security counts towards the price of a sold listing (empty until sold), for whoever may see the
	 * listing; the security's reference (account or letter number) only on the confirmation.
	 */
	Optional<PriceSettlement> settlement(UUID listingId) {
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
	byte[] confirmation(UUID listingId) {
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

	// --- helpers, also for the other desks behind the hall --------------------------------------------------------

	/** A listing of the acting staff's regions; any other is not found. */
	ListingView staffListing(Acting staff, UUID id) {
		return listings.byId(id).filter(l -> staff.regionScope().covers(l.region()))
			.orElseThrow(() -> Refusal.notFound("auction.listing.notFound"));
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	static Acting requireStaff() {
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
