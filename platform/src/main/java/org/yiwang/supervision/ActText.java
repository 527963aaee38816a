package org.yiwang.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.yiwang.evaluation.ReEvaluationKind;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.RegionCode;

/**
 * The exact text a regulator signs for an act: fixed when the act is prepared, in Chinese with English labels, the
 * same whatever language the page is shown in (a signature covers bytes, not a translation).
 */
@Component
class ActText {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(Complaints.CHINA);

	private static final Map<ActKind, String> TITLES = Map.of(ActKind.SUSPEND_SECTION, "责令暂停招标投标活动",
			ActKind.RESUME_SECTION, "恢复招标投标活动", ActKind.ORDER_RE_EVALUATION, "责令重新评标",
			ActKind.ORDER_RE_TENDER, "责令重新招标", ActKind.NOT_ACCEPT_COMPLAINT, "投诉不予受理决定",
			ActKind.RULE_COMPLAINT, "投诉处理决定", ActKind.CREDIT_PENALTY, "不良行为记录（信用惩戒）",
			ActKind.BAR_EXPERT, "暂停评标专家资格");

	String of(UUID id, ActKind kind, String targetName, String target, Department department, RegionCode region,
			RulingOutcome outcome, LocalDate until, ReEvaluationKind reevaluation, String reason, Acting regulator,
			Instant at) {
		StringBuilder text = new StringBuilder();
		text.append("一网监管文书 Yiwang regulatory act\n");
		text.append("编号 Act: ").append(id).append('\n');
		text.append("类型 Kind: ").append(TITLES.get(kind)).append(" (").append(kind.name()).append(")\n");
		text.append("对象 Target: ").append(targetName).append(" [").append(target).append("]\n");
		text.append("监管部门 Department: ").append(department.nameZh()).append(" (").append(region.value()).append(")\n");
		if (outcome != null) {
			text.append("结论 Outcome: ").append(outcome == RulingOutcome.UPHELD ? "投诉成立" : "投诉不成立，予以驳回")
				.append(" (").append(outcome.name()).append(")\n");
		}
		if (reevaluation != null) {
			text.append("重新评标方式 Re-evaluation: ").append(reevaluation == ReEvaluationKind.NEW_COMMITTEE
					? "依法重新组建评标委员会评审，原评标委员会成员回避（《招标投标法实施条例》第七十条、第七十一条）"
					: "原评标委员会重新评审客观评审行为（《重庆市招标投标条例》第四十四条）")
				.append(" (").append(reevaluation.name()).append(")\n");
		}
		if (until != null) {
			text.append("期限至 Until: ").append(until).append('\n');
		}
		text.append("理由 Reasons:\n").append(reason).append('\n');
		text.append("拟定人 Prepared by: ").append(regulator.displayName()).append(" (")
			.append(regulator.actor().username()).append(")\n");
		text.append("拟定时间 Prepared at: ").append(SHOWN.format(at)).append("（北京时间）\n");
		return text.toString();
	}
}
