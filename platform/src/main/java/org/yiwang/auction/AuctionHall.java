package org.yiwang.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The auction module's entry point. A transferor (or its agency) submits a listing; the district's staff publish it
 * (platform-signed) or return it; transferees register during the period and staff qualify those holding the
 * security; at the end of the period staff conclude it: extended or failed with nobody, transfer by agreement with
 * one, an online auction with two or more. Bidders bid through here; the {@link Auctioneer} orders and commits bids.
 *
 * <p>The work is done by three desks behind it, one per sub-feature: {@link ListingDesk} (listings, their reads, the
 * settlement and confirmation of a sold one), {@link TransfereeDesk} (registration, qualification, the end of the
 * period) and {@link BidDesk} (bids on their way to the auction's lane, the live state).
 */
@Service
public class AuctionHall {

	static final ZoneId CHINA = WorkingDays.CHINA;

	private final ListingDesk listings;

	private final TransfereeDesk transferees;

	private final BidDesk bids;

	AuctionHall(ListingDesk listings, TransfereeDesk transferees, BidDesk bids) {
		this.listings = listings;
		this.transferees = transferees;
		this.bids = bids;
	}

	// --- listings: ListingDesk ------------------------------------------------------------------------------------

	/**
	 * The transferor, or an agency naming the transferor, submits a listing. The category must be one whose
	 * procedure template lists with an auction; the period at least the template's; prices positive with at most two
	 * decimals, the reserve not below the starting price; judicial assets ask security of 5–20% of the starting price.
	 */
	public ListingView submit(NewListing request) {
		return listings.submit(request);
	}

	/** Listings waiting for the acting staff (their regions' only: the database shows no others). */
	public List<ListingView> reviewQueue() {
		return listings.reviewQueue();
	}

	/** Every listing of the acting staff's regions. */
	public List<ListingView> regionListings() {
		return listings.regionListings();
	}

	/** Every listing of the signed-in regulator's regions and industries, read-only. */
	public List<ListingView> supervisedListings() {
		return listings.supervisedListings();
	}

	/**
	 * Staff publish a submitted listing: the period starts, the bid security is set with the transferor as
	 * beneficiary, and the platform signs the listing text; the portal learns of it by {@link ListingPublished}.
	 */
	public ListingView publish(UUID id, long seenVersion) {
		return listings.publish(id, seenVersion);
	}

	/** {@link #publish} as of an instant: for demo data whose listing period has passed. */
	public ListingView publishAsOf(UUID id, long seenVersion, Instant now) {
		return listings.publishAsOf(id, seenVersion, now);
	}

	/** A listing's period as the working calendar counts it, with the years it runs through that have no schedule. */
	public ListingPeriod period(ListingView listing) {
		return listings.period(listing);
	}

	/** {@link #period} of several listings, against one reading of the calendar. */
	public Map<UUID, ListingPeriod> periods(List<ListingView> of) {
		return listings.periods(of);
	}

	/** Staff return a submitted listing to its submitter, with the reason. */
	public ListingView returnListing(UUID id, long seenVersion, String reason) {
		return listings.returnListing(id, seenVersion, reason);
	}

	/** Published listings, for everyone (the reserve price stays on staff pages). */
	public List<ListingView> publicListings() {
		return listings.publicListings();
	}

	/**
	 * A listing: published ones for everyone; a submitted or returned one only for staff of its region and for its
	 * submitter and transferor. Anything else is not found.
	 */
	public ListingView listing(UUID id) {
		return listings.listing(id);
	}

	/** Listings the signed-in transferor or agency submitted, or whose transferor its entity is. */
	public List<ListingView> myListings() {
		return listings.myListings();
	}

	/** How the buyer's security counts towards the price of a sold listing (empty until sold). */
	public Optional<PriceSettlement> settlement(UUID listingId) {
		return listings.settlement(listingId);
	}

	/** The transaction confirmation (成交确认书, PDF) of a sold listing, for the buyer, the transferor and staff. */
	public byte[] confirmation(UUID listingId) {
		return listings.confirmation(listingId);
	}

	// --- transferees and the end of the period: TransfereeDesk ------------------------------------------------------

	/** An intending transferee registers for a published listing during its period. */
	public RegistrationView register(UUID listingId) {
		return transferees.register(listingId);
	}

	/** {@link #register} as of an instant: for demo data whose listing period has passed. */
	public RegistrationView registerAsOf(UUID listingId, Instant now) {
		return transferees.registerAsOf(listingId, now);
	}

	/** The signed-in transferee's registrations. */
	public List<RegistrationView> myRegistrations() {
		return transferees.myRegistrations();
	}

	/** The signed-in transferee's registration for a listing, if any. */
	public Optional<RegistrationView> myRegistration(UUID listingId) {
		return transferees.myRegistration(listingId);
	}

	/** The registrations of a listing of the acting staff's regions. */
	public List<RegistrationView> registrations(UUID listingId) {
		return transferees.registrations(listingId);
	}

	/**
	 * Staff qualify a registered transferee: approved, holding the transferee role, not barred, and holding the
	 * listing's security now (an e-guarantee or a matched deposit). It gets an anonymous bidder number.
	 */
	public RegistrationView qualify(UUID registrationId) {
		return transferees.qualify(registrationId);
	}

	/** Staff refuse a registered transferee, with the reason. */
	public RegistrationView refuseRegistration(UUID registrationId, String reason) {
		return transferees.refuseRegistration(registrationId, reason);
	}

	/**
	 * Staff conclude a listing whose period has ended, every registration decided: extended or failed with nobody,
	 * transfer by agreement with one, an online auction at {@code startsAt} with two or more (see
	 * {@link TransfereeDesk#conclude}).
	 */
	public ListingView conclude(UUID listingId, Instant startsAt, Integer freeMinutes, Integer biddingHours) {
		return transferees.conclude(listingId, startsAt, freeMinutes, biddingHours);
	}

	/** {@link #conclude} as of an instant: for tests in which the listing period has passed. */
	ListingView concludeAsOf(UUID listingId, Instant startsAt, Integer freeMinutes, Integer biddingHours, Instant now) {
		return transferees.concludeAsOf(listingId, startsAt, freeMinutes, biddingHours, now);
	}

	/** With one qualified transferee, staff record the transfer by agreement at not less than the listing price. */
	public ListingView concludeAgreement(UUID listingId, BigDecimal price) {
		return transferees.concludeAgreement(listingId, price);
	}

	// --- bidding: BidDesk ---------------------------------------------------------------------------------------

	/**
	 * A qualified transferee bids: checked, stamped with the server's time, ordered and committed by the auction's
	 * single writer before this returns; a refusal says why, is audited and changes nothing. The same idempotency key
	 * with the same amount returns the first receipt again.
	 */
	public BidReceipt bid(UUID listingId, String amountText, String idempotencyKey) {
		return bids.bid(listingId, amountText, idempotencyKey);
	}

	/** A qualified, secured transferee accepts a Dutch auction's current price: the first in the writer's order wins. */
	public BidReceipt accept(UUID listingId, String idempotencyKey) {
		return bids.accept(listingId, idempotencyKey);
	}

	/** The signed-in bidder's sealed price in a sealed round: its commitment and when, never the price. */
	public Optional<BidReceipt> mySealedPrice(UUID listingId) {
		return bids.mySealedPrice(listingId);
	}

	/** The signed-in bidder's number in a live auction, if qualified (and its authorization loaded for its bids). */
	public Optional<String> myBidderNumber(UUID listingId) {
		return bids.myBidderNumber(listingId);
	}

	/** An auction's live state, for everyone: bidders appear by number only; the winner is named once it closed. */
	public AuctionView auction(UUID listingId) {
		return bids.auction(listingId);
	}

	/** Every accepted bid of a closed auction, and its signed record; for staff of its region. */
	public List<BidView> bidHistory(UUID listingId) {
		return bids.bidHistory(listingId);
	}

	/** For tests that let time pass: closes the auction as of {@code at} if its countdown has run out by then. */
	void closeAsOf(UUID listingId, Instant at) {
		bids.closeAsOf(listingId, at);
	}

	/** A typed bid: the amount, or why it is not one. */
	static Object amount(String text) {
		return BidDesk.amount(text);
	}
}
