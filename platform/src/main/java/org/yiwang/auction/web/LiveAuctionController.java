package org.yiwang.auction.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.AuctionView;

/** The live auction page: the page itself, its event stream, and the bids it posts. */
@Controller
class LiveAuctionController {

	private final AuctionHall hall;

	private final LiveFeed feed;

	LiveAuctionController(AuctionHall hall, LiveFeed feed) {
		this.hall = hall;
		this.feed = feed;
	}

	@GetMapping("/auctions/{id}")
	String page(@PathVariable UUID id, Model model) {
		AuctionView auction = hall.auction(id);
		model.addAttribute("auction", auction);
		model.addAttribute("listing", hall.listing(id));
		model.addAttribute("myNumber", hall.myBidderNumber(id).orElse(null));
		return "auction/live";
	}

	/** Server-sent events: the whole state now, then every change (see {@link LiveFeed}). */
	@GetMapping(path = "/auctions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void events(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		feed.watch(hall.auction(id), request, response);
	}
}
