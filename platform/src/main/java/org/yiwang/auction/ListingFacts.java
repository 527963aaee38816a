package org.yiwang.auction;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.system.Deployment;

/** Gathers a listing's {@link ListingParticulars}: its stored project number, asset class and value, its parties' codes. */
@Component
class ListingFacts {

	private final Listings listings;

	private final EntityRegistry registry;

	private final Deployment deployment;

	ListingFacts(Listings listings, EntityRegistry registry, Deployment deployment) {
		this.listings = listings;
		this.registry = registry;
		this.deployment = deployment;
	}

	/**
	 * A new listing project number (项目编号): the city's letters, the region, the year (Asia/Shanghai), {@code GP}
	 * (挂牌) and the region's next number that year, e.g. {@code CQ-500103-2026-GP0001}; like tender project codes.
	 */
	String newProjectCode(RegionCode region, Instant now) {
		int year = now.atZone(AuctionHall.CHINA).getYear();
		return "%s-%s-%d-GP%04d".formatted(deployment.letters(), region.value(), year,
				listings.nextProjectSequence(region, year));
	}

	ListingParticulars of(ListingView l) {
		Listings.Described d = listings.described(l.id());
		return new ListingParticulars(d.projectCode(), d.assetClass(), d.appraisedValue(), l.listingDays(),
				l.workingDays(), l.publishedAt(), l.periodEnd(), l.autoExtend(), l.auctionKind(), party(l.transferor()),
				null);
	}

	ListingParticulars of(UUID listing) {
		return of(listings.byId(listing).orElseThrow());
	}

	ListingParticulars.Party party(EntityId id) {
		return id == null ? null : registry.find(id)
			.map(e -> new ListingParticulars.Party(e.creditCode(), e.kind().name())).orElse(null);
	}
}
