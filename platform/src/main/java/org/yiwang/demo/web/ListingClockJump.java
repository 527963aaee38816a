package org.yiwang.demo.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingStatus;
import org.yiwang.auction.ListingView;
import org.yiwang.demo.DemoOn;
import org.yiwang.system.DemoTime;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * Demo only: from a published listing's page, staff move the platform's time to a minute past the listing's period, so
 * they can conclude it now (the button shows only on the demo clock; without the demo module the URL does not exist).
 */
@Controller
@DemoOn
class ListingClockJump {

	private final AuctionHall hall;

	private final DemoTime demoTime;

	ListingClockJump(AuctionHall hall, DemoTime demoTime) {
		this.hall = hall;
		this.demoTime = demoTime;
	}

	@PostMapping("/listings/{id}/demo-clock")
	String jumpPastPeriod(@PathVariable UUID id, RedirectAttributes redirect) {
		demoTime.requireMover();
		Forms.attempt(redirect, "auction.saved.demoJumped", () -> {
			ListingView listing = hall.listing(id);
			if (listing.status() != ListingStatus.PUBLISHED || listing.periodEnd() == null) {
				throw Refusal.conflict(null, "auction.demoClock.notPublished");
			}
			demoTime.jumpTo(listing.periodEnd().plusSeconds(60));
		});
		return "redirect:/listings/" + id;
	}
}
