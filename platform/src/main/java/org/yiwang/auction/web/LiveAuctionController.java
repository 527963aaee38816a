package org.yiwang.auction.web;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.RegistrationView;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;

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
		RegistrationView mine = Actors.current().filter(a -> a.hasRole(Role.BIDDER))
			.flatMap(a -> hall.myRegistration(id)).orElse(null);
		model.addAttribute("myNumber", mine == null ? null : mine.bidderNumber());
		return "auction/live";
	}

	@GetMapping(path = "/auctions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id) {
		return feed.watch(hall.auction(id));
	}
}
