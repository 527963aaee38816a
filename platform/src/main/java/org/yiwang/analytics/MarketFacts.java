package org.yiwang.analytics;

import static org.yiwang.analytics.TenderFacts.staff;
import static org.yiwang.analytics.TenderFacts.yuan;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.auction.AuctionChanged;
import org.yiwang.auction.AuctionClosed;
import org.yiwang.auction.AuctionStatus;
import org.yiwang.auction.ListingPublished;
import org.yiwang.procurement.ProcurementChanged;
import org.yiwang.procurement.ProcurementNoticePublished;
import org.yiwang.procurement.ProcurementResultPublished;
import org.yiwang.procurement.ProcurementStatus;

/**
 * The facts of listings and auctions (land, mining, property rights) and of government procurement by negotiation,
 * consultation, quotations and single source. The portal's public record ids are derived the way the portal derives
 * them, so a drill-down row links to the record itself.
 */
@Component
class MarketFacts {

	/** The procedure of every listing (挂牌, then an online auction or an agreement). */
	static final String AUCTION = "AUCTION";

	private final Facts facts;

	private final Winners winners;

	MarketFacts(Facts facts, Winners winners) {
		this.facts = facts;
		this.winners = winners;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ListingPublished l) {
		facts.record(Fact.of("listing:" + l.listing(), Stage.PUBLISHED, l.occurredAt(), l.region().value(),
				l.category().value(), AUCTION, l.tradeCode().value(), l.title())
			.withIds(l.listing(), l.listing())
			.withAmounts(yuan(l.startingPrice()), null)
			.withTiming(l.periodEnd(), null)
			.by(staff(l.actor())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AuctionClosed a) {
		boolean sold = a.outcome() == AuctionStatus.SOLD && a.finalPrice() != null;
		var published = facts.published(a.tradeCode().value());
		Fact fact = Fact.of("auction:" + a.listing(), sold ? Stage.AWARDED : Stage.FAILED, a.occurredAt(),
				a.region().value(), a.category().value(), AUCTION, a.tradeCode().value(), a.title())
			.withIds(a.listing(), derived("auction-result:", a.listing()))
			.withAmounts(yuan(a.startingPrice()), sold ? yuan(a.finalPrice()) : null)
			.withTiming(null, published.map(p -> p.daysTo(a.occurredAt())).orElse(null));
		facts.record(sold ? winners.winner(fact, a.winner()) : fact);
		// the lot's bidders (those qualified to bid), for the bidders-per-lot distribution beside the sections'
		facts.record(Fact.of("auction-bidders:" + a.listing(), Stage.OPENED, a.occurredAt(), a.region().value(),
				a.category().value(), AUCTION, a.tradeCode().value(), a.title())
			.withIds(a.listing(), null)
			.withAmounts(yuan(a.startingPrice()), null)
			.withBidders(facts.bidders(a.listing())));
	}

	/** A listing that ended without an auction: failed for want of transferees, or sold by agreement to the one. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AuctionChanged change) {
		if (change instanceof AuctionChanged.TransfereeQualified q) {
			facts.qualified(q.listing(), q.registration(), q.region().value());
		}
		else if (change instanceof AuctionChanged.ListingConcluded c && c.outcome().name().equals("FAILED")) {
			facts.ofSubject(c.listing()).ifPresent(s -> facts.record(Fact.of("auction:" + c.listing(), Stage.FAILED,
					c.occurredAt(), c.region().value(), s[0], s[1], s[2], s[2]).withIds(c.listing(), null)));
		}
		else if (change instanceof AuctionChanged.AgreementConcluded c) {
			var published = facts.published(facts.ofSubject(c.listing()).map(s -> s[2]).orElse(""));
			facts.ofSubject(c.listing()).ifPresent(s -> facts.record(winners.winner(Fact.of("auction:" + c.listing(),
					Stage.AWARDED, c.occurredAt(), c.region().value(), s[0], s[1], s[2], s[2])
				.withIds(c.listing(), null)
				.withAmounts(null, yuan(c.price()))
				.withTiming(null, published.map(p -> p.daysTo(c.occurredAt())).orElse(null)), c.buyer())));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProcurementNoticePublished n) {
		facts.record(Fact.of("procurement:" + n.procurement(), Stage.PUBLISHED, n.occurredAt(), n.region().value(),
				n.category().value(), n.method().name(), n.tradeCode().value(), n.title())
			.withIds(n.procurement(), n.procurement())
			.withAmounts(yuan(n.budget()), null)
			.withTiming(n.responseDeadline(), null)
			.by(staff(n.actor())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProcurementResultPublished r) {
		boolean concluded = r.outcome() == ProcurementStatus.CONCLUDED && r.price() != null;
		var published = facts.published(r.tradeCode().value());
		Fact fact = Fact.of("procurement-result:" + r.procurement(), concluded ? Stage.AWARDED : Stage.FAILED,
				r.occurredAt(), r.region().value(), r.category().value(), r.method().name(), r.tradeCode().value(), r.title())
			.withIds(r.procurement(), derived("procurement-result:", r.procurement()))
			.withAmounts(yuan(r.budget()), concluded ? yuan(r.price()) : null)
			.withTiming(null, published.map(p -> p.daysTo(r.occurredAt())).orElse(null));
		facts.record(concluded ? winners.winner(fact, r.winnerCreditCode()) : fact);
	}

	/** Responses opened: how many suppliers took part (the bidders-per-section distribution). */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProcurementChanged change) {
		if (change instanceof ProcurementChanged.ResponsesOpened o) {
			facts.ofSubject(o.procurement()).ifPresent(s -> facts.record(Fact.of("procurement-opened:" + o.procurement(),
					Stage.OPENED, o.occurredAt(), o.region().value(), s[0], s[1], s[2], s[2])
				.withIds(o.procurement(), null)
				.withBidders(o.responses())));
		}
	}

	/** The id the portal gives a result record it derives from its case's or listing's id. */
	static UUID derived(String prefix, UUID id) {
		return UUID.nameUUIDFromBytes((prefix + id).getBytes(StandardCharsets.UTF_8));
	}
}
