package org.yiwang.tendering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.SecurityHeld;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.QualificationView;

/**
 * Gathers a section's {@link NoticeParticulars} at publication: its codes, its notice's terms, its parties' contacts,
 * and who answers for the publication (公告/公示发布责任人).
 */
@Component
class NoticeFacts {

	private final Sections sections;

	private final EntityRegistry registry;

	private final String platformPublisher;

	private final Participation participation;

	private final Bids bids;

	private final BidSecurity bidSecurity;

	private final Clock clock;

	private final Openings openings;

	/**
	 * @param platformPublisher the trading center's person who answers for what the platform publishes on its own
	 * ({@code yiwang.tendering.platform-publisher}): the candidates' publicity when the report arrives, a failure at
	 * the deadline; unset, such a record names no publisher and the uplink reports the field missing
	 */
	NoticeFacts(Sections sections, EntityRegistry registry, Participation participation, Bids bids,
			BidSecurity bidSecurity, Clock clock, Openings openings,
			@Value("${yiwang.tendering.platform-publisher:}") String platformPublisher) {
		this.participation = participation;
		this.bids = bids;
		this.bidSecurity = bidSecurity;
		this.clock = clock;
		this.openings = openings;
		this.sections = sections;
		this.registry = registry;
		this.platformPublisher = platformPublisher == null || platformPublisher.isBlank() ? null
				: platformPublisher.strip();
	}

	/** The section's particulars, published by the platform on its own until {@code publishedBy} names a person. */
	NoticeParticulars of(SectionView s) {
		Sections.Codes codes = sections.codes(s.id());
		return new NoticeParticulars(codes.tenderProject(), codes.section(), s.documentsFrom(), s.documentsUntil(),
				codes.consortiumAllowed(), contact(s.tenderer()), contact(s.agency()), platformPublisher, null, null, null,
				null, null, null, null, null);
	}

	/** The section's tender notice: its particulars with the project, tender project and section as registered. */
	NoticeParticulars ofTender(SectionView s) {
		return of(s).withTender(sections.tenderParticulars(s.id()).with(party(s.tenderer()), party(s.agency())));
	}

	private TenderParticulars.Party party(EntityId id) {
		EntityView e = id == null ? null : registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		return new TenderParticulars.Party(e.name(), e.creditCode(), e.kind().name(),
				e.registeredRegion() == null ? null : e.registeredRegion().value(),
				e.enterpriseNature() == null ? null : e.enterpriseNature().code());
	}

	/**
	 * Every bidder of the round as the opening read it out, with what the registry, the guarantee module and the
	 * bidder's statements say of it on the opening day (call in the platform's scope).
	 */
	List<NoticeParticulars.Bidder> bidders(SectionView section, List<Openings.Entry> entries) {
		LocalDate today = LocalDate.now(clock.withZone(ProcedureClock.CHINA));
		boolean securityRequired = section.bidSecurity().compareTo(Money.ZERO) > 0;
		List<NoticeParticulars.Bidder> list = new ArrayList<>();
		for (Openings.Entry entry : entries) {
			EntityView e = registry.find(entry.bidder()).orElse(null);
			Bids.Row bid = bids.byId(entry.bid()).orElse(null);
			SecurityHeld security = securityRequired
					? bidSecurity.securityHeld(entry.bidder(), section.tradeCode(), section.bidSecurity()).orElse(null)
					: null;
			String securityForm = security == null ? null : security.form().name();
			ProjectManager manager = participation.projectManager(section.id(), entry.bidder()).orElse(null);
			list.add(new NoticeParticulars.Bidder(entry.bid(), entry.bidderName(), entry.bidderCreditCode(),
					e == null ? null : e.kind().name(),
					e == null || e.registeredRegion() == null ? null : e.registeredRegion().value(),
					e == null || e.enterpriseNature() == null ? null : e.enterpriseNature().code(),
					registry.isBarred(entry.bidder(), section.region(), section.category(), today), securityRequired,
					securityForm, entry.decryption() != null && entry.decryption().opened() ? entry.totalPrice() : null,
					entry.decryption() != null && entry.decryption().opened() ? entry.durationDays() : null,
					bid == null ? null : bid.view().receivedAt(), bid == null ? null : bid.submittedBy(),
					manager == null ? null : manager.name(),
					manager == null ? null : ProjectManager.masked(manager.idNumber()),
					manager == null ? null : manager.certificateAndNumber(), security == null ? null : security.lodgedAt()));
		}
		return list;
	}

