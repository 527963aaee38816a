package org.yiwang.auction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.auction.AuctionChanged.SecurityApplied;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.SecurityForm;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/** Records, at a listing's result, how the buyer's security counts towards the price (see {@link PriceSettlement}). */
@Component
class PriceSettlements {

	private final JdbcClient jdbc;

	private final BidSecurity security;

	private final ApplicationEventPublisher events;

	PriceSettlements(JdbcClient jdbc, BidSecurity security, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.security = security;
		this.events = events;
	}

	/**
	 * In the result's transaction, before the trade's security ends (the buyer's is kept, so it is still held): what the
	 * buyer holds now is applied, and the guarantee module marks that part of the deposit applied; audited.
	 */
	PriceSettlement settle(Actor actor, ListingView listing, EntityId buyer, Money price, Instant now) {
		PriceSettlement s = PriceSettlement.of(listing.id(), buyer, price,
				security.securityHeld(buyer, listing.tradeCode(), listing.security()), now);
		if (s.cash()) {
			// The guarantee module keeps the applied part from every later refund: counted once, in the price.
			Money applied = security.applyDeposit(buyer, listing.tradeCode(), listing.security(), s.applied());
			if (!applied.equals(s.applied())) {
				throw new IllegalStateException("Deposit applied " + applied + " but settled " + s.applied());
			}
		}
		jdbc.sql("""
				insert into auction.price_settlements (listing_id, region_code, buyer_id, price, security_form,
				  security_reference, security_amount, applied, due, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.listing(), listing.region().value(), buyer.value(), price.yuan(),
					s.form() == null ? null : s.form().name(), s.reference(), s.securityAmount().yuan(), s.applied().yuan(),
					s.due().yuan(), Timestamp.from(now))
			.update();
		events.publishEvent(new SecurityApplied(actor, listing.id(), buyer, price, s.form(), s.securityAmount(),
				s.applied(), s.due(), listing.region(), now));
		return s;
	}

	Optional<PriceSettlement> of(UUID listing) {
		return jdbc.sql("select * from auction.price_settlements where listing_id = ?").param(listing)
			.query(PriceSettlements::map).optional();
	}

	private static PriceSettlement map(ResultSet rs, int n) throws SQLException {
		String form = rs.getString("security_form");
		return new PriceSettlement(rs.getObject("listing_id", UUID.class),
				new EntityId(rs.getObject("buyer_id", UUID.class)), Money.of(rs.getBigDecimal("price")),
				form == null ? null : SecurityForm.valueOf(form), rs.getString("security_reference"),
				Money.nonNegative(rs.getBigDecimal("security_amount")), Money.nonNegative(rs.getBigDecimal("applied")),
				Money.nonNegative(rs.getBigDecimal("due")), rs.getTimestamp("recorded_at").toInstant());
	}
}
