package org.yiwang.supervision.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.ProcurementMinimums;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Sha256;
import org.yiwang.procurement.ProcurementNoticePublished;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.AwardChanged;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;
import org.yiwang.tendering.OpenedBid;

/**
 * The rules that follow a transaction over several events: a tender notice whose bidding period is shorter than the
 * law allows, a project that failed again and again, the same group of bidders winning in turn, and a contract whose
 * amount is not the awarded price. Each remembers what it needs (the trade's section and category, the failures, who
 * bid and who won each round) in its own tables, and raises at most once per finding.
 */
@Component
class TransactionRules {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Alerts alerts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WorkingCalendar calendar;

	private final int minBidPeriodDays;

	private final int repeatedFailures;

	private final int rotationAwards;

	private final BigDecimal priceTolerance;

	TransactionRules(Alerts alerts, JdbcClient jdbc, TransactionTemplate transactions, WorkingCalendar calendar,
			@Value("${yiwang.supervision.min-bid-period-days:20}") int minBidPeriodDays,
			@Value("${yiwang.supervision.repeated-failures:2}") int repeatedFailures,
			@Value("${yiwang.supervision.rotation-awards:3}") int rotationAwards,
			@Value("${yiwang.supervision.price-change-tolerance:0}") BigDecimal priceTolerance) {
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.calendar = calendar;
		this.minBidPeriodDays = minBidPeriodDays;
		this.repeatedFailures = repeatedFailures;
		this.rotationAwards = rotationAwards;
		this.priceTolerance = priceTolerance;
	}

