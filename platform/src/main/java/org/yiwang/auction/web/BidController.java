package org.yiwang.auction.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.BidReceipt;
import org.yiwang.system.ApiProblems;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the live page fetches and posts (session and CSRF token, like every page); a refusal comes back as a problem
 * detail naming the reason in the bidder's language.
 */
@RestController
class BidController {

	private final AuctionHall hall;

	private final ApiProblems problems;

	BidController(AuctionHall hall, ApiProblems problems) {
		this.hall = hall;
		this.problems = problems;
	}

	@GetMapping("/auctions/{id}/state")
	AuctionView state(@PathVariable UUID id) {
		return hall.auction(id);
	}

	/** A bid; in a sealed-price round, the bidder's one sealed price (the receipt carries its commitment). */
	@PostMapping("/auctions/{id}/bids")
	ResponseEntity<?> bid(@PathVariable UUID id, HttpServletRequest request, Locale locale) {
		// The amount and the key read from the request itself: as optional @RequestParam and @RequestHeader each cost a
		// data binder and a conversion of a String to a String, at every bid of a contested auction.
		String amount = request.getParameter("amount");
		String key = request.getHeader("Idempotency-Key");
		try {
			return ResponseEntity.ok(hall.bid(id, amount, key));
		}
		catch (Refusal refusal) {
			// In a contested auction most bids are overtaken: answered here, the same problem as every API's, without
			// the reflective exception and the resolvers' walk (a fifth of a request thread's time under load)
			return ResponseEntity.status(refusal.status()).body(problems.refused(refusal, locale));
		}
	}

	/** A Dutch auction: accept the current price. */
	@PostMapping("/auctions/{id}/accept")
	BidReceipt accept(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return hall.accept(id, key);
	}

	/** A sealed-price round: the signed-in bidder's commitment (never the price); 404 when it sealed none. */
	@GetMapping("/auctions/{id}/sealed-receipt")
	BidReceipt sealedReceipt(@PathVariable UUID id) {
		return hall.mySealedPrice(id).orElseThrow(() -> Refusal.notFound("auction.sealed.none"));
	}
}