	/** See {@link BidderPersonalData#bidderProjectManagerIdNumber}; in the platform's scope. */
	Optional<String> bidderProjectManagerIdNumber(UUID openingRecord, UUID bid) {
		return openings.recordedIn(openingRecord)
			.flatMap(o -> openings.entries(o.section(), o.round()).stream().filter(e -> e.bid().equals(bid)).findFirst())
			.flatMap(e -> participation.projectManager(e.section(), e.bidder()))
			.map(ProjectManager::idNumber);
	}

	/** See {@link BidderPersonalData#bidderSubmitterPhone}; in the platform's scope. */
	Optional<String> bidderSubmitterPhone(UUID openingRecord, UUID bid) {
		return openings.recordedIn(openingRecord)
			.flatMap(o -> openings.entries(o.section(), o.round()).stream().filter(e -> e.bid().equals(bid)).findFirst())
			.flatMap(e -> bids.byId(e.bid()))
			.flatMap(row -> registry.memberPhone(row.bidder(), row.submittedBy()));
	}

	/** The report the candidates' publicity publishes, its candidates with their registry facts and opened bids. */
	NoticeParticulars.Evaluation evaluation(SectionView section, EvaluationReported report) {
		List<Openings.Entry> entries = openings.entries(section.id(), report.round());
		List<NoticeParticulars.Candidate> candidates = new ArrayList<>();
		for (EvaluationReported.Candidate c : report.candidates()) {
			EntityView e = c.bidder() == null ? null : registry.find(c.bidder()).orElse(null);
			String quality = entries.stream().filter(x -> x.bidder().equals(c.bidder())).map(Openings.Entry::quality)
				.filter(q -> q != null && !q.isBlank()).findFirst().orElse(null);
			candidates.add(new NoticeParticulars.Candidate(c.rank(), c.bidderName(), c.bidderCreditCode(),
					e == null ? null : e.kind().name(),
					e == null || e.registeredRegion() == null ? null : e.registeredRegion().value(),
					e == null || e.enterpriseNature() == null ? null : e.enterpriseNature().code(), c.price(), c.score(),
					quality, c.bidder() == null ? null
							: qualificationConditions(section.qualifications(), registry.heldQualifications(c.bidder()))));
		}
		return new NoticeParticulars.Evaluation(report.reportId(), report.round(), report.attempt(), report.method(),
				report.reportSha256(), candidates);
	}

	/**
	 * 中标候选人响应招标文件的资格能力条件: for each qualification type the section requires, the candidate's certificate
	 * of that type in the registry (grade, number, validity), the one valid longest; the statutory condition when the
	 * section requires none. Null when a required type has no certificate in the registry: nothing is made up.
	 */
	static String qualificationConditions(List<String> required, List<QualificationView> held) {
		if (required.isEmpty()) {
			return TenderParticulars.STATUTORY_CONDITION + "；中标候选人经评标委员会评审推荐";
		}
		List<String> answers = new ArrayList<>();
		for (String type : required) {
			QualificationView q = held.stream().filter(h -> h.type().equals(type))
				.max(Comparator.comparing(QualificationView::validUntil)).orElse(null);
			if (q == null) {
				return null;
			}
			answers.add(type + (q.grade() == null ? "" : q.grade()) + "（证书编号 " + q.number() + "，发证机关 " + q.issuer()
					+ "，有效期 " + q.validFrom() + " 至 " + q.validUntil() + "）");
		}
		return "招标文件要求的资格：" + String.join("、", required) + "；中标候选人持有：" + String.join("；", answers);
	}

	/** The winner of a section: its kind, region and enterprise nature, and the project manager it stated for it. */
	NoticeParticulars.Winner winner(SectionId section, EntityId id) {
		EntityView e = registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		ProjectManager manager = participation.projectManager(section, id).orElse(null);
		return new NoticeParticulars.Winner(e.kind().name(), e.registeredRegion().value(),
				e.enterpriseNature() == null ? null : e.enterpriseNature().code(),
				manager == null ? null : manager.name(), manager == null ? null : ProjectManager.masked(manager.idNumber()));
	}

	private NoticeParticulars.Contact contact(EntityId id) {
		if (id == null) {
			return null;
		}
		EntityView e = registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		return new NoticeParticulars.Contact(e.creditCode(), e.address(), e.contactName(), e.contactPhone(), e.email());
	}
}
