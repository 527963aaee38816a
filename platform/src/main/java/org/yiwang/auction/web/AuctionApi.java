package org.yiwang.auction.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.BidReceipt;
import org.yiwang.auction.ListingView;
import org.yiwang.auction.NewListing;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Listings and auctions as JSON: anyone reads; transferors submit; qualified transferees bid. */
@RestController
@RequestMapping("/api")
@Tag(name = "auction", description = "Listings (挂牌) and live online auctions (网络竞价)")
class AuctionApi {

	/** A bid: the amount as text, so that more than two decimals reach the platform and are refused, not rounded. */
	record BidRequest(@Schema(description = "Yuan, at most two decimals", example = "1050000.00") String amount) {
	}

	private final AuctionHall hall;

	AuctionApi(AuctionHall hall) {
		this.hall = hall;
	}

	@GetMapping("/listings")
	@Operation(summary = "Published listings (public)")
	List<ListingView> listings() {
		return hall.publicListings().stream().map(AuctionApi::publicView).toList();
	}

	/** The reserve price is not public. */
	private static ListingView publicView(ListingView l) {
		return new ListingView(l.id(), l.tradeCode(), l.region(), l.category(), l.templateVersion(), l.judicial(), l.title(),
				l.description(), l.conditions(), l.transferor(), l.transferorName(), null, l.startingPrice(), null,
				l.increment(), l.security(), l.listingDays(), l.workingDays(), l.autoExtend(), l.extensions(),
				l.countdownSeconds(), l.status(), null, l.publishedAt(), l.periodEnd(), l.signedText(),
				l.platformSignature(), l.buyer(), l.buyerName(), l.finalPrice(), l.submittedAt(), l.version(),
				l.auctionKind());
	}

	@PostMapping("/listings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Submit a listing (the transferor, or an agency naming the transferor)")
	ListingView submit(@RequestBody NewListing listing) {
		return hall.submit(listing);
	}

	@GetMapping("/auctions/{id}")
	@Operation(summary = "An auction's live state (public; bidders by number only)")
	AuctionView auction(@PathVariable UUID id) {
		return hall.auction(id);
	}

	@PostMapping("/auctions/{id}/bids")
	@Operation(summary = "Bid (a qualified transferee); acknowledged only once durably committed. "
			+ "A retry with the same Idempotency-Key and amount returns the first receipt")
	BidReceipt bid(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody BidRequest request) {
		return hall.bid(id, request == null ? null : request.amount(), key);
	}

	@PostMapping("/auctions/{id}/accept")
	@Operation(summary = "Accept a Dutch (降价) auction's current price (a qualified transferee); the first acceptance "
			+ "in the server's order wins at the price current when it arrived. Acknowledged only once durably committed; "
			+ "a retry with the same Idempotency-Key returns the first answer")
	BidReceipt accept(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return hall.accept(id, key);
	}

	@GetMapping("/auctions/{id}/sealed-receipt")
	@Operation(summary = "Sealed-price round (一次报价): the signed-in bidder's commitment and time, never the price. "
			+ "Sealed prices are posted to /api/auctions/{id}/bids like bids; one per bidder")
	BidReceipt sealedReceipt(@PathVariable UUID id) {
		return hall.mySealedPrice(id).orElseThrow(() -> Refusal.notFound("auction.sealed.none"));
	}
}