	private void platform(Runnable work) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> work.run()));
	}

	// ---- notices: the trade, short periods, failures ----------------------------------------------------------------

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticePublished notice) {
		platform(() -> noticed(notice));
	}

	void noticed(NoticePublished n) {
		remember(n.tradeCode().value(), null, n.projectName() + " " + n.sectionName(), n.region(), n.category());
		if (n.type() == NoticeType.TENDER && n.bidDeadline() != null) {
			shortPeriod(n);
		}
		if (n.type() == NoticeType.FAILED) {
			failed(n);
		}
	}

	/**
	 * 招标投标法 第二十四条: from the day the tender documents are first issued to the bid deadline, at least 20 days
	 * (the same floor for government procurement by public tender, 政府采购货物和服务招标投标管理办法 第二十条).
	 */
	private void shortPeriod(NoticePublished n) {
		Instant from = n.particulars() != null && n.particulars().documentsFrom() != null ? n.particulars().documentsFrom()
				: n.occurredAt();
		LocalDate first = from.atZone(CHINA).toLocalDate();
		LocalDate deadline = n.bidDeadline().atZone(CHINA).toLocalDate();
		long days = ChronoUnit.DAYS.between(first, deadline);
		if (days >= minBidPeriodDays) {
			return;
		}
		raise("SHORT_PERIOD", "notice:" + n.noticeId(), null, n.tradeCode().value(), n.region(), n.category(),
				String.format(Locale.ROOT, """
						招标文件发出之日 documents issued from: %s（北京时间）
						投标截止 bid deadline: %s（北京时间）
						等标期 %d 日，少于法定 %d 日（招标投标法第二十四条） bidding period %d days, below the statutory %d days
						公告 notice: %s""", first, deadline, days, minBidPeriodDays, days, minBidPeriodDays, n.title()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProcurementNoticePublished notice) {
		WorkingDaySchedule schedule = calendar.schedule();
		platform(() -> procurementNoticed(notice, schedule));
	}

	/**
	 * The other methods of government procurement each have their own least period from the notice to the responses
	 * (or of the single-source publicity), in calendar or working days: {@link ProcurementMinimums}, the one source the
	 * procurement module also runs its cases by. Working days count from the day after the notice to the deadline's
	 * day, holidays and make-up workdays as the working calendar keeps them.
	 */
	void procurementNoticed(ProcurementNoticePublished n, WorkingDaySchedule schedule) {
		remember(n.tradeCode().value(), null, n.title(), n.region(), n.category());
		ProcurementMinimums.Minimum minimum = ProcurementMinimums.of(n.method().procedure()).orElse(null);
		if (minimum == null || n.responseDeadline() == null) {
			return;
		}
		LocalDate first = n.occurredAt().atZone(CHINA).toLocalDate();
		LocalDate deadline = n.responseDeadline().atZone(CHINA).toLocalDate();
		long days = minimum.workingDays() ? first.datesUntil(deadline.plusDays(1)).skip(1)
			.filter(schedule::isWorkingDay).count() : ChronoUnit.DAYS.between(first, deadline);
		if (days >= minimum.days()) {
			return;
		}
		String unit = minimum.workingDays() ? "个工作日" : "日";
		String unitEn = minimum.workingDays() ? "working days" : "days";
		raise("SHORT_PERIOD", "procurement:" + n.procurement(), null, n.tradeCode().value(), n.region(), n.category(),
				String.format(Locale.ROOT, """
						采购方式 method: %s
						公告发布 notice published: %s（北京时间）
						响应截止 response deadline: %s（北京时间）
						期限 %d %s，少于该采购方式的最低 %d %s period %d %s, below the method's minimum of %d %s
						公告 notice: %s""", method(minimum), first, deadline, days, unit, minimum.days(), unit, days,
						unitEn, minimum.days(), unitEn, n.title()));
	}

	/** The method's name as the law calls it, for the evidence (people read names, not codes). */
	private static String method(ProcurementMinimums.Minimum minimum) {
		return switch (minimum.procedure()) {
			case COMPETITIVE_NEGOTIATION -> "竞争性谈判 competitive negotiation";
			case COMPETITIVE_CONSULTATION -> "竞争性磋商 competitive consultation";
			case INQUIRY -> "询价 request for quotations";
			case SINGLE_SOURCE -> "单一来源 single source";
			default -> minimum.procedure().name();
		};
	}

	private void failed(NoticePublished n) {
		String project = n.particulars() != null && n.particulars().tenderProjectCode() != null
				? "project:" + n.particulars().tenderProjectCode() : "trade:" + n.tradeCode().value();
		jdbc.sql("""
				INSERT INTO supervision.alert_failures (notice_id, project_key, trade_code, region_code, failed_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(n.noticeId(), project, n.tradeCode().value(), n.region().value(), Timestamp.from(n.occurredAt()))
			.update();
		List<String> failures = jdbc.sql("""
				SELECT trade_code || ' ' || to_char(failed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
				FROM supervision.alert_failures WHERE project_key = ? ORDER BY failed_at""")
			.param(project).query(String.class).list();
		if (failures.size() < repeatedFailures) {
			return;
		}
		raise("REPEATED_FAILURE", project + ":" + failures.size(), null, n.tradeCode().value(), n.region(), n.category(),
				String.format(Locale.ROOT, "流标 %d 次（阈值 %d） failed %d times (threshold %d): %s%n%s",
						failures.size(), repeatedFailures, failures.size(), repeatedFailures, n.projectName(),
						String.join("\n", failures)));
	}

	// ---- openings and awards: rotating winners, price changes ------------------------------------------------------

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BidsOpened opened) {
		platform(() -> opened(opened));
	}

	void opened(BidsOpened o) {
		remember(o.tradeCode().value(), o.section().value(), o.tradeCode().value(), o.region(), o.category());
		List<OpenedBid> bids = o.bids();
		String group = bids.stream().map(b -> b.bidder().value().toString()).sorted().distinct()
			.collect(Collectors.joining(","));
		String names = bids.stream().map(b -> b.bidder().value() + "=" + b.bidderName()).collect(Collectors.joining("\n"));
		jdbc.sql("""
				INSERT INTO supervision.alert_rounds (section_id, round, trade_code, region_code, bidder_group, bidders,
				  opened_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(o.section().value(), o.round(), o.tradeCode().value(), o.region().value(), group, names,
					Timestamp.from(o.occurredAt()))
			.update();
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AwardChanged.WinnerConfirmed confirmed) {
		platform(() -> awarded(confirmed));
	}

	void awarded(AwardChanged.WinnerConfirmed w) {
		Optional<String> bidders = jdbc.sql("SELECT bidders FROM supervision.alert_rounds WHERE section_id = ? AND round = ?")
			.params(w.section().value(), w.round()).query(String.class).optional();
		String winnerName = bidders.flatMap(list -> list.lines().filter(l -> l.startsWith(w.winner().value() + "="))
			.map(l -> l.substring(l.indexOf('=') + 1)).findFirst()).orElse(w.winner().value().toString());
		int updated = jdbc.sql("""
				UPDATE supervision.alert_rounds SET winner_id = ?, winner_name = ?, award_price = ?, awarded_at = ?
				WHERE section_id = ? AND round = ?""")
			.params(w.winner().value(), winnerName, w.price().yuan(), Timestamp.from(w.occurredAt()), w.section().value(),
					w.round())
			.update();
		if (updated == 0) {
			return; // a round the rules never saw opened (before the platform screened openings)
		}
		rotation(w);
	}

	/** The same group of bidders (exactly the same set) bid again and again and the win passes among them. */
	private void rotation(AwardChanged.WinnerConfirmed w) {
		String group = jdbc.sql("SELECT bidder_group FROM supervision.alert_rounds WHERE section_id = ? AND round = ?")
			.params(w.section().value(), w.round()).query(String.class).single();
		if (group.indexOf(',') < 0) {
			return; // a single bidder is no group
		}
		record Won(String trade, String winner, UUID winnerId, Instant at) {
		}
		List<Won> won = jdbc.sql("""
				SELECT trade_code, winner_name, winner_id, awarded_at FROM supervision.alert_rounds
				WHERE bidder_group = ? AND winner_id IS NOT NULL ORDER BY awarded_at""")
			.param(group)
			.query((rs, n) -> new Won(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getTimestamp(4).toInstant()))
			.list();
		Set<UUID> winners = won.stream().map(Won::winnerId).collect(Collectors.toCollection(LinkedHashSet::new));
		if (won.size() < rotationAwards || winners.size() < 2) {
			return;
		}
		StringBuilder e = new StringBuilder(String.format(Locale.ROOT,
				"同一组 %d 家投标人共同投标 %d 次，中标人轮换 %d 家（阈值 %d 次） the same %d bidders bid together %d times and %d of them won in turn (threshold %d):%n",
				group.split(",").length, won.size(), winners.size(), rotationAwards, group.split(",").length, won.size(),
				winners.size(), rotationAwards));
		won.forEach(x -> e.append(x.trade()).append(" → ").append(x.winner()).append(" (")
			.append(x.at().atZone(CHINA).toLocalDate()).append(")\n"));
		trade(w.tradeCode().value()).ifPresent(t -> raise("ROTATING_WINNERS", "group:" + sha256(group), w.section().value(),
				w.tradeCode().value(), w.region(), t.category(), e.toString()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AwardChanged.ContractConcluded concluded) {
		platform(() -> contracted(concluded));
	}

	/** The contract must follow the award (招标投标法 第四十六条; 实施条例 第五十七条): its amount is the awarded price. */
	void contracted(AwardChanged.ContractConcluded c) {
		Optional<BigDecimal> awarded = jdbc.sql("""
				SELECT award_price FROM supervision.alert_rounds WHERE section_id = ? AND winner_id IS NOT NULL
				ORDER BY round DESC LIMIT 1""")
			.param(c.section().value()).query(BigDecimal.class).optional();
		Optional<Trade> trade = trade(c.tradeCode().value());
		if (awarded.isEmpty() || trade.isEmpty()) {
			return;
		}
		BigDecimal award = awarded.get();
		BigDecimal contract = c.amount().yuan();
		BigDecimal change = contract.subtract(award);
		BigDecimal share = award.signum() == 0 ? BigDecimal.ONE
				: change.abs().divide(award, 6, RoundingMode.HALF_UP);
		if (change.signum() == 0 || share.compareTo(priceTolerance) <= 0) {
			return;
		}
		raise("PRICE_CHANGED", "contract:" + c.section().value(), c.section().value(), c.tradeCode().value(), c.region(),
				trade.get().category(), String.format(Locale.ROOT, """
						中标价 awarded price: %s
						合同金额 contract amount: %s
						差额 difference: %s (%s%%)，容差 tolerance %s%%
						合同签订 signed on: %s（北京时间）""", award.toPlainString(), contract.toPlainString(),
						change.toPlainString(), share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString(),
						priceTolerance.movePointRight(2).stripTrailingZeros().toPlainString(), c.signedOn()));
	}

	// ---- shared ------------------------------------------------------------------------------------------------

	record Trade(String tradeCode, UUID section, String subject, RegionCode region, CategoryCode category) {
	}

	private void remember(String trade, UUID section, String subject, RegionCode region, CategoryCode category) {
		jdbc.sql("""
				INSERT INTO supervision.alert_trades (trade_code, section_id, subject, region_code, category_code)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (trade_code) DO UPDATE SET section_id = coalesce(excluded.section_id,
				  supervision.alert_trades.section_id)""")
			.params(trade, section, subject, region.value(), category.value()).update();
	}

	/** What the platform knows of a trade code, for events that name nothing else. */
	Optional<Trade> trade(String tradeCode) {
		return jdbc.sql(TRADE + " WHERE trade_code = ?").param(tradeCode).query((rs, n) -> trade(rs)).optional();
	}

	/** The trade of a section the rules saw opened. */
	Optional<Trade> tradeOfSection(UUID section) {
		return jdbc.sql(TRADE + " WHERE section_id = ? LIMIT 1").param(section).query((rs, n) -> trade(rs)).optional();
	}

	private static final String TRADE = "SELECT trade_code, section_id, subject, region_code, category_code "
			+ "FROM supervision.alert_trades";

	private static Trade trade(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Trade(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), RegionCode.of(rs.getString(4)),
				CategoryCode.of(rs.getString(5)));
	}

	private void raise(String rule, String key, UUID section, String tradeCode, RegionCode region, CategoryCode category,
			String evidence) {
		String subject = trade(tradeCode).map(Trade::subject).orElse(tradeCode);
		alerts.raise(new Alerts.Finding(rule, rule + ":" + key, section, tradeCode, subject, region, category, evidence));
	}

	private static String sha256(String text) {
		return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
	}
}
