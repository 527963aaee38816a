package org.yiwang.supervision.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.evaluation.CommitteePoints;
import org.yiwang.evaluation.CommitteeScores;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.EvaluationReported;

/**
 * An expert whose points for a bid stand far from the rest of the committee's: experts evaluate objectively and
 * independently by the published criteria and answer for their opinion (招标投标法实施条例 第四十九条), so a score the
 * others do not come near is worth the regulator's look (favour, or a misread document). Compared once the report is
 * signed: the expert's technical + business points for a bid against the mean of the other members' points for it;
 * flagged when they differ by more than {@code yiwang.supervision.expert-deviation-share} of the most points a bid can
 * get (0.2 by default), with at least two others to compare with.
 */
@Component
class ExpertRules {

	private final Alerts alerts;

	private final CommitteeScores scores;

	private final TransactionRules trades;

	private final TransactionTemplate transactions;

	private final BigDecimal share;

	ExpertRules(Alerts alerts, CommitteeScores scores, TransactionRules trades, TransactionTemplate transactions,
			@Value("${yiwang.supervision.expert-deviation-share:0.2}") BigDecimal share) {
		this.alerts = alerts;
		this.scores = scores;
		this.trades = trades;
		this.transactions = transactions;
		this.share = share;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EvaluationReported reported) {
		scores.reported(reported.section(), reported.round(), reported.attempt())
			.ifPresent(points -> RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> evaluate(reported, points))));
	}

	void evaluate(EvaluationReported reported, CommitteePoints points) {
		List<String> lines = outliers(points, share);
		if (lines.isEmpty()) {
			return;
		}
		trades.tradeOfSection(reported.section().value()).ifPresent(t -> alerts.raise(new Alerts.Finding("EXPERT_OUTLIER",
				// each evaluation attempt's committee is judged on its own (a re-evaluation order makes a second one)
				"EXPERT_OUTLIER:" + reported.section().value() + ":" + reported.round()
						+ (reported.attempt() > 1 ? ":" + reported.attempt() : ""), reported.section().value(),
				t.tradeCode(), t.subject(), reported.region(), t.category(),
				String.format(Locale.ROOT, "评标专家打分偏离其他成员均值超过满分的 %s%%（实施条例第四十九条） an expert's points differ from the other members' mean by more than %s%% of the most points (%s):%n%s",
						share.movePointRight(2).stripTrailingZeros().toPlainString(),
						share.movePointRight(2).stripTrailingZeros().toPlainString(), points.maxPoints().toPlainString(),
						String.join("\n", lines)))));
	}

	/** Each expert's points that stand further than the share of the most points from the others' mean for a bid. */
	static List<String> outliers(CommitteePoints points, BigDecimal share) {
		BigDecimal limit = points.maxPoints().multiply(share);
		List<String> lines = new ArrayList<>();
		for (CommitteePoints.Given own : points.given()) {
			List<BigDecimal> others = points.given().stream()
				.filter(g -> g.bidId().equals(own.bidId()) && !g.member().equals(own.member()))
				.map(CommitteePoints.Given::points).toList();
			if (others.size() < 2) {
				continue;
			}
			BigDecimal mean = others.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(others.size()), 2, RoundingMode.HALF_UP);
			BigDecimal gap = own.points().subtract(mean);
			if (gap.abs().compareTo(limit) > 0) {
				lines.add(String.format(Locale.ROOT, "%s → %s: %s，其他成员均值 others' mean %s，偏离 deviation %s",
						own.memberName(), own.bidderName(), own.points().toPlainString(), mean.toPlainString(),
						gap.toPlainString()));
			}
		}
		return lines;
	}
}
