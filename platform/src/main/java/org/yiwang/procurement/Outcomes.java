package org.yiwang.procurement;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * Ends a case: the result notice (成交结果公告, with the documents' requirements, 政府采购法实施条例 第四十三条) or the
 * failure notice, platform-signed and published through {@link ProcurementResultPublished}.
 */
@Component
class Outcomes {

	private final CaseParties parties;

	private final ApplicationEventPublisher events;

	private final NegotiationTeams teams;

	Outcomes(CaseParties parties, ApplicationEventPublisher events, NegotiationTeams teams) {
		this.parties = parties;
		this.events = events;
		this.teams = teams;
	}

	ProcurementView award(Actor actor, ProcurementView c, EntityId winner, String winnerName, String winnerCode,
			Money price, String evaluation, Instant now) {
		java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("成交结果公告", "项目名称：" + c.title(),
				"交易编码：" + c.tradeCode().value(), "采购方式：" + CaseParties.methodName(c.method()),
				"采购人：" + c.purchaserName(), "预算金额：" + CaseParties.yuan(c.budget()), "成交供应商：" + winnerName
						+ (winnerCode == null ? "" : "（统一社会信用代码 " + winnerCode + "）"),
				"成交金额：" + CaseParties.yuan(price), "评审：" + evaluation, "采购需求：" + c.requirements()));
		teams.noticeLine(c.id()).ifPresent(lines::add);
		lines.add("公告时间：" + CaseParties.shown(now));
		String text = String.join("\n", lines);
		ProcurementView done = new ProcurementView(c.id(), c.tradeCode(), c.region(), c.category(), c.templateVersion(),
				c.method(), c.title(), c.requirements(), c.budget(), c.singleSourceReason(), c.purchaser(),
				c.purchaserName(), c.purchaserCreditCode(), c.submittedAt(), ProcurementStatus.CONCLUDED, c.publishedAt(),
				c.responseDeadline(), c.finalOfferDeadline(), c.rounds(), c.noticeText(), c.noticeSignature(), text,
				parties.sign(text), winner, winnerName, price, null, now, c.version(), c.suppliers());
		parties.cases.update(done, c.version());
		events.publishEvent(new ProcurementResultPublished(actor, c.id(), c.tradeCode(), c.region(), c.category(),
				c.method(), c.title(), c.budget(), c.purchaserName(), c.purchaserCreditCode(), ProcurementStatus.CONCLUDED,
				winnerName, winnerCode, price, null, text, done.resultSignature(), now));
		return done;
	}

	/** {@code reason} is the failure's message key; the notice states it in Chinese. */
	ProcurementView fail(Actor actor, ProcurementView c, String reason, String reasonText, Instant now) {
		String text = String.join("\n", "采购终止公告", "项目名称：" + c.title(), "交易编码：" + c.tradeCode().value(),
				"采购方式：" + CaseParties.methodName(c.method()), "采购人：" + c.purchaserName(), "终止原因：" + reasonText,
				"公告时间：" + CaseParties.shown(now));
		ProcurementView failed = new ProcurementView(c.id(), c.tradeCode(), c.region(), c.category(), c.templateVersion(),
				c.method(), c.title(), c.requirements(), c.budget(), c.singleSourceReason(), c.purchaser(),
				c.purchaserName(), c.purchaserCreditCode(), c.submittedAt(), ProcurementStatus.FAILED, c.publishedAt(),
				c.responseDeadline(), c.finalOfferDeadline(), c.rounds(), c.noticeText(), c.noticeSignature(), text,
				parties.sign(text), null, null, null, reason, now, c.version(), c.suppliers());
		parties.cases.update(failed, c.version());
		events.publishEvent(new ProcurementResultPublished(actor, c.id(), c.tradeCode(), c.region(), c.category(),
				c.method(), c.title(), c.budget(), c.purchaserName(), c.purchaserCreditCode(), ProcurementStatus.FAILED,
				null, null, null, reason, text, failed.resultSignature(), now));
		return failed;
	}
}
