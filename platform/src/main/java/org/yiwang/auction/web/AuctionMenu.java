package org.yiwang.auction.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class AuctionMenu {

	@Bean
	MenuItem listingReviewMenuItem() {
		return new MenuItem("menu.listingReview", "menu.listingReview.description", "/listings/review", 8,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem myListingsMenuItem() {
		return new MenuItem("menu.myListings", "menu.myListings.description", "/listings/mine", 8,
				Set.of(Role.TENDERER, Role.AGENCY, Role.BIDDER));
	}
}
