package org.yiwang.tendering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.TenderingChanged.ReevaluationOrdered;
import org.yiwang.tendering.TenderingChanged.RetenderOrdered;

/**
 * A regulator's signed order carried out on the transaction, not only recorded (管办分离: the operator cannot do this,
 * the regulator does not operate anything else). A re-tender order (招标投标法实施条例 第八十一条: the tendering was
 * unlawful in a way that decided its result and cannot be remedied) ends the section's current round as failed by
 * order: a signed public record announces it with the order's reasons, an active suspension ends, the bidders are told,
 * and after the commit every bid security of the trade is released through the guarantee module's path for a failed
 * trade ({@link AwardListener}, as the platform: the guarantee module takes no regulator's call). Staff
 * then re-tender it through the usual flow ({@link OpeningHall#retender}), or register it anew when it asked security.
 * Only before the award: once the award notice is out the winner's security and the contract follow their own path.
 */
@Service
public class SectionOrders {

	/** The states a re-tender order can end: the procedure is running and no winner has been named. */
	public static final Set<SectionStatus> RE_TENDER_STATES = EnumSet.of(SectionStatus.PUBLISHED, SectionStatus.OPENING,
			SectionStatus.OPENED, SectionStatus.PUBLICIZING);

	private final Sections sections;

	private final SuspensionRecords suspensions;

	private final Participation participation;

	private final Awards awards;

	private final SectionAccess access;

	private final PlatformKeys platformKeys;

