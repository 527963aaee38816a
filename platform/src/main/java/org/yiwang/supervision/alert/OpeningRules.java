package org.yiwang.supervision.alert;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Actor;
import org.yiwang.supervision.SectionScreened;
import org.yiwang.supervision.screening.BidScreens;
import org.yiwang.supervision.screening.Risk;
import org.yiwang.supervision.screening.RiskModel;
import org.yiwang.supervision.screening.ScreeningOutput;
import org.yiwang.supervision.screening.Screens;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;

/**
 * The rules evaluated when a section's bids are opened: the price screens are computed from the opened prices and
 * stored, and alerts are raised for a high risk score, fewer than three opened bids, prices at a constant ratio, and
 * identical prices from different bidders. Each alert carries the figures that raised it.
 */
@Component
class OpeningRules {

	/** Consecutive price ratios within this relative tolerance of each other count as one constant ratio. */
	static final double RATIO_TOLERANCE = 0.0005;

	private final Alerts alerts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RiskModel model = RiskModel.platformDefault();

	private final double threshold;

	OpeningRules(Alerts alerts, JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock, @Value("${yiwang.supervision.risk-threshold:0.6}") double threshold) {
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.threshold = threshold;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BidsOpened opened) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> evaluate(opened)));
	}

	void evaluate(BidsOpened opened) {
		List<OpenedBid> priced = opened.bids().stream()
			.filter(b -> b.decryption().opened() && b.totalPrice() != null && b.totalPrice().yuan().signum() > 0)
			.toList();
		double[] prices = priced.stream().mapToDouble(b -> b.totalPrice().yuan().doubleValue()).toArray();
		Screens screens = BidScreens.of(prices);
		Risk risk = model.score(screens);
		int stored = jdbc.sql("""
				INSERT INTO supervision.screening_sections (section_id, round, trade_code, region_code, category_code, bids,
				  cv, spd, diffp, rd, kurt, skew, kstest, risk, drivers, computed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(opened.section().value(), opened.round(), opened.tradeCode().value(), opened.region().value(),
					opened.category().value(), screens.bids(), screens.cv(), screens.spd(), screens.diffp(), screens.rd(),
					screens.kurt(), screens.skew(), screens.kstest(), risk.value(), String.join(",", risk.drivers()),
					Timestamp.from(clock.instant()))
			.update();
		if (stored == 0) {
			return; // seen before: the rules already ran for this round
		}
		events.publishEvent(new SectionScreened(Actor.SYSTEM, opened.section().value(), opened.round(),
				opened.tradeCode().value(), opened.region(), screens.bids(), risk.value(), clock.instant()));
		String key = opened.section().value() + ":" + opened.round() + ":";
		String subject = opened.tradeCode().value();
		List<String> findings = new ArrayList<>();
		if (priced.size() < 3) {
			findings.add("FEW_BIDS");
			raise("FEW_BIDS", key, opened, subject, String.format(Locale.ROOT,
					"开标有效报价 %d 家，少于三家（招标投标法第二十八条） opened bids: %d (at least 3 required)%n%s", priced.size(),
					priced.size(), list(priced)));
		}
		if (screens.bids() >= 3 && risk.value() >= threshold) {
			StringBuilder e = new StringBuilder(String.format(Locale.ROOT, "风险分 risk %.4f ≥ 阈值 threshold %.2f；主要因素 drivers: %s%n",
					risk.value(), threshold, String.join(", ", risk.drivers())));
			screens.byName().forEach((name, v) -> e.append(name).append(' ').append(ScreeningOutput.decimal(v)).append('\n'));
			e.append(list(priced));
			raise("HIGH_RISK", key, opened, subject, e.toString());
		}
		constantRatio(priced).ifPresent(ratio -> raise("CONSTANT_RATIO", key, opened, subject, ratio));
		identicalPrices(priced).ifPresent(same -> raise("IDENTICAL_PRICES", key, opened, subject, same));
	}

	private void raise(String rule, String key, BidsOpened opened, String subject, String evidence) {
		alerts.raise(new Alerts.Finding(rule, key + rule, opened.section().value(), opened.tradeCode().value(), subject,
				opened.region(), opened.category(), evidence));
	}

	private static String list(List<OpenedBid> bids) {
		StringBuilder s = new StringBuilder();
		bids.stream().sorted(Comparator.comparing(b -> b.totalPrice().yuan()))
			.forEach(b -> s.append(b.bidderName()).append(": ").append(b.totalPrice().yuan().toPlainString()).append('\n'));
		return s.toString();
	}

	/** Three or more prices where each is the previous times the same factor (a cover-bid pattern). */
	static java.util.Optional<String> constantRatio(List<OpenedBid> bids) {
		if (bids.size() < 3) {
			return java.util.Optional.empty();
		}
		List<OpenedBid> sorted = bids.stream().sorted(Comparator.comparing(b -> b.totalPrice().yuan())).toList();
		double first = ratio(sorted.get(0), sorted.get(1));
		if (first <= 1.0) {
			return java.util.Optional.empty();
		}
		StringBuilder e = new StringBuilder();
		for (int i = 1; i < sorted.size(); i++) {
			double r = ratio(sorted.get(i - 1), sorted.get(i));
			if (Math.abs(r - first) > RATIO_TOLERANCE * first) {
				return java.util.Optional.empty();
			}
			e.append(String.format(Locale.ROOT, "%s / %s = %.5f%n", sorted.get(i).bidderName(),
					sorted.get(i - 1).bidderName(), r));
		}
		return java.util.Optional.of("各报价均为下一较低报价乘以同一系数 each price is the one below it times the same factor:\n" + e);
	}

	private static double ratio(OpenedBid lower, OpenedBid higher) {
		return higher.totalPrice().yuan().doubleValue() / lower.totalPrice().yuan().doubleValue();
	}

	/** Different bidders with exactly the same price. */
	static java.util.Optional<String> identicalPrices(List<OpenedBid> bids) {
		Map<BigDecimal, List<String>> byPrice = new LinkedHashMap<>();
		for (OpenedBid b : bids) {
			byPrice.computeIfAbsent(b.totalPrice().yuan().stripTrailingZeros(), p -> new ArrayList<>()).add(b.bidderName());
		}
		StringBuilder e = new StringBuilder();
		byPrice.forEach((price, names) -> {
			if (names.size() > 1) {
				e.append(price.toPlainString()).append(": ").append(String.join(", ", names)).append('\n');
			}
		});
		return e.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("不同投标人报价相同 identical prices:\n" + e);
	}
}
