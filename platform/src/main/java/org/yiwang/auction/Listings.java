package org.yiwang.auction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** Listings and the transferees' registrations; region-scoped in the database (row-level security). */
@Repository
class Listings {

	private final JdbcClient jdbc;

	Listings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The listing's national-data particulars stored beside it: its project number, asset class and appraised value. */
	record Described(String projectCode, String assetClass, Money appraisedValue) {
	}

	void describe(UUID listing, AssetClass assetClass, Money appraisedValue) {
		jdbc.sql("update auction.listings set asset_class = ?, appraised_value = ? where id = ?")
			.params(assetClass.code(), appraisedValue.yuan(), listing).update();
	}

	void number(UUID listing, String projectCode) {
		jdbc.sql("update auction.listings set project_code = ? where id = ? and project_code is null")
			.params(projectCode, listing).update();
	}

	Described described(UUID listing) {
		return jdbc.sql("select project_code, asset_class, appraised_value from auction.listings where id = ?")
			.param(listing)
			.query((rs, n) -> new Described(rs.getString(1), rs.getString(2),
					rs.getBigDecimal(3) == null ? null : Money.of(rs.getBigDecimal(3))))
			.single();
	}

	/** The next listing project number of the region and year, allocated under a row lock. */
	int nextProjectSequence(RegionCode region, int year) {
		return jdbc.sql("""
				insert into auction.listing_project_sequences (region_code, year, last_value) values (?, ?, 1)
				on conflict (region_code, year) do update set last_value = auction.listing_project_sequences.last_value + 1
				returning last_value""")
			.params(region.value(), year).query(Integer.class).single();
	}

