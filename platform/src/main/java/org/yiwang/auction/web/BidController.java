package org.yiwang.auction.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.BidReceipt;

/**
 * What the live page fetches and posts (session and CSRF token, like every page); a refusal comes back as a problem
 * detail naming the reason in the bidder's language.
 */
@RestController
class BidController {

	private final AuctionHall hall;

	BidController(AuctionHall hall) {
		this.hall = hall;
	}

	@GetMapping("/auctions/{id}/state")
	AuctionView state(@PathVariable UUID id) {
		return hall.auction(id);
	}

	@PostMapping("/auctions/{id}/bids")
	BidReceipt bid(@PathVariable UUID id, @RequestParam(required = false) String amount,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return hall.bid(id, amount, key);
	}
}
