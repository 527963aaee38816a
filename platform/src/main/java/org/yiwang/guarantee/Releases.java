package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Transaction ends, guarantee releases and cash refunds; all region-scoped in the database. */
@Repository
class Releases {

	/** How a trade's transaction ended. */
	record End(TradeCode tradeCode, EntityId winner, Instant endedAt, LocalDate contractSignedOn) {
	}

	/**
	 * An arrival on a bidder's sub-account that a refund returns, with the bank that received it.
	 *
	 * @param amount what is returned: the arrival less any part applied to the price
	 */
	record Refundable(UUID arrival, String accountNumber, EntityId bidder, String bidderName, String bankClient,
			String payerAccount, String payerName, Money amount, Instant paidAt, DepositOutcome outcome) {
	}

	/** A refund with what its bank confirmed under which key. */
	record Confirmed(RefundView refund, String bankClient, String confirmKey, String confirmSha256) {
	}

	private static final String REFUNDS = "select * from guarantee.refunds";

	private final JdbcClient jdbc;

	Releases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<End> end(TradeCode trade) {
		return jdbc.sql("select * from guarantee.transaction_ends where trade_code = ?").param(trade.value())
			.query((rs, row) -> {
				UUID winner = rs.getObject("winner_id", UUID.class);
				Date signed = rs.getDate("contract_signed_on");
				return new End(TradeCode.of(rs.getString("trade_code")), winner == null ? null : new EntityId(winner),
						rs.getTimestamp("ended_at").toInstant(), signed == null ? null : signed.toLocalDate());
			})
			.optional();
	}

