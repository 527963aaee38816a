package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Deposit sub-accounts (region-scoped), settlement banks and reported arrivals. */
@Repository
class Deposits {

	/** A stored arrival with what was asked under its idempotency key. */
	record Stored(ArrivalView arrival, String requestSha256, String idempotencyKey) {
	}

	private final JdbcClient jdbc;

	Deposits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean addAccount(DepositAccountView a, RequirementView r, String openedBy) {
		return jdbc.sql("""
				insert into guarantee.deposit_accounts (account_number, requirement_id, trade_code, section_name, region_code,
				  bidder_id, bidder_name, amount_required, opened_by, opened_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(a.accountNumber(), r.id(), a.tradeCode().value(), a.sectionName(), r.region().value(),
					a.bidder().value(), a.bidderName(), a.amountRequired().yuan(), openedBy, Timestamp.from(a.openedAt()))
			.update() == 1;
	}

	Optional<DepositAccountView> account(UUID requirement, EntityId bidder) {
		return jdbc.sql("select * from guarantee.deposit_accounts where requirement_id = ? and bidder_id = ?")
			.params(requirement, bidder.value()).query(Deposits::account).optional();
	}

	Optional<DepositAccountView> account(String number) {
		return jdbc.sql("select * from guarantee.deposit_accounts where account_number = ?").param(number)
			.query(Deposits::account).optional();
	}

	Optional<RegionCode> region(String number) {
		return jdbc.sql("select region_code from guarantee.deposit_accounts where account_number = ?").param(number)
			.query(String.class).optional().map(RegionCode::of);
	}

	List<DepositAccountView> accountsOf(EntityId bidder) {
		return jdbc.sql("select * from guarantee.deposit_accounts where bidder_id = ? order by opened_at desc")
			.param(bidder.value()).query(Deposits::account).list();
	}

	void addBank(BankView bank, String registeredBy) {
		jdbc.sql("insert into guarantee.banks (client_username, name, registered_by, registered_at) values (?, ?, ?, ?)")
			.params(bank.clientUsername(), bank.name(), registeredBy, Timestamp.from(bank.registeredAt())).update();
	}

	Optional<BankView> bank(String clientUsername) {
		return jdbc.sql("select * from guarantee.banks where client_username = ?").param(clientUsername)
			.query((rs, row) -> new BankView(rs.getString("client_username"), rs.getString("name"),
					rs.getTimestamp("registered_at").toInstant()))
			.optional();
	}

	void addArrival(ArrivalView a, String bankClient, String idempotencyKey, String requestSha256) {
		jdbc.sql("""
				insert into guarantee.deposit_arrivals (id, bank_client, bank_reference, account_number, trade_code, bidder_id,
				  amount, payer_account, payer_name, paid_at, outcome, idempotency_key, request_sha256, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), bankClient, a.bankReference(), a.accountNumber(),
					a.tradeCode() == null ? null : a.tradeCode().value(), a.bidder() == null ? null : a.bidder().value(),
					a.amount().yuan(), a.payerAccount(), a.payerName(), Timestamp.from(a.paidAt()), a.outcome().name(),
					idempotencyKey, requestSha256, Timestamp.from(a.recordedAt()))
			.update();
	}

	Optional<Stored> byKey(String bankClient, String idempotencyKey) {
		return jdbc.sql("select * from guarantee.deposit_arrivals where bank_client = ? and idempotency_key = ?")
			.params(bankClient, idempotencyKey).query(Deposits::stored).optional();
	}

	Optional<Stored> byReference(String bankClient, String bankReference) {
		return jdbc.sql("select * from guarantee.deposit_arrivals where bank_client = ? and bank_reference = ?")
			.params(bankClient, bankReference).query(Deposits::stored).optional();
	}

	List<ArrivalView> arrivalsOf(EntityId bidder) {
		return jdbc.sql("select * from guarantee.deposit_arrivals where bidder_id = ? order by paid_at desc")
			.param(bidder.value()).query((rs, row) -> arrival(rs, false)).list();
	}

	/** When the sub-account's money was first instructed back: it takes no arrivals dated after that. */
	Optional<Instant> firstRefund(String accountNumber) {
		return jdbc.sql("select instructed_at from guarantee.refunds where account_number = ? order by instructed_at limit 1")
			.param(accountNumber).query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	/** Every arrival on the trade's sub-accounts, oldest first. */
	List<ArrivalView> arrivalsOfTrade(TradeCode trade) {
		return jdbc.sql("select * from guarantee.deposit_arrivals where trade_code = ? order by paid_at")
			.param(trade.value()).query((rs, row) -> arrival(rs, false)).list();
	}

	/** Matched arrivals of the bidder for the trade of at least the amount, largest first. */
	List<ArrivalView> matched(EntityId bidder, TradeCode trade, Money atLeast) {
		return jdbc.sql("""
				select * from guarantee.deposit_arrivals where bidder_id = ? and trade_code = ? and outcome = 'MATCHED'
				  and refunded_at is null and forfeited_at is null and amount >= ? order by amount desc, paid_at""")
			.params(bidder.value(), trade.value(), atLeast.yuan()).query((rs, row) -> arrival(rs, false)).list();
	}

	/**
	 * Marks the largest matched, unspent arrival of the bidder for the trade of at least the amount as applied to the
	 * price, at most {@code upTo} of it; answers what was applied (zero when there is none).
	 */
	Money apply(EntityId bidder, TradeCode trade, Money atLeast, Money upTo, Instant at) {
		return jdbc.sql("""
				update guarantee.deposit_arrivals set applied = least(amount, ?), applied_at = ?
				where id = (select id from guarantee.deposit_arrivals where bidder_id = ? and trade_code = ?
				  and outcome = 'MATCHED' and refunded_at is null and forfeited_at is null and applied is null and amount >= ?
				  order by amount desc, paid_at limit 1 for update)
				  and applied is null
				returning applied""")
			.params(upTo.yuan(), Timestamp.from(at), bidder.value(), trade.value(), atLeast.yuan())
			.query(BigDecimal.class).optional().map(Money::of).orElse(Money.ZERO);
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(arrival(rs, true), rs.getString("request_sha256"), rs.getString("idempotency_key"));
	}

	private static ArrivalView arrival(ResultSet rs, boolean replayed) throws SQLException {
		String trade = rs.getString("trade_code");
		UUID bidder = rs.getObject("bidder_id", UUID.class);
		return new ArrivalView(rs.getObject("id", UUID.class), rs.getString("bank_reference"),
				rs.getString("account_number"), trade == null ? null : TradeCode.of(trade),
				bidder == null ? null : new EntityId(bidder), Money.of(rs.getBigDecimal("amount")),
				rs.getString("payer_account"), rs.getString("payer_name"), rs.getTimestamp("paid_at").toInstant(),
				DepositOutcome.valueOf(rs.getString("outcome")), rs.getTimestamp("recorded_at").toInstant(), replayed);
	}

	private static DepositAccountView account(ResultSet rs, int row) throws SQLException {
		return new DepositAccountView(rs.getString("account_number"), TradeCode.of(rs.getString("trade_code")),
				rs.getString("section_name"), new EntityId(rs.getObject("bidder_id", UUID.class)),
				rs.getString("bidder_name"), Money.of(rs.getBigDecimal("amount_required")),
				rs.getTimestamp("opened_at").toInstant());
	}
}