	void add(ListingView l) {
		try {
			jdbc.sql("""
					insert into auction.listings (id, trade_code, region_code, category_code, template_version, judicial, title,
					  description, conditions, transferor_id, transferor_name, submitted_by, starting_price, reserve_price,
					  increment, security_amount, listing_days, working_days, auto_extend, countdown_seconds, status, submitted_at,
					  auction_kind)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(l.id(), l.tradeCode().value(), l.region().value(), l.category().value(), l.templateVersion(),
						l.judicial(), l.title(), l.description(), l.conditions(), l.transferor().value(), l.transferorName(),
						l.submittedBy(), l.startingPrice().yuan(), l.reservePrice().yuan(), l.increment().yuan(),
						l.security().yuan(), l.listingDays(), l.workingDays(), l.autoExtend(), l.countdownSeconds(),
						l.status().name(), Timestamp.from(l.submittedAt()), l.auctionKind().name())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("tradeCode", "auction.tradeCode.taken", l.tradeCode().value());
		}
	}

	/** Optimistic: the update applies only to the version read. */
	void update(ListingView l, long seenVersion) {
		int updated = jdbc.sql("""
				update auction.listings set status = ?, return_reason = ?, published_at = ?, period_end = ?, signed_text = ?,
				  platform_signature = ?, reviewed_by = coalesce(?, reviewed_by), extensions = ?, buyer_id = ?, buyer_name = ?,
				  final_price = ?, version = version + 1
				where id = ? and version = ?""")
			.params(l.status().name(), l.returnReason(), ts(l.publishedAt()), ts(l.periodEnd()), l.signedText(),
					l.platformSignature(), null, l.extensions(), l.buyer() == null ? null : l.buyer().value(), l.buyerName(),
					l.finalPrice() == null ? null : l.finalPrice().yuan(), l.id(), seenVersion)
			.update();
		if (updated != 1) {
			throw Refusal.conflict(null, "auction.listing.changed");
		}
	}

	void reviewedBy(UUID listing, String username) {
		jdbc.sql("update auction.listings set reviewed_by = ? where id = ?").params(username, listing).update();
	}

	Optional<ListingView> byId(UUID id) {
		return jdbc.sql("select * from auction.listings where id = ?").param(id).query(Listings::listing).optional();
	}

	Optional<ListingView> byIdForUpdate(UUID id) {
		return jdbc.sql("select * from auction.listings where id = ? for update").param(id).query(Listings::listing)
			.optional();
	}

	List<ListingView> all(int limit) {
		return jdbc.sql("select * from auction.listings order by submitted_at desc limit ?").param(limit)
			.query(Listings::listing).list();
	}

	List<ListingView> byStatus(ListingStatus status, int limit) {
		return jdbc.sql("select * from auction.listings where status = ? order by submitted_at desc limit ?")
			.params(status.name(), limit).query(Listings::listing).list();
	}

	List<ListingView> published() {
		return jdbc.sql("""
				select * from auction.listings where status in ('PUBLISHED', 'AUCTION', 'AGREEMENT', 'SOLD', 'FAILED')
				  and published_at is not null order by published_at desc limit 200""")
			.query(Listings::listing).list();
	}

	List<ListingView> ofTransferor(EntityId transferor) {
		return jdbc.sql("select * from auction.listings where transferor_id = ? order by submitted_at desc limit 200")
			.param(transferor.value()).query(Listings::listing).list();
	}

	List<ListingView> submittedBy(String username) {
		return jdbc.sql("select * from auction.listings where submitted_by = ? order by submitted_at desc limit 200")
			.param(username).query(Listings::listing).list();
	}

	boolean addRegistration(RegistrationView r, RegionCode region) {
		try {
			jdbc.sql("""
					insert into auction.registrations (id, listing_id, region_code, transferee_id, transferee_name, registered_by,
					  registered_at, status) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(r.id(), r.listing(), region.value(), r.transferee().value(), r.transfereeName(), r.registeredBy(),
						Timestamp.from(r.registeredAt()), r.status().name())
				.update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/**
	 * Records staff's decision; false when the registration was decided meanwhile. A qualification's bidder number
	 * must be free ({@link #bidderNumbers}, under the listing's lock).
	 */
	boolean decide(RegistrationView r) {
		return jdbc.sql("""
				update auction.registrations set status = ?, bidder_number = ?, security_reference = ?, decided_by = ?,
				  decided_at = ?, refusal_reason = ? where id = ? and status = 'PENDING'""")
			.params(r.status().name(), r.bidderNumber(), r.securityReference(), r.decidedBy(), ts(r.decidedAt()),
					r.refusalReason(), r.id())
			.update() == 1;
	}

	/** The bidder numbers the listing's registrations hold. */
	Set<String> bidderNumbers(UUID listing) {
		return new HashSet<>(jdbc.sql(
				"select bidder_number from auction.registrations where listing_id = ? and bidder_number is not null")
			.param(listing).query(String.class).list());
	}

	List<RegistrationView> registrations(UUID listing) {
		return jdbc.sql("select * from auction.registrations where listing_id = ? order by registered_at")
			.param(listing).query(Listings::registration).list();
	}

	Optional<RegistrationView> registration(UUID id) {
		return jdbc.sql("select * from auction.registrations where id = ?").param(id).query(Listings::registration)
			.optional();
	}

	Optional<RegistrationView> registrationOf(UUID listing, EntityId transferee) {
		return jdbc.sql("select * from auction.registrations where listing_id = ? and transferee_id = ?")
			.params(listing, transferee.value()).query(Listings::registration).optional();
	}

	List<RegistrationView> registrationsOf(EntityId transferee) {
		return jdbc.sql("select * from auction.registrations where transferee_id = ? order by registered_at desc limit 200")
			.param(transferee.value()).query(Listings::registration).list();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static ListingView listing(ResultSet rs, int row) throws SQLException {
		UUID buyer = rs.getObject("buyer_id", UUID.class);
		return new ListingView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				RegionCode.of(rs.getString("region_code")), CategoryCode.of(rs.getString("category_code")),
				rs.getInt("template_version"), rs.getBoolean("judicial"), rs.getString("title"), rs.getString("description"),
				rs.getString("conditions"), new EntityId(rs.getObject("transferor_id", UUID.class)),
				rs.getString("transferor_name"), rs.getString("submitted_by"), Money.of(rs.getBigDecimal("starting_price")),
				Money.of(rs.getBigDecimal("reserve_price")), Money.of(rs.getBigDecimal("increment")),
				Money.of(rs.getBigDecimal("security_amount")), rs.getInt("listing_days"), rs.getBoolean("working_days"),
				rs.getBoolean("auto_extend"), rs.getInt("extensions"), rs.getInt("countdown_seconds"),
				ListingStatus.valueOf(rs.getString("status")), rs.getString("return_reason"), instant(rs, "published_at"),
				instant(rs, "period_end"), rs.getString("signed_text"), rs.getString("platform_signature"),
				buyer == null ? null : new EntityId(buyer), rs.getString("buyer_name"),
				rs.getBigDecimal("final_price") == null ? null : Money.of(rs.getBigDecimal("final_price")),
				instant(rs, "submitted_at"), rs.getLong("version"),
				org.yiwang.catalog.AuctionKind.valueOf(rs.getString("auction_kind")));
	}

	static RegistrationView registration(ResultSet rs, int row) throws SQLException {
		return new RegistrationView(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
				new EntityId(rs.getObject("transferee_id", UUID.class)), rs.getString("transferee_name"),
				rs.getString("registered_by"), instant(rs, "registered_at"),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getString("bidder_number"),
				rs.getString("security_reference"), rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getString("refusal_reason"));
	}
}