	boolean addEnd(TradeCode trade, RegionCode region, EntityId winner, String by, Instant at) {
		return jdbc.sql("""
				insert into guarantee.transaction_ends (trade_code, region_code, winner_id, ended_by, ended_at)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(trade.value(), region.value(), winner == null ? null : winner.value(), by, Timestamp.from(at))
			.update() == 1;
	}

	boolean markSigned(TradeCode trade, LocalDate signedOn, String by, Instant at) {
		return jdbc.sql("""
				update guarantee.transaction_ends set contract_signed_on = ?, signed_by = ?, signed_recorded_at = ?
				where trade_code = ? and contract_signed_on is null""")
			.params(Date.valueOf(signedOn), by, Timestamp.from(at), trade.value()).update() == 1;
	}

	/** The trade's letters still in force (not released), oldest first. */
	List<GuaranteeView> validLetters(TradeCode trade) {
		return jdbc.sql("select * from guarantee.letters where trade_code = ? and status = 'VALID' order by recorded_at")
			.param(trade.value()).query(Letters::view).list();
	}

	List<GuaranteeView> letters(TradeCode trade) {
		return jdbc.sql("select * from guarantee.letters where trade_code = ? order by recorded_at").param(trade.value())
			.query(Letters::view).list();
	}

	/** Marks the letter released; false when it was released already (a concurrent release won). */
	boolean release(GuaranteeView letter, RegionCode region, ReleaseReason reason, UUID id, Instant at) {
		if (jdbc.sql("update guarantee.letters set status = 'RELEASED' where id = ? and status = 'VALID'")
			.param(letter.id()).update() != 1) {
			return false;
		}
		jdbc.sql("""
				insert into guarantee.releases (id, letter_id, letter_number, trade_code, region_code, issuer_id, applicant_id,
				  amount, reason, released_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, letter.id(), letter.letterNumber(), letter.tradeCode().value(), region.value(),
					letter.issuer().value(), letter.applicant().value(), letter.amount().yuan(), reason.name(),
					Timestamp.from(at))
			.update();
		return true;
	}

	List<ReleaseView> releases(TradeCode trade) {
		return jdbc.sql("select * from guarantee.releases where trade_code = ? order by released_at")
			.param(trade.value()).query(Releases::release).list();
	}

	List<ReleaseView> unacknowledged(EntityId issuer) {
		return jdbc.sql("select * from guarantee.releases where issuer_id = ? and acknowledged_at is null order by released_at")
			.param(issuer.value()).query(Releases::release).list();
	}

	Optional<ReleaseView> release(UUID id) {
		return jdbc.sql("select * from guarantee.releases where id = ?").param(id).query(Releases::release).optional();
	}

	boolean acknowledge(UUID id, Instant at) {
		return jdbc.sql("update guarantee.releases set acknowledged_at = ? where id = ? and acknowledged_at is null")
			.params(Timestamp.from(at), id).update() == 1;
	}

	/** Arrivals on the trade's sub-accounts not yet refunded nor forfeited, less any part applied to the price. */
	List<Refundable> refundable(TradeCode trade) {
		return jdbc.sql("""
				select a.*, a.amount - coalesce(a.applied, 0) as returned, d.bidder_name from guarantee.deposit_arrivals a
				join guarantee.deposit_accounts d on d.account_number = a.account_number
				where a.trade_code = ? and a.bidder_id is not null
				  and a.refunded_at is null and a.forfeited_at is null and coalesce(a.applied, 0) < a.amount
				order by a.paid_at""")
			.param(trade.value())
			.query((rs, row) -> new Refundable(rs.getObject("id", UUID.class), rs.getString("account_number"),
					new EntityId(rs.getObject("bidder_id", UUID.class)), rs.getString("bidder_name"),
					rs.getString("bank_client"), rs.getString("payer_account"), rs.getString("payer_name"),
					Money.of(rs.getBigDecimal("returned")), rs.getTimestamp("paid_at").toInstant(),
					DepositOutcome.valueOf(rs.getString("outcome"))))
			.list();
	}

	/** False when the arrival was refunded already (a concurrent release won). */
	boolean addRefund(RefundView r, UUID arrival, String bankClient, RegionCode region) {
		if (jdbc.sql("update guarantee.deposit_arrivals set refunded_at = ? where id = ? and refunded_at is null")
			.params(Timestamp.from(r.instructedAt()), arrival).update() != 1) {
			return false;
		}
		return jdbc.sql("""
				insert into guarantee.refunds (id, arrival_id, account_number, trade_code, region_code, bidder_id, bidder_name,
				  bank_client, payer_account, payer_name, principal, annual_rate, held_from, held_until, days_held, interest,
				  total, reason, due_on, status, instructed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (arrival_id) do nothing""")
			.params(r.id(), arrival, r.accountNumber(), r.tradeCode().value(), region.value(), r.bidder().value(),
					r.bidderName(), bankClient, r.payerAccount(), r.payerName(), r.principal().yuan(), r.annualRate(),
					Date.valueOf(r.heldFrom()), Date.valueOf(r.heldUntil()), r.daysHeld(), r.interest().yuan(),
					r.total().yuan(), r.reason().name(), Date.valueOf(r.dueOn()), r.status().name(),
					Timestamp.from(r.instructedAt()))
			.update() == 1;
	}

	List<RefundView> refunds(TradeCode trade, LocalDate today) {
		return jdbc.sql(REFUNDS + " where trade_code = ? order by instructed_at, account_number").param(trade.value())
			.query((rs, row) -> refund(rs, today)).list();
	}

	List<RefundView> refundsOf(EntityId bidder, LocalDate today) {
		return jdbc.sql(REFUNDS + " where bidder_id = ? order by instructed_at desc").param(bidder.value())
			.query((rs, row) -> refund(rs, today)).list();
	}

	List<RefundView> instructed(String bankClient, LocalDate today) {
		return jdbc.sql(REFUNDS + " where bank_client = ? and status = 'INSTRUCTED' order by due_on, instructed_at")
			.param(bankClient).query((rs, row) -> refund(rs, today)).list();
	}

	List<RefundView> overdue(LocalDate today) {
		return jdbc.sql(REFUNDS + " where status = 'INSTRUCTED' and due_on < ? order by due_on limit 500")
			.param(Date.valueOf(today)).query((rs, row) -> refund(rs, today)).list();
	}

	Optional<Confirmed> confirmed(UUID id, LocalDate today) {
		return jdbc.sql(REFUNDS + " where id = ?").param(id)
			.query((rs, row) -> new Confirmed(refund(rs, today), rs.getString("bank_client"), rs.getString("confirm_key"),
					rs.getString("confirm_sha256")))
			.optional();
	}

	boolean referenceTaken(String bankClient, String bankReference) {
		return jdbc.sql("select count(*) from guarantee.refunds where bank_client = ? and bank_reference = ?")
			.params(bankClient, bankReference).query(Integer.class).single() > 0;
	}

	boolean markExecuted(UUID id, String bankReference, Instant executedAt, String key, String sha256, Instant at) {
		return jdbc.sql("""
				update guarantee.refunds set status = 'EXECUTED', bank_reference = ?, executed_at = ?, confirm_key = ?,
				  confirm_sha256 = ?, confirmed_at = ? where id = ? and status = 'INSTRUCTED'""")
			.params(bankReference, Timestamp.from(executedAt), key, sha256, Timestamp.from(at), id).update() == 1;
	}

	private static ReleaseView release(ResultSet rs, int row) throws SQLException {
		Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		return new ReleaseView(rs.getObject("id", UUID.class), rs.getString("letter_number"),
				TradeCode.of(rs.getString("trade_code")), new EntityId(rs.getObject("issuer_id", UUID.class)),
				new EntityId(rs.getObject("applicant_id", UUID.class)), Money.of(rs.getBigDecimal("amount")),
				ReleaseReason.valueOf(rs.getString("reason")), rs.getTimestamp("released_at").toInstant(),
				acknowledged == null ? null : acknowledged.toInstant());
	}

	private static RefundView refund(ResultSet rs, LocalDate today) throws SQLException {
		Timestamp executed = rs.getTimestamp("executed_at");
		RefundStatus status = RefundStatus.valueOf(rs.getString("status"));
		LocalDate due = rs.getDate("due_on").toLocalDate();
		BigDecimal rate = rs.getBigDecimal("annual_rate");
		return new RefundView(rs.getObject("id", UUID.class), rs.getString("account_number"),
				TradeCode.of(rs.getString("trade_code")), new EntityId(rs.getObject("bidder_id", UUID.class)),
				rs.getString("bidder_name"), rs.getString("payer_account"), rs.getString("payer_name"),
				Money.of(rs.getBigDecimal("principal")), rate.stripTrailingZeros(), rs.getDate("held_from").toLocalDate(),
				rs.getDate("held_until").toLocalDate(), rs.getInt("days_held"), Money.of(rs.getBigDecimal("interest")),
				Money.of(rs.getBigDecimal("total")), ReleaseReason.valueOf(rs.getString("reason")), due, status,
				rs.getTimestamp("instructed_at").toInstant(), executed == null ? null : executed.toInstant(),
				rs.getString("bank_reference"), status == RefundStatus.INSTRUCTED && due.isBefore(today));
	}
}
