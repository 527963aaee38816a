package org.yiwang.tendering;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.TenderingChanged.ClarificationIssued;
import org.yiwang.tendering.TenderingChanged.ObjectionAnswered;
import org.yiwang.tendering.TenderingChanged.ObjectionRaised;
import org.yiwang.tendering.TenderingChanged.QuestionAsked;

/**
 * Questions, clarifications and objections of a published section. Bidders ask anonymously; the tenderer or agency
 * answers, and each answer is published to all bidders as a clarification. A clarification or amendment that may
 * affect bids, issued less than the notice period before the deadline, moves the deadline (never earlier), and every
 * bidder that downloaded the documents is told. An objection to the documents pauses the procedure until answered;
 * objections are accepted only until the template's period before the deadline.
 */
@Service
public class TenderDiscussion {

	private final Sections sections;

	private final Discussion discussion;

	private final Participation participation;

	private final SectionAccess access;

	private final TenderDesk desk;

	private final EntityRegistry registry;

	private final PlatformKeys platformKeys;

	private final ApplicationEventPublisher events;

	private final NoticeFacts facts;

	private final Clock clock;

	TenderDiscussion(Sections sections, Discussion discussion, Participation participation, SectionAccess access,
			TenderDesk desk, EntityRegistry registry, PlatformKeys platformKeys, NoticeFacts facts,
			ApplicationEventPublisher events, Clock clock) {
		this.facts = facts;
		this.sections = sections;
		this.discussion = discussion;
		this.participation = participation;
		this.access = access;
		this.desk = desk;
		this.registry = registry;
		this.platformKeys = platformKeys;
		this.events = events;
		this.clock = clock;
	}

