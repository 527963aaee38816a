package org.yiwang.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.auction.AuctionChanged.BidRefused;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**

/**
 * Bids and acceptances on their way to the auction's lane: the amount and key checked, the bidder's qualification and
 * security (cached for a short while), refusals audited; the live state and the record of an auction. The
 * {@link Auctioneer} orders, decides and commits. Behind {@link AuctionHall}.
 */
@Service
class BidDesk {

	/** How long a bidder's qualification and security check is trusted before it is asked again. */
	static final Duration AUTHORIZATION_TTL = Duration.ofSeconds(30);

	/** A bidder bidding this close to the end of its check gets it renewed in the background. */
	static final Duration AUTHORIZATION_REFRESH = Duration.ofSeconds(10);

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	/** A bidder known to be qualified and secured for an auction, until {@code until}. */
	private record Authorization(EntityView entity, String bidderNumber, Instant until) {
	}

	private final ListingDesk desk;

	private final TransfereeDesk transferees;

	private final Listings listings;

	private final Auctions auctions;

	private final Auctioneer auctioneer;

	private final EntityRegistry registry;

	private final BidSecurity security;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();

	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

	private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors
		.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "auction-authorizations");
			t.setDaemon(true);
			return t;
		});

	BidDesk(ListingDesk desk, TransfereeDesk transferees, Listings listings, Auctions auctions, Auctioneer auctioneer,
			EntityRegistry registry, BidSecurity security, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.desk = desk;
		this.transferees = transferees;
		this.listings = listings;
		this.auctions = auctions;
		this.auctioneer = auctioneer;
		this.registry = registry;
		this.security = security;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** No background check outlives the database pool. */
	@jakarta.annotation.PreDestroy
	void stopRefreshing() {
		refresher.shutdownNow();
	}


	/**
	 * A qualified transferee bids. The amount is checked (a number, at most two decimals, positive, not absurd), the
	 * bidder's qualification and security too; then the bid is stamped with the server's time, ordered and committed
	 * by the auction's single writer before this returns. A refusal says why, is audited and changes nothing. The
	 * same idempotency key with the same amount returns the first receipt again.
	 */
	BidReceipt bid(UUID listingId, String amountText, String idempotencyKey) {
		Acting bidder = Actors.requireAnyRole("auction.transfereeOnly", Role.BIDDER);
		Optional<Lane> live = auctioneer.lane(listingId);
		if (live.isEmpty()) {
			// Running: 503 before any other read (the lane's node replays a retried key). Closed: a retry of a
			// committed bid gets its receipt again; anything else is refused and audited like any late bid.
			Auctions.Row row = withoutLane(listingId);
			Optional<BidReceipt> replay = replay(row, idempotencyKey, amount(amountText));
			if (replay.isPresent()) {
				return replay.get();
			}
			throw refused(bidder, listingId, row.region(), row.kind() == AuctionKind.SEALED ? null : amountText,
					BidRefusal.ENDED, false);
		}
		Lane lane = live.get();
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
	BidReceipt accept(UUID listingId, String idempotencyKey) {
		Acting bidder = Actors.requireAnyRole("auction.transfereeOnly", Role.BIDDER);
		Optional<Lane> live = auctioneer.lane(listingId);
		if (live.isEmpty()) {
			// Running: 503 (see bid). Closed: a retry of the committed acceptance gets its receipt again; anything
			// else is refused and audited with the reason.
			Auctions.Row row = withoutLane(listingId);
			if (row.kind() == AuctionKind.DUTCH) {
				Optional<BidReceipt> replay = replay(row, idempotencyKey, null);
				if (replay.isPresent()) {
					return replay.get();
				}
			}
			throw refused(bidder, listingId, row.region(), null, row.kind() != AuctionKind.DUTCH ? BidRefusal.WRONG_KIND
					: row.leaderNumber() != null ? BidRefusal.TAKEN : BidRefusal.ENDED, false);
		}
		Lane lane = live.get();
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
	 * The row of an auction without a lane on this node, if it is closed. A running one runs on the node that holds
	 * the clock's lease (docs/cluster.md): the bid is not refused here but answered 503, which the reverse proxy passes
	 * to the next node; bids are decided on one node only, in one order. On the clock's own node a running auction has
	 * no lane only for a moment (the node is resuming its auctions after a start or a takeover, or one was just
	 * opened): 503 too, and the retry finds the lane. Asked before the replay's reads: turning a bid away cost the
	 * node without the clock more than the owner spent deciding one (bench/cluster-load.sh), and the lane replays a
	 * retried key itself.
	 */
	private Auctions.Row withoutLane(UUID listingId) {
		Auctions.Row row = platform(() -> auctions.byId(listingId))
			.orElseThrow(() -> Refusal.notFound("auction.auction.notFound"));
		if (row.status() == AuctionStatus.RUNNING) {
			throw Refusal.servedElsewhere(auctioneer.ownsClock() ? "auction.bid.resuming" : "auction.bid.servedElsewhere");
		}
		return row;
	}

	/**
	 * The signed-in bidder's sealed price in a sealed round: its commitment and when it was sealed, never the price
	 * (the bidder was given it with its salt in the receipt). Empty when it sealed none.
	 */
	Optional<BidReceipt> mySealedPrice(UUID listingId) {
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

	private BidReceipt commit(Lane lane, Acting bidder, Authorization authorization, Money amount,
			String idempotencyKey) {
		Auctioneer.Outcome outcome;
		try {
			Auctioneer.Ticket ticket = auctioneer.bid(lane, bidder.actor(), authorization.entity().id(),
					authorization.bidderNumber(), amount, idempotencyKey);
			outcome = ticket.get(30, TimeUnit.SECONDS);
			auctioneer.timings.record(WriterTimings.Stage.WOKEN, System.nanoTime() - ticket.answeredAt);
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
	private Authorization authorize(Acting bidder, Lane lane) {
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
	private Object check(Acting bidder, Lane lane, String cacheKey, Instant now) {
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
	Optional<String> myBidderNumber(UUID listingId) {
		Optional<Acting> acting = Actors.current().filter(a -> a.hasRole(Role.BIDDER));
		if (acting.isEmpty()) {
			return Optional.empty();
		}
		Optional<Lane> lane = auctioneer.lane(listingId);
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
	private Refusal refused(Acting bidder, Lane lane, String amountText, BidRefusal reason) {
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
	AuctionView auction(UUID listingId) {
		Optional<Lane> lane = auctioneer.lane(listingId);
		if (lane.isPresent()) {
			AuctionView v = lane.get().latest();
			return withServerTime(v);
		}
		return platform(() -> {
			Auctions.Row row = auctions.byId(listingId).orElseThrow(() -> Refusal.notFound("auction.auction.notFound"));
			ListingView listing = listings.byId(listingId).orElseThrow();
			List<Auctions.Bid> bids = auctions.bids(listingId);
			Lane replay = auctioneer.detached(row, listing.title(), bids);
			return replay.view(row.status() == AuctionStatus.SOLD ? listing.buyerName() : null, row.closedAt());
		});
	}

	private AuctionView withServerTime(AuctionView v) {
		return v.at(clock.instant());
	}

	/** Every accepted bid of a closed auction, and its signed record; for staff of its region. */
	List<BidView> bidHistory(UUID listingId) {
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

	private Optional<RegistrationView> myRegistration(UUID listingId) {
		return transferees.myRegistration(listingId);
	}

	private ListingView staffListing(Acting staff, UUID id) {
		return desk.staffListing(staff, id);
	}

	private static Acting requireStaff() {
		return ListingDesk.requireStaff();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
