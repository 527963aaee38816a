package org.yiwang.supervision.alert;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.guarantee.GuaranteeChanged;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.RegionScopes;

/**
 * Cash bid deposits must be refunded, with the interest on them, at the latest 5 days after the contract is signed
 * (招标投标法实施条例 第五十七条); the guarantee module sets each refund's due day. A refund executed after that day
 * raises an alert when the bank confirms it, and one not executed by then when the watch looks (at start and every
 * {@code yiwang.supervision.overdue-check-seconds}).
 */
@Component
class RefundRules {

	private final Alerts alerts;

	private final TransactionRules trades;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RefundRules(Alerts alerts, TransactionRules trades, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.alerts = alerts;
		this.trades = trades;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(GuaranteeChanged.RefundInstructed instructed) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> instructed(instructed)));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(GuaranteeChanged.RefundExecuted executed) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> executed(executed)));
	}

	void instructed(GuaranteeChanged.RefundInstructed r) {
		jdbc.sql("""
				INSERT INTO supervision.alert_refunds (refund_id, trade_code, region_code, account_number, principal, due_on)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(r.refund(), r.tradeCode().value(), r.region().value(), r.accountNumber(), r.principal().yuan(),
					Date.valueOf(r.dueOn()))
			.update();
	}

	void executed(GuaranteeChanged.RefundExecuted r) {
		jdbc.sql("UPDATE supervision.alert_refunds SET executed_at = ? WHERE refund_id = ? AND executed_at IS NULL")
			.params(Timestamp.from(r.occurredAt()), r.refund()).update();
		LocalDate on = r.occurredAt().atZone(TransactionRules.CHINA).toLocalDate();
		refund(r.refund()).filter(f -> on.isAfter(f.dueOn())).ifPresent(f -> raise(f, on));
	}

	/** Refunds past their due day and not executed, each raised once. */
	void flagOverdue() {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			LocalDate today = clock.instant().atZone(TransactionRules.CHINA).toLocalDate();
			jdbc.sql(SELECT + " WHERE executed_at IS NULL AND due_on < ?").param(Date.valueOf(today))
				.query((rs, n) -> refund(rs)).list().forEach(f -> raise(f, null));
		}));
	}

	record Refund(UUID id, String tradeCode, RegionCode region, String account, java.math.BigDecimal principal,
			LocalDate dueOn) {
	}

	private static final String SELECT = "SELECT refund_id, trade_code, region_code, account_number, principal, due_on "
			+ "FROM supervision.alert_refunds";

	private java.util.Optional<Refund> refund(UUID id) {
		return jdbc.sql(SELECT + " WHERE refund_id = ?").param(id).query((rs, n) -> refund(rs)).optional();
	}

	private static Refund refund(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Refund(rs.getObject(1, UUID.class), rs.getString(2), RegionCode.of(rs.getString(3)), rs.getString(4),
				rs.getBigDecimal(5), rs.getDate(6).toLocalDate());
	}

	private void raise(Refund f, LocalDate executedOn) {
		trades.trade(f.tradeCode()).ifPresent(t -> alerts.raise(new Alerts.Finding("LATE_REFUND",
				"LATE_REFUND:" + f.id(), t.section(), f.tradeCode(), t.subject(), f.region(), t.category(),
				String.format(Locale.ROOT, """
						保证金账户 deposit account: %s
						本金 principal: %s
						应退还日 due on: %s（实施条例第五十七条：合同签订后 5 日内）
						%s""", f.account(), f.principal().toPlainString(), f.dueOn(),
						executedOn == null ? "截至目前尚未退还 not refunded yet"
								: "实际退还日 refunded on: " + executedOn + "（北京时间）"))));
	}
}