	private final NoticeFacts facts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SectionOrders(Sections sections, SuspensionRecords suspensions, Participation participation, Awards awards,
			SectionAccess access, PlatformKeys platformKeys, NoticeFacts facts, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.sections = sections;
		this.suspensions = suspensions;
		this.participation = participation;
		this.awards = awards;
		this.access = access;
		this.platformKeys = platformKeys;
		this.facts = facts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Carries out a signed re-tender order: the section's round fails by order. Refused (409, naming the target) when
	 * the section is not running or already has a winner; the section is not found for a regulator of another region
	 * or industry. {@code decision} is the signed act; carrying out the same act twice is refused.
	 */
	public SectionView reTender(SectionId id, String reason, UUID decision) {
		Acting regulator = Actors.requireAnyRole("tendering.order.regulatorOnly", Role.REGULATOR);
		String text = TenderDesk.required(reason, "reason", "tendering.order.reason", 4000);
		if (decision == null) {
			throw Refusal.invalid("decision", "tendering.order.decision");
		}
		return access.audited("retenderOrder", "section:" + id, null, () -> access.scoped(() -> {
			access.forStaff(id);
			SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
			if (!regulator.industries().contains(section.category())) {
				throw SectionAccess.notFound();
			}
			if (!RE_TENDER_STATES.contains(section.status())) {
				throw Refusal.conflict("target", "tendering.order.retenderState");
			}
			if (carried(decision)) {
				throw Refusal.conflict(null, "tendering.order.already");
			}
			Instant now = clock.instant();
			int round = jdbc.sql("select round from tendering.sections where id = ?").param(id.value())
				.query(Integer.class).single();
			if (jdbc.sql("""
					update tendering.sections set status = 'FAILED', paused_since = null, version = version + 1
					where id = ? and status = ?""").params(id.value(), section.status().name()).update() != 1) {
				throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
			}
			// a suspension in force ends with the round: nothing is left to resume
			suspensions.active(id).ifPresent(s -> suspensions.resume(s.id(), regulator.actor().username(), now, decision,
					section.bidDeadline()));
			UUID noticeId = UUID.randomUUID();
			String title = section.name() + " 终止公告（责令重新招标）" + (round > 1 ? "（第" + round + "轮）" : "");
			String body = ("%s（交易标识码 %s）第%d轮：行政监督部门依法作出责令重新招标的决定（决定编号 %s），理由：%s。"
					+ "依照《招标投标法实施条例》第八十一条，本轮招标投标活动终止，招标人应当依法重新招标；投标保证金予以退还。")
				.formatted(section.name(), section.tradeCode(), round, decision, text);
			String signed = NoticeText.of(noticeId, NoticeType.FAILED, section, title, body, section.bidDeadline(),
					section.documentsFrom(), now);
			String signature = Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(signed)));
			jdbc.sql("""
					insert into tendering.section_orders (id, section_id, round, region_code, kind, reason, decision_ref,
					  status_before, notice_id, ordered_by, carried_at) values (?, ?, ?, ?, 'RE_TENDER', ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id.value(), round, section.region().value(), text, decision,
						section.status().name(), noticeId, regulator.actor().username(), Timestamp.from(now))
				.update();
			events.publishEvent(new NoticePublished(Actors.actor(), noticeId, NoticeType.FAILED, section.tradeCode(),
					section.projectName(), section.name(), section.region(), section.category(), title, body,
					section.estimatedPrice(), null, section.tendererName(), CreditCode.of(section.tendererCreditCode()),
					section.agencyName(), section.bidDeadline(), signed, signature, now).with(facts.of(section)));
			Set<EntityId> told = new LinkedHashSet<>(participation.downloaders(id));
			told.addAll(awards.bidders(id));
			for (EntityId bidder : told) {
				participation.notify(id, section.region(), bidder, "tendering.notification.retenderOrdered",
						section.tradeCode().value(), now);
			}
			events.publishEvent(new RetenderOrdered(regulator.actor(), id, section.tradeCode(), round, decision, noticeId,
					section.status().name(), section.bidSecurity().compareTo(Money.ZERO) > 0, section.region(), now));
			return sections.byId(id).orElseThrow();
		}));
	}

	/** The states a re-evaluation order can take back to evaluation: evaluated, or its candidates publicized. */
	public static final Set<SectionStatus> RE_EVALUATION_STATES = EnumSet.of(SectionStatus.OPENED,
			SectionStatus.PUBLICIZING);

	/**
	 * Carries out a signed re-evaluation order on the tendering side (the evaluation module has opened the round's next
	 * attempt in the same transaction): the round's candidates' publicity in force is withdrawn, kept as history, with
	 * a platform-signed public record giving the order's reasons; the section goes back to evaluation (OPENED); the
	 * bidders are told. The report of {@code attempt} is the one publicized next; an earlier attempt's report is
	 * ignored. Refused (409, naming the target) once a winner is named or the round ended, when the round is not the
	 * section's current one, or when the act was carried out already.
	 *
	 * @param newCommittee whether a new committee evaluates (实施条例 第七十条/第七十一条) or the original one re-checks
	 *     (重庆市招标投标条例 第四十四条), for the public record
	 */
	public SectionView reEvaluate(SectionId id, String reason, UUID decision, int round, int attempt,
			boolean newCommittee) {
		Acting regulator = Actors.requireAnyRole("tendering.order.regulatorOnly", Role.REGULATOR);
		String text = TenderDesk.required(reason, "reason", "tendering.order.reevaluationReason", 4000);
		if (decision == null) {
			throw Refusal.invalid("decision", "tendering.order.decision");
		}
		return access.audited("reevaluationOrder", "section:" + id, null, () -> access.scoped(() -> {
			access.forStaff(id);
			SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
			if (!regulator.industries().contains(section.category())) {
				throw SectionAccess.notFound();
			}
			if (!RE_EVALUATION_STATES.contains(section.status())) {
				throw Refusal.conflict("target", "tendering.order.reevaluationState");
			}
			if (carried(decision)) {
				throw Refusal.conflict(null, "tendering.order.already");
			}
			if (awards.round(id) != round || attempt != awards.currentAttempt(id, round) + 1) {
				throw Refusal.conflict("target", "tendering.order.reevaluationRound");
			}
			Instant now = clock.instant();
			if (section.status() == SectionStatus.PUBLICIZING && !awards.move(id, SectionStatus.PUBLICIZING,
					SectionStatus.OPENED)) {
				throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
			}
			UUID noticeId = UUID.randomUUID();
			boolean withdrawn = awards.withdrawPublicity(id, round, decision, noticeId, now);
			String title = section.name() + (withdrawn ? " 中标候选人公示撤回公告（责令重新评标）" : " 重新评标公告（责令重新评标）")
					+ (round > 1 ? "（第" + round + "轮）" : "");
			String law = newCommittee
					? "依照《招标投标法实施条例》第七十条、第七十一条，原评标委员会的评审结论无效，由依法重新组建的评标委员会重新评审，原评标委员会成员不再参加"
					: "依照《重庆市招标投标条例》第四十四条，由原评标委员会在同一价格基础上对资格审查、否决投标、评分汇总等客观评审行为重新评审";
			String body = ("%s（交易标识码 %s）第%d轮：行政监督部门依法作出责令重新评标的决定（决定编号 %s），理由：%s。%s。"
					+ "%s本轮第%d次评审结果另行公示。")
				.formatted(section.name(), section.tradeCode(), round, decision, text, law,
						withdrawn ? "原中标候选人公示予以撤回；" : "", attempt);
			String signed = NoticeText.of(noticeId, NoticeType.AMENDMENT, section, title, body, section.bidDeadline(),
					section.documentsFrom(), now);
			String signature = Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(signed)));
			jdbc.sql("""
					insert into tendering.section_orders (id, section_id, round, region_code, kind, reason, decision_ref,
					  status_before, notice_id, ordered_by, carried_at, attempt)
					values (?, ?, ?, ?, 'RE_EVALUATION', ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id.value(), round, section.region().value(), text, decision,
						section.status().name(), noticeId, regulator.actor().username(), Timestamp.from(now), attempt)
				.update();
			events.publishEvent(new NoticePublished(Actors.actor(), noticeId, NoticeType.AMENDMENT, section.tradeCode(),
					section.projectName(), section.name(), section.region(), section.category(), title, body,
					section.estimatedPrice(), null, section.tendererName(), CreditCode.of(section.tendererCreditCode()),
					// no deadline: an amendment with one would move the opening's room booking
					section.agencyName(), null, signed, signature, now).with(facts.of(section)));
			for (EntityId bidder : new LinkedHashSet<>(awards.bidders(id))) {
				participation.notify(id, section.region(), bidder, "tendering.notification.reevaluationOrdered",
						section.tradeCode().value(), now);
			}
			events.publishEvent(new ReevaluationOrdered(regulator.actor(), id, section.tradeCode(), round, attempt,
					decision, noticeId, section.status().name(), withdrawn, section.region(), now));
			return sections.byId(id).orElseThrow();
		}));
	}

	/** Whether the signed act was carried out already (a delivery twice, a retry). */
	private boolean carried(UUID decision) {
		return jdbc.sql("select count(*) from tendering.section_orders where decision_ref = ?").param(decision)
			.query(Long.class).single() > 0;
	}
}