	/** A registered bidder asks about the documents before the deadline; nobody but regulators learns who asked. */
	public QuestionView ask(SectionId id, String text) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("question", "section:" + id, null, () -> access.platform(() -> {
			SectionView section = access.published(id);
			EntityView bidder = access.myEntity("tendering.entity.notBidder", EntityRole.BIDDER);
			if (!participation.interested(id, bidder.id())) {
				throw Refusal.conflict(null, "tendering.documents.registerFirst");
			}
			String question = TenderDesk.required(text, "text", "tendering.question.text", 2000);
			Instant now = clock.instant();
			if (!now.isBefore(section.bidDeadline())) {
				throw Refusal.conflict("text", "tendering.clarification.afterDeadline");
			}
			QuestionView asked = new QuestionView(UUID.randomUUID(), id, question, now, null, null);
			discussion.addQuestion(asked, bidder.id(), section.region());
			events.publishEvent(new QuestionAsked(acting.actor(), id, asked.id(), section.region(), now));
			return asked;
		}));
	}

	/** The tenderer or agency answers a question; the answer goes to every bidder as a clarification. */
	public ClarificationView answer(UUID questionId, String answer, boolean affectsBids) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("answer", "question:" + questionId, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
			Discussion.Question question = discussion.question(questionId)
				.orElseThrow(() -> Refusal.notFound("tendering.question.notFound"));
			SectionView section = access.forParty(question.view().section(), me);
			String text = TenderDesk.required(answer, "answer", "tendering.question.answerText", 4000);
			Instant now = clock.instant();
			if (!discussion.answer(questionId, text, acting.actor().username(), now)) {
				throw Refusal.conflict(null, "tendering.question.answered");
			}
			return issue(acting, section, "问：" + question.view().text() + "\n答：" + text, affectsBids, questionId, now);
		}));
	}

	/** The tenderer or agency issues a clarification or amendment of the documents to every bidder. */
	public ClarificationView clarify(SectionId id, String text, boolean affectsBids) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("clarification", "section:" + id, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
			SectionView section = access.forParty(id, me);
			if (!section.published()) {
				throw Refusal.conflict(null, "tendering.clarification.notPublished");
			}
			String clarification = TenderDesk.required(text, "text", "tendering.clarification.text", 8000);
			return issue(acting, section, clarification, affectsBids, null, clock.instant());
		}));
	}

	private ClarificationView issue(Acting acting, SectionView unlocked, String text, boolean affectsBids, UUID question,
			Instant now) {
		SectionView section = sections.lock(unlocked.id()).orElseThrow(SectionAccess::notFound);
		ProcedureClock procedure = desk.clockOf(section);
		Instant before = procedure.deadline();
		Instant after = procedure.clarify(now, affectsBids);
		NoticeType type = affectsBids ? NoticeType.AMENDMENT : NoticeType.CLARIFICATION;
		UUID noticeId = UUID.randomUUID();
		String title = section.noticeTitle() + (affectsBids ? "（修改）" : "（澄清）");
		String signed = NoticeText.of(noticeId, type, section, title, text, after, section.documentsFrom(), now);
		String signature = Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(signed)));
		ClarificationView clarification = new ClarificationView(UUID.randomUUID(), section.id(), text, affectsBids,
				question, before, after, noticeId, acting.actor().username(), now);
		discussion.addClarification(clarification, section.region(), signature);
		if (after.isAfter(before)) {
			sections.setClock(section.id(), after, section.pausedSince());
			sections.addDeadlineChange(section.id(), section.region(), before, after, "amendment",
					acting.actor().username(), now);
		}
		List<EntityId> told = participation.downloaders(section.id());
		String key = after.isAfter(before) ? "tendering.notification.deadlineMoved" : "tendering.notification.clarified";
		for (EntityId bidder : told) {
			participation.notify(section.id(), section.region(), bidder, key, section.tradeCode().value(), now);
		}
		events.publishEvent(new NoticePublished(acting.actor(), noticeId, type, section.tradeCode(), section.projectName(),
				section.name(), section.region(), section.category(), title, text, section.estimatedPrice(),
				section.bidSecurity(), section.tendererName(), CreditCode.of(section.tendererCreditCode()),
				section.agencyName(), after, signed, signature, now)
			.with(facts.of(section).publishedBy(acting.displayName())));
		events.publishEvent(new ClarificationIssued(acting.actor(), section.id(), clarification.id(), affectsBids, before,
				after, told.size(), section.region(), now));
		return clarification;
	}

	/**
	 * A registered bidder objects to the documents. Accepted until the objection period before the deadline; the
	 * procedure pauses until every objection is answered.
	 */
	public ObjectionView object(SectionId id, String text) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("objection", "section:" + id, null, () -> access.platform(() -> {
			access.published(id);
			EntityView bidder = access.myEntity("tendering.entity.notBidder", EntityRole.BIDDER);
			if (!participation.interested(id, bidder.id())) {
				throw Refusal.conflict(null, "tendering.documents.registerFirst");
			}
			String objection = TenderDesk.required(text, "text", "tendering.objection.text", 4000);
			SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
			ProcedureClock procedure = desk.clockOf(section);
			Instant now = clock.instant();
			Instant due = procedure.raiseObjection(now);
			ObjectionView raised = new ObjectionView(UUID.randomUUID(), id, bidder.name(), objection, now, due, null, null);
			discussion.addObjection(raised, bidder.id(), section.region(), acting.actor().username());
			sections.setClock(id, procedure.deadline(), procedure.pausedSince());
			events.publishEvent(new ObjectionRaised(acting.actor(), id, raised.id(), bidder.id(), due, section.region(), now));
			return raised;
		}));
	}

	/**
	 * The tenderer or agency answers an objection. When none stays open the procedure resumes and the deadline moves on
	 * by the time it stood still.
	 */
	public ObjectionView answerObjection(UUID objectionId, String answer) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("objectionAnswer", "objection:" + objectionId, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
			Discussion.Objection objection = discussion.objection(objectionId)
				.orElseThrow(() -> Refusal.notFound("tendering.objection.notFound"));
			access.forParty(objection.view().section(), me);
			String text = TenderDesk.required(answer, "answer", "tendering.objection.answerText", 4000);
			SectionView section = sections.lock(objection.view().section()).orElseThrow(SectionAccess::notFound);
			ProcedureClock procedure = desk.clockOf(section);
			Instant now = clock.instant();
			if (!discussion.answerObjection(objectionId, text, acting.actor().username(), now)) {
				throw Refusal.conflict(null, "tendering.objection.answered");
			}
			Instant before = procedure.deadline();
			Instant after = procedure.answerObjection(now);
			sections.setClock(section.id(), after, procedure.pausedSince());
			if (after.isAfter(before)) {
				sections.addDeadlineChange(section.id(), section.region(), before, after, "objection",
						acting.actor().username(), now);
				for (EntityId bidder : participation.downloaders(section.id())) {
					participation.notify(section.id(), section.region(), bidder, "tendering.notification.deadlineMoved",
							section.tradeCode().value(), now);
				}
			}
			participation.notify(section.id(), section.region(), objection.objector(), "tendering.notification.objectionAnswered",
					section.tradeCode().value(), now);
			events.publishEvent(new ObjectionAnswered(acting.actor(), section.id(), objectionId, !procedure.paused(), after,
					section.region(), now));
			return discussion.objection(objectionId).orElseThrow().view();
		}));
	}

	/** What the signed-in bidder's entity has been told, newest first. */
	public List<NotificationView> notifications() {
		Actors.required();
		return access.platform(() -> registry.myEntity().map(e -> participation.notifications(e.id())).orElse(List.of()));
	}
}
