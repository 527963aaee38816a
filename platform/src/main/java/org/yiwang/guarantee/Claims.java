package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Claims on bid security; region-scoped in the database. */
@Repository
class Claims {

	record Paid(ClaimView claim, String paymentKey, String paymentSha256) {
	}

	private final JdbcClient jdbc;

	Claims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ClaimView c, UUID letter, RegionCode region, String filedBy) {
		jdbc.sql("""
				insert into guarantee.claims (id, trade_code, region_code, form, letter_id, reference, issuer_id, bidder_id,
				  beneficiary_id, amount, ground, ground_text, status, filed_by, filed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.tradeCode().value(), region.value(), c.form().name(), letter, c.reference(),
					c.issuer() == null ? null : c.issuer().value(), c.bidder().value(), c.beneficiary().value(),
					c.amount().yuan(), c.ground().name(), c.text(), c.status().name(), filedBy, Timestamp.from(c.filedAt()))
			.update();
	}

	Optional<ClaimView> byId(UUID id) {
		return jdbc.sql("select * from guarantee.claims where id = ?").param(id).query(Claims::view).optional();
	}

	Optional<Paid> paid(UUID id) {
		return jdbc.sql("select * from guarantee.claims where id = ?").param(id)
			.query((rs, row) -> new Paid(view(rs, row), rs.getString("payment_key"), rs.getString("payment_sha256")))
			.optional();
	}

	/** The letter a guarantee claim is on; empty for cash. */
	Optional<UUID> letter(UUID claim) {
		return jdbc.sql("select letter_id from guarantee.claims where id = ?").param(claim).query(UUID.class).optional();
	}

	/**
	 * A claim on the bidder not decided yet: its security stays until it is. A decided one took what it took (the
	 * letter, the matched cash); the rest of the bidder's money is released as everyone else's.
	 */
	boolean undecided(TradeCode trade, EntityId bidder) {
		return jdbc.sql("select count(*) from guarantee.claims where trade_code = ? and bidder_id = ? and status = 'FILED'")
			.params(trade.value(), bidder.value()).query(Integer.class).single() > 0;
	}

	boolean open(TradeCode trade, EntityId bidder) {
		return jdbc.sql("""
				select count(*) from guarantee.claims
				where trade_code = ? and bidder_id = ? and status in ('FILED', 'APPROVED')""")
			.params(trade.value(), bidder.value()).query(Integer.class).single() > 0;
	}

	List<ClaimView> ofTrade(TradeCode trade) {
		return jdbc.sql("select * from guarantee.claims where trade_code = ? order by filed_at").param(trade.value())
			.query(Claims::view).list();
	}

	List<ClaimView> ofBeneficiary(EntityId beneficiary) {
		return jdbc.sql("select * from guarantee.claims where beneficiary_id = ? order by filed_at desc")
			.param(beneficiary.value()).query(Claims::view).list();
	}

	List<ClaimView> approvedFor(EntityId issuer) {
		return jdbc.sql("select * from guarantee.claims where issuer_id = ? and status = 'APPROVED' order by decided_at")
			.param(issuer.value()).query(Claims::view).list();
	}

	boolean decide(UUID id, ClaimStatus status, String reason, String by, java.time.Instant at) {
		return jdbc.sql("""
				update guarantee.claims set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?
				where id = ? and status = 'FILED'""")
			.params(status.name(), reason, by, Timestamp.from(at), id).update() == 1;
	}

	boolean pay(UUID id, Money amount, java.time.Instant paidAt, String key, String sha256) {
		return jdbc.sql("""
				update guarantee.claims set status = 'PAID', paid_amount = ?, paid_at = ?, payment_key = ?, payment_sha256 = ?
				where id = ? and status = 'APPROVED'""")
			.params(amount.yuan(), Timestamp.from(paidAt), key, sha256, id).update() == 1;
	}

	void markLetterClaimed(UUID letter) {
		jdbc.sql("update guarantee.letters set status = 'CLAIMED' where id = ? and status = 'VALID'").param(letter).update();
	}

	void forfeit(TradeCode trade, EntityId bidder, java.time.Instant at) {
		jdbc.sql("""
				update guarantee.deposit_arrivals set forfeited_at = ? where trade_code = ? and bidder_id = ?
				  and outcome = 'MATCHED' and refunded_at is null and forfeited_at is null and applied is null""")
			.params(Timestamp.from(at), trade.value(), bidder.value()).update();
	}

	/** The matched, unrefunded cash the bidder holds on the trade. */
	Money cashHeld(TradeCode trade, EntityId bidder) {
		BigDecimal sum = jdbc.sql("""
				select coalesce(sum(amount), 0) from guarantee.deposit_arrivals where trade_code = ? and bidder_id = ?
				  and outcome = 'MATCHED' and refunded_at is null and forfeited_at is null and applied is null""")
			.params(trade.value(), bidder.value()).query(BigDecimal.class).single();
		return Money.of(sum);
	}

	private static ClaimView view(ResultSet rs, int row) throws SQLException {
		UUID issuer = rs.getObject("issuer_id", UUID.class);
		BigDecimal paid = rs.getBigDecimal("paid_amount");
		Timestamp decided = rs.getTimestamp("decided_at");
		Timestamp paidAt = rs.getTimestamp("paid_at");
		return new ClaimView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				SecurityForm.valueOf(rs.getString("form")), rs.getString("reference"),
				issuer == null ? null : new EntityId(issuer), new EntityId(rs.getObject("bidder_id", UUID.class)),
				new EntityId(rs.getObject("beneficiary_id", UUID.class)), Money.of(rs.getBigDecimal("amount")),
				ClaimGround.valueOf(rs.getString("ground")), rs.getString("ground_text"),
				ClaimStatus.valueOf(rs.getString("status")), rs.getTimestamp("filed_at").toInstant(),
				decided == null ? null : decided.toInstant(), rs.getString("decision_reason"),
				paid == null ? null : Money.of(paid), paidAt == null ? null : paidAt.toInstant(), false);
	}
}
