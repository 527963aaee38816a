package org.yiwang.tendering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.RegionView;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.NewRequirement;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.OpeningKeyView;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.ProcedureClock.Violation;
import org.yiwang.tendering.TenderingChanged.MandateRecorded;
import org.yiwang.tendering.TenderingChanged.NoticeSubmitted;
import org.yiwang.tendering.TenderingChanged.SectionChecked;
import org.yiwang.tendering.TenderingChanged.SectionSubmitted;

/**
 * The tendering module's entry point for tender projects and sections up to publication. A tenderer, or an agency it
 * mandated, registers a tender project with its sections (each gets a trade code and keeps the procedure template
 * revision it started under); the staff of the section's region check it; the tenderer or agency drafts the notice
 * and uploads the documents; staff check and publish it. Publication signs the notice with the platform key, sets the
 * bid security requirement in the guarantee module, creates the section's opening key (2 of the key custodians
 * reassemble its private key at opening; the platform keeps only the public key), publishes {@link NoticePublished}
 * and starts the procedure clock.
 */
@Service
public class TenderDesk {

	private final Sections sections;

	private final Mandates mandates;

	private final Participation participation;

	private final Discussion discussion;

	private final SectionAccess access;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final BidSecurity bidSecurity;

	private final PlatformKeys platformKeys;

	private final OpeningKeys openingKeys;

	private final Bids bids;

	private final Deployment deployment;

	private final NoticeFacts facts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final WorkingCalendar calendar;

	private final SuspensionRecords suspensions;

	TenderDesk(Sections sections, Mandates mandates, Participation participation, Discussion discussion,
			SectionAccess access, EntityRegistry registry, Catalog catalog, BidSecurity bidSecurity,
			PlatformKeys platformKeys, OpeningKeys openingKeys, Bids bids, Deployment deployment, NoticeFacts facts,
			ApplicationEventPublisher events, Clock clock, WorkingCalendar calendar, SuspensionRecords suspensions) {
		this.calendar = calendar;
		this.suspensions = suspensions;
		this.facts = facts;
		this.sections = sections;
		this.mandates = mandates;
		this.participation = participation;
		this.discussion = discussion;
		this.access = access;
		this.registry = registry;
		this.catalog = catalog;
		this.bidSecurity = bidSecurity;
		this.platformKeys = platformKeys;
		this.openingKeys = openingKeys;
		this.bids = bids;
		this.deployment = deployment;
		this.events = events;
		this.clock = clock;
	}

	// ---- mandates -------------------------------------------------------------------------------------------

	/** The signed-in tenderer mandates an agency (named by its credit code) to register and run its tenders. */
	public MandateView recordMandate(String agencyCreditCode, String scope) {
		Acting acting = Actors.requireAnyRole("tendering.tendererOnly", Role.TENDERER);
		return access.audited("mandate", "entity:" + agencyCreditCode, null, () -> access.platform(() -> {
			EntityView tenderer = access.myEntity("tendering.entity.notTenderer", EntityRole.TENDERER);
			if (agencyCreditCode == null || CreditCode.problem(agencyCreditCode.strip()).isPresent()) {
				throw Refusal.invalid("agencyCreditCode", "tendering.mandate.agencyUnknown");
			}
			EntityView agency = registry.findByCreditCode(CreditCode.of(agencyCreditCode.strip()))
				.orElseThrow(() -> Refusal.invalid("agencyCreditCode", "tendering.mandate.agencyUnknown"));
			if (!agency.holds(EntityRole.AGENCY)) {
				throw Refusal.invalid("agencyCreditCode", "tendering.mandate.notAgency", agency.name());
			}
			String text = scope == null || scope.isBlank() ? "全部招标项目" : scope.strip();
			if (text.length() > 500) {
				throw Refusal.invalid("scope", "tendering.mandate.scope");
			}
			Instant now = clock.instant();
			MandateView mandate = new MandateView(UUID.randomUUID(), tenderer.id(), tenderer.name(), agency.id(),
					agency.name(), text, acting.actor().username(), now);
			mandates.add(mandate);
			events.publishEvent(new MandateRecorded(acting.actor(), mandate.id(), tenderer.id(), agency.id(),
					deployment.cityCode(), now));
			return mandate;
		}));
	}

	/** The mandates the signed-in tenderer gave or the signed-in agency holds. */
	public List<MandateView> myMandates() {
		Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.platform(() -> registry.myEntity().map(e -> mandates.of(e.id())).orElse(List.of()));
	}

	// ---- registration and check -----------------------------------------------------------------------------

	/**
	 * The tenderer, or an agency with the tenderer's mandate, registers a tender project with its first section. The
	 * section gets a new trade code and waits for the staff of its region.
	 */
	public SectionView registerTender(NewTender tender) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("section", "tender:" + (tender == null ? null : tender.tenderProjectName()), null,
				() -> access.platform(() -> {
					if (tender == null || tender.section() == null) {
						throw Refusal.invalid(null, "tendering.section.name");
					}
					EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
					EntityView tenderer = tendererFor(me, tender.tendererCreditCode());
					EntityView agency = tenderer.id().equals(me.id()) ? null : me;
					RegionCode region = region(tender.section().region());
					ProjectFacts facts = facts(tender.facts());
					if (facts.mustTender()) {
						requireTendering(tender.section());
					}
					Instant now = clock.instant();
					Sections.TenderProject project = new Sections.TenderProject(UUID.randomUUID(),
							tenderProjectCode(region, now),
							required(tender.projectName(), "projectName", "tendering.project.name", 200),
							optional(tender.projectApproval(), "projectApproval", "tendering.project.approval", 100),
							required(tender.tenderProjectName(), "tenderProjectName", "tendering.tenderProject.name", 200),
							region, tenderer.id(), tenderer.name(), tenderer.creditCode(),
							agency == null ? null : agency.id(), agency == null ? null : agency.name());
					sections.addTenderProject(project, projectCode(region, now), facts, acting.actor().username(), now);
					return addSection(acting, project, tender.section(), now);
				}));
	}

	/** Another section of a tender project, in the tender project's region. */
	public SectionView addSection(UUID tenderProjectId, SectionDetails details) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("section", "tenderProject:" + tenderProjectId, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
			Sections.TenderProject project = sections.tenderProject(tenderProjectId)
				.filter(p -> p.tenderer().equals(me.id()) || me.id().equals(p.agency()))
				.orElseThrow(SectionAccess::notFound);
			if (details == null) {
				throw Refusal.invalid(null, "tendering.section.name");
			}
			if (!project.region().equals(region(details.region()))) {
				throw Refusal.invalid("region", "tendering.section.sameRegion", project.region().value());
			}
			return addSection(acting, project, details, clock.instant());
		}));
	}

	private SectionView addSection(Acting acting, Sections.TenderProject project, SectionDetails details, Instant now) {
		Checked checked = check(details);
		SectionId id = new SectionId(UUID.randomUUID());
		TradeCode code = tradeCode(project.region(), now);
		sections.add(id, project.id(), code, details, project.region(), checked.family().name(),
				checked.template().procedure().name(), checked.template().version(), checked.estimatedPrice(),
				checked.security(), acting.actor().username(), now);
		events.publishEvent(new SectionSubmitted(acting.actor(), id, code, project.tenderer(), checked.template().version(),
				project.region(), now));
		return sections.byId(id).orElseThrow();
	}

	/** The tenderer or agency corrects a returned section and submits it again; the current template applies. */
	public SectionView resubmit(SectionId id, SectionDetails details) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("section", "section:" + id, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
			SectionView section = access.forParty(id, me);
			if (section.status() != SectionStatus.RETURNED) {
				throw Refusal.conflict(null, "tendering.section.notReturned");
			}
			if (details == null) {
				throw Refusal.invalid(null, "tendering.section.name");
			}
			if (!section.region().equals(region(details.region()))) {
				throw Refusal.invalid("region", "tendering.section.sameRegion", section.region().value());
			}
			Checked checked = check(details);
			sections.correct(id, details, checked.family().name(), checked.template().procedure().name(),
					checked.template().version(), checked.estimatedPrice(), checked.security());
			Instant now = clock.instant();
			events.publishEvent(new SectionSubmitted(acting.actor(), id, section.tradeCode(), section.tenderer(),
					checked.template().version(), section.region(), now));
			return sections.byId(id).orElseThrow();
		}));
	}

	/** Staff of the section's region accept a submitted section: its notice may now be drafted. */
	public SectionView approve(SectionId id, long seenVersion) {
		return check(id, seenVersion, SectionStatus.SUBMITTED, SectionStatus.REGISTERED, "section", null);
	}

	/** Staff of the section's region return a submitted section with the reason the tenderer must act on. */
	public SectionView returnSection(SectionId id, long seenVersion, String reason) {
		return check(id, seenVersion, SectionStatus.SUBMITTED, SectionStatus.RETURNED, "section", reason);
	}

	/** Staff return a submitted notice with a reason; the tenderer or agency corrects and submits it again. */
	public SectionView returnNotice(SectionId id, long seenVersion, String reason) {
		return check(id, seenVersion, SectionStatus.NOTICE_SUBMITTED, SectionStatus.NOTICE_RETURNED, "notice", reason);
	}

	private SectionView check(SectionId id, long seenVersion, SectionStatus from, SectionStatus to, String step,
			String reason) {
		Acting staff = Actors.requireAnyRole("tendering.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		boolean accepted = reason == null;
		return access.audited(step, "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = access.forStaff(id);
			String why = accepted ? null : reason.strip();
			if (!accepted && (why.isEmpty() || why.length() > 500)) {
				throw Refusal.invalid("reason", "tendering.check.reason");
			}
			if (section.status() != from) {
				throw Refusal.conflict(null, "tendering.section.notWaiting");
			}
			Instant now = clock.instant();
			if (!sections.setStatus(id, seenVersion, from, to, why, staff.actor().username(), now)) {
				throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
			}
			events.publishEvent(new SectionChecked(staff.actor(), id, section.tradeCode(), step, accepted, why,
					section.region(), now));
			return sections.byId(id).orElseThrow();
		}));
	}

	// ---- notice and publication ------------------------------------------------------------------------------

	/**
	 * The tenderer or agency drafts the notice and submits it for the staff's check. The dates must already keep the
	 * procedure's rules, counted from now if documents would be issued earlier; documents must be uploaded first.
	 */
	public SectionView submitNotice(SectionId id, NoticeDraft draft) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("notice", "section:" + id, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
			SectionView section = access.forParty(id, me);
			if (!section.status().noticeEditable()) {
				throw Refusal.conflict(null, "tendering.notice.notEditable");
			}
			if (draft == null) {
				throw Refusal.invalid("title", "tendering.notice.title");
			}
			required(draft.title(), "title", "tendering.notice.title", 200);
			if (draft.title().contains("\n")) {
				throw Refusal.invalid("title", "tendering.notice.title");
			}
			required(draft.body(), "body", "tendering.notice.body", 20000);
			if (draft.consortiumAllowed() == null) {
				throw Refusal.invalid("consortiumAllowed", "tendering.notice.consortiumRequired");
			}
			Instant now = clock.instant();
			ProcedureRules rules = rules(section);
			Instant from = draft.documentsFrom() == null || draft.documentsFrom().isBefore(now) ? now : draft.documentsFrom();
			refuseFirst(ProcedureClock.check(rules, from, draft.documentsUntil(), draft.bidDeadline(),
					calendar.schedule()));
			if (participation.documents(id).isEmpty()) {
				throw Refusal.conflict(null, "tendering.notice.noDocuments");
			}
			refuseUnsigned(id);
			sections.draftNotice(id, new NoticeDraft(draft.title(), draft.body(), from, draft.documentsUntil(),
					draft.bidDeadline(), draft.consortiumAllowed()));
			events.publishEvent(new NoticeSubmitted(acting.actor(), id, section.tradeCode(), draft.bidDeadline(),
					section.region(), now));
			return sections.byId(id).orElseThrow();
		}));
	}

	/**
	 * Documents go out only as the tenderer or its agency signed them (issue 17, item 16): a notice is neither submitted
	 * nor published while one of its documents is unsigned, naming the documents still to sign.
	 */
	private void refuseUnsigned(SectionId id) {
		String unsigned = participation.documents(id).stream().filter(d -> !d.signed()).map(DocumentView::fileName)
			.collect(java.util.stream.Collectors.joining("、"));
		if (!unsigned.isEmpty()) {
			throw Refusal.conflict(null, "tendering.notice.documentsUnsigned", unsigned);
		}
	}

	/**
	 * Staff of the section's region publish its notice. The rules are checked again with documents issued from now
	 * at the earliest; the notice text is signed with the platform key; the bid security requirement is set with the
	 * tenderer as beneficiary; {@link NoticePublished} goes out and the procedure clock starts.
	 */
	public SectionView publish(SectionId id, long seenVersion) {
		Acting staff = Actors.requireAnyRole("tendering.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		return access.audited("publication", "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = access.forStaff(id);
			if (section.status() != SectionStatus.NOTICE_SUBMITTED) {
				throw Refusal.conflict(null, "tendering.section.notWaiting");
			}
			if (section.version() != seenVersion) {
				throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
			}
			Instant now = clock.instant();
			Instant from = section.documentsFrom().isBefore(now) ? now : section.documentsFrom();
			ProcedureRules rules = rules(section);
			refuseFirst(ProcedureClock.check(rules, from, section.documentsUntil(), section.bidDeadline(),
					calendar.schedule()));
			refuseFirst(securityViolation(rules, section.estimatedPrice(), section.bidSecurity()));
			refuseUnsigned(id);
			UUID noticeId = UUID.randomUUID();
			String text = NoticeText.of(noticeId, NoticeType.TENDER, section, section.noticeTitle(), section.noticeBody(),
					section.bidDeadline(), from, now);
			String signature = Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(text)));
			if (section.bidSecurity().compareTo(Money.ZERO) > 0) {
				LocalDate validityEnd = section.bidDeadline().atZone(ProcedureClock.CHINA).toLocalDate()
					.plusDays(section.bidValidityDays());
				bidSecurity.require(new NewRequirement(section.tradeCode().value(), section.name(),
						section.region().value(), section.category().value(), section.tenderer().toString(), null,
						section.bidSecurity().yuan(), validityEnd));
			}
			// the section's opening key: bids are sealed to it; its private key is split among the key custodians
			OpeningKeyView openingKey = openingKeys.create(section.tradeCode().value(), OpeningKeys.DEFAULT_THRESHOLD);
			sections.publish(id, seenVersion, noticeId, from, text, signature, openingKey.id(), staff.actor().username(),
					now);
			sections.addDeadlineChange(id, section.region(), null, section.bidDeadline(), "published",
					staff.actor().username(), now);
			events.publishEvent(new NoticePublished(staff.actor(), noticeId, NoticeType.TENDER, section.tradeCode(),
					section.projectName(), section.name(), section.region(), section.category(), section.noticeTitle(),
					section.noticeBody(), section.estimatedPrice(), null, section.tendererName(),
					CreditCode.of(section.tendererCreditCode()), section.agencyName(), section.bidDeadline(), text,
					signature, now).with(facts.ofTender(sections.byId(id).orElseThrow()).publishedBy(staff.displayName())));
			return sections.byId(id).orElseThrow();
		}));
	}

	// ---- reading ---------------------------------------------------------------------------------------------

	/**
	 * The sections the actor works on: staff and regulators those of their regions; a tenderer or agency its own;
	 * a bidder the published ones.
	 */
	public List<SectionView> sections() {
		Acting acting = Actors.required();
		if (isReader(acting)) {
			return access.scoped(sections::visible);
		}
		if (SectionAccess.isParty(acting)) {
			return access.platform(() -> registry.myEntity().map(e -> sections.ofParty(e.id())).orElse(List.of()));
		}
		if (acting.hasRole(Role.BIDDER)) {
			return access.platform(() -> registry.myEntity().map(e -> sections.publishedOrBidBy(e.id()))
				.orElseGet(sections::published));
		}
		throw Refusal.forbidden("tendering.partyOnly");
	}

	/** One section with everything the actor may see of it; not found when the actor may not see it. */
	public SectionDossier dossier(SectionId id) {
		Acting acting = Actors.required();
		Instant now = clock.instant();
		if (isReader(acting)) {
			return access.scoped(() -> dossier(access.forStaff(id), now, true, null));
		}
		return access.platform(() -> {
			EntityView me = registry.myEntity().orElse(null);
			if (SectionAccess.isParty(acting) && me != null) {
				SectionView section = sections.byId(id).orElseThrow(SectionAccess::notFound);
				if (section.tenderer().equals(me.id()) || me.id().equals(section.agency())) {
					return dossier(section, now, true, null);
				}
			}
			SectionView section = access.published(id);
			return dossier(section, now, false, me);
		});
	}

	private SectionDossier dossier(SectionView section, Instant now, boolean insider, EntityView bidder) {
		boolean interested = bidder != null && participation.interested(section.id(), bidder.id());
		ProcedureClock clock = section.published() ? clockOf(section) : null;
		ProcedureRules rules = rules(section);
		return new SectionDossier(section, rules.bidPeriodDays(), rules.documentDays(), rules.documentWorkingDays(),
				rules.amendmentNoticeDays(), rules.objectionDeadlineDays(), rules.objectionAnswerDays(),
				rules.securityMaxPercent(), participation.documents(section.id()),
				section.published() ? discussion.questions(section.id()).stream()
					.filter(q -> insider || q.answered()).toList() : List.of(),
				discussion.clarifications(section.id()),
				insider ? discussion.objections(section.id())
						: bidder == null ? List.of() : discussion.objectionsBy(section.id(), bidder.id()),
				insider ? participation.interests(section.id()) : List.of(), sections.deadlineChanges(section.id()),
				interested, clock != null && clock.documentsAvailable(now), clock != null && clock.acceptsBid(now),
				clock == null ? null : clock.objectionsUntil(),
				bidder == null ? List.of() : bids.of(section.id(), bidder.id()),
				insider ? bids.receiptedCount(section.id()) : 0, now);
	}

	/** The published section of a notice id (the public address the portal links to), or empty. */
	public Optional<SectionView> publishedNotice(UUID noticeId) {
		return access.platform(() -> sections.byNoticeId(noticeId).filter(SectionView::published));
	}

	/** The categories a section may use: enabled works tenders and procurement. */
	public List<CategoryView> tenderCategories() {
		return catalog.enabledCategories().stream()
			.filter(c -> c.family() == ProcedureFamily.TENDER || c.family() == ProcedureFamily.PROCUREMENT).toList();
	}

	public List<RegionView> regions() {
		return catalog.regions().stream().filter(RegionView::active).toList();
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private static boolean isReader(Acting acting) {
		return SectionAccess.isStaff(acting) || acting.hasRole(Role.REGULATOR);
	}

	/**
	 * The years the section's working-day documents period runs through that the working calendar has no holidays
	 * for (city-wide staff enter them at {@code /admin/calendar}); the section page warns its staff and tenderer.
	 */
	public List<Integer> unscheduledYears(SectionView section) {
		return ProcedureClock.unscheduledYears(rules(section), section.documentsFrom(), calendar.schedule());
	}

	ProcedureRules rules(SectionView section) {
		ProcedureTemplate template = catalog.template(section.category(), section.templateVersion());
		return ProcedureRules.of(template, section.family());
	}

	ProcedureClock clockOf(SectionView section) {
		return clockOf(section, discussion.openObjections(section.id()) + suspensions.activeCount(section.id()));
	}

	/** The clock of a section whose open objections and active suspensions the caller counted already. */
	ProcedureClock clockOf(SectionView section, int holds) {
		return new ProcedureClock(rules(section), section.documentsFrom(), section.documentsUntil(), section.bidDeadline(),
				section.pausedSince(), holds);
	}

	private record Checked(ProcedureFamily family, ProcedureTemplate template, Money estimatedPrice, Money security) {
	}

	private Checked check(SectionDetails d) {
		required(d.name(), "name", "tendering.section.name", 200);
		if (!CategoryCode.isValid(d.category())) {
			throw Refusal.invalid("category", "tendering.section.category");
		}
		CategoryView category = catalog.findCategory(CategoryCode.of(d.category()))
			.filter(CategoryView::enabled)
			.orElseThrow(() -> Refusal.invalid("category", "tendering.section.category"));
		if (category.family() != ProcedureFamily.TENDER && category.family() != ProcedureFamily.PROCUREMENT) {
			throw Refusal.invalid("category", "tendering.section.notTenderCategory", category.nameZh());
		}
		ProcedureTemplate template = catalog.currentTemplate(category.code());
		Money price = money("estimatedPrice", d.estimatedPrice());
		if (price.compareTo(Money.ZERO) <= 0) {
			throw Refusal.invalid("estimatedPrice", "tendering.section.estimatedPrice");
		}
		Money security = money("bidSecurity", d.bidSecurity());
		if (d.bidValidityDays() == null || d.bidValidityDays() < 1 || d.bidValidityDays() > 365) {
			throw Refusal.invalid("bidValidityDays", "tendering.section.bidValidityDays");
		}
		for (String q : d.qualifications()) {
			if (q.length() > 100) {
				throw Refusal.invalid("qualifications", "tendering.section.qualification");
			}
		}
		refuseFirst(securityViolation(ProcedureRules.of(template, category.family()), price, security));
		return new Checked(category.family(), template, price, security);
	}

	/** Bid security at most the rules' percentage of the estimated price (实施条例 Art. 26; 政府采购法实施条例 Art. 33). */
	static List<Violation> securityViolation(ProcedureRules rules, Money price, Money security) {
		BigDecimal max = price.yuan().multiply(rules.securityMaxPercent()).divide(new BigDecimal("100"), 2,
				RoundingMode.DOWN);
		if (security.yuan().compareTo(max) > 0) {
			return List.of(new Violation("bidSecurity", "tendering.rule.securityMax", rules.securityMaxPercent()
				.stripTrailingZeros().toPlainString(), max.toPlainString()));
		}
		return List.of();
	}

	private static void refuseFirst(List<Violation> violations) {
		if (!violations.isEmpty()) {
			Violation v = violations.get(0);
			throw Refusal.invalid(v.field(), v.messageKey(), v.arguments());
		}
	}

	private EntityView tendererFor(EntityView me, String tendererCreditCode) {
		boolean named = tendererCreditCode != null && !tendererCreditCode.isBlank();
		if (me.holds(EntityRole.TENDERER) && (!named || tendererCreditCode.strip().equals(me.creditCode()))) {
			return me;
		}
		if (!me.holds(EntityRole.AGENCY)) {
			throw Refusal.invalid("tendererCreditCode", "tendering.section.ownTendersOnly");
		}
		if (!named || CreditCode.problem(tendererCreditCode.strip()).isPresent()) {
			throw Refusal.invalid("tendererCreditCode", "tendering.section.tendererRequired");
		}
		EntityView tenderer = registry.findByCreditCode(CreditCode.of(tendererCreditCode.strip()))
			.filter(e -> e.holds(EntityRole.TENDERER))
			.orElseThrow(() -> Refusal.invalid("tendererCreditCode", "tendering.section.tendererUnknown"));
		mandates.between(tenderer.id(), me.id())
			.orElseThrow(() -> Refusal.invalid("tendererCreditCode", "tendering.section.noMandate", tenderer.name()));
		return tenderer;
	}

	private RegionCode region(String code) {
		if (!RegionCode.isValid(code)) {
			throw Refusal.invalid("region", "tendering.section.region");
		}
		return catalog.region(RegionCode.of(code)).filter(RegionView::active).map(RegionView::code)
			.orElseThrow(() -> Refusal.invalid("region", "tendering.section.region"));
	}

	/**
	 * A new trade code: the city's letters, the region, the year (Asia/Shanghai) and the region's next number that
	 * year, e.g. {@code CQ-500103-2026-000017}.
	 */
	private TradeCode tradeCode(RegionCode region, Instant now) {
		int year = now.atZone(ProcedureClock.CHINA).getYear();
		int sequence = sections.nextSequence(region, year);
		return TradeCode.of("%s-%s-%d-%06d".formatted(cityLetters(), region.value(), year, sequence));
	}

	/**
	 * A new tender project code (招标项目编号): the city's letters, the region, the year (Asia/Shanghai), {@code ZB}
	 * and the region's next number that year, e.g. {@code CQ-500103-2026-ZB0017}. Its sections are numbered under it
	 * ({@code CQ-500103-2026-ZB0017-01}, 标段（包）编号).
	 */
	private String tenderProjectCode(RegionCode region, Instant now) {
		int year = now.atZone(ProcedureClock.CHINA).getYear();
		return "%s-%s-%d-ZB%04d".formatted(cityLetters(), region.value(), year, sections.nextProjectSequence(region, year));
	}

	/**
	 * A new project code (项目编号), given at registration and never changed: like the tender project's, with {@code XM}
	 * and the region's own project numbers, e.g. {@code CQ-500103-2026-XM0017}.
	 */
	private String projectCode(RegionCode region, Instant now) {
		int year = now.atZone(ProcedureClock.CHINA).getYear();
		return "%s-%s-%d-XM%04d".formatted(cityLetters(), region.value(), year, sections.nextProjectCodeSequence(region, year));
	}

	/** The project's and tender project's facts, checked field by field and stripped (the API's annotations again). */
	static ProjectFacts facts(ProjectFacts f) {
		if (f == null) {
			throw Refusal.invalid("projectAddress", "tendering.facts.address");
		}
		String address = sized(f.address(), "projectAddress", "tendering.facts.address", 2, 200);
		String legalPerson = sized(f.legalPerson(), "legalPerson", "tendering.facts.legalPerson", 2, 200);
		IndustryDivision industry = IndustryDivision.of(f.industry())
			.orElseThrow(() -> Refusal.invalid("industry", "tendering.facts.industry"));
		FundingSource funding = FundingSource.of(f.fundingSource())
			.orElseThrow(() -> Refusal.invalid("fundingSource", "tendering.facts.fundingSource"));
		String remark = f.fundingRemark() == null || f.fundingRemark().isBlank() ? null
				: sized(f.fundingRemark(), "fundingRemark", "tendering.facts.fundingRemark", 1, 200);
		String scale = sized(f.scale(), "projectScale", "tendering.facts.scale", 2, 500);
		String document = sized(f.approvalDocument(), "approvalDocument", "tendering.facts.approvalDocument", 2, 200);
		if (f.mustTender() == null) {
			throw Refusal.invalid("mustTender", "tendering.facts.mustTender");
		}
		TenderType type = TenderType.of(f.tenderType())
			.orElseThrow(() -> Refusal.invalid("tenderType", "tendering.facts.tenderType"));
		String scope = sized(f.scope(), "tenderScope", "tendering.facts.scope", 10, 2000);
		String supervisor = sized(f.supervisor(), "supervisor", "tendering.facts.supervisor", 2, 100);
		String approver = sized(f.approver(), "approver", "tendering.facts.approver", 2, 100);
		return new ProjectFacts(address, legalPerson, industry.code(), funding.code(), remark, scale, document,
				f.mustTender(), type.code(), scope, supervisor, approver);
	}

	/**
	 * A project the law requires to be tendered is tendered (招标投标法 第三条): its section's category must run an open or
	 * invited tender, not a negotiation, an inquiry or another way. An unknown category is left to the section's check.
	 */
	private void requireTendering(SectionDetails section) {
		if (section.category() == null || !CategoryCode.isValid(section.category())) {
			return;
		}
		catalog.findCategory(CategoryCode.of(section.category())).filter(CategoryView::enabled)
			.filter(c -> c.family() == ProcedureFamily.TENDER || c.family() == ProcedureFamily.PROCUREMENT)
			.ifPresent(c -> {
				Procedure procedure = catalog.currentTemplate(c.code()).procedure();
				if (procedure != Procedure.OPEN_TENDER && procedure != Procedure.INVITED_TENDER) {
					throw Refusal.invalid("mustTender", "tendering.facts.mustTenderProcedure", c.nameZh());
				}
			});
	}

	/** Stripped text of {@code min} to {@code max} characters without control characters, or the refusal. */
	private static String sized(String value, String field, String key, int min, int max) {
		String text = value == null ? "" : value.strip();
		int length = text.codePointCount(0, text.length());
		if (length < min || length > max || text.codePoints().anyMatch(c -> Character.isISOControl(c))) {
			throw Refusal.invalid(field, key);
		}
		return text;
	}

	private String cityLetters() {
		return deployment.letters();
	}

	static Money money(String field, BigDecimal yuan) {
		if (yuan == null) {
			throw Refusal.invalid(field, "tendering.section." + field);
		}
		try {
			return Money.nonNegative(yuan);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, yuan.stripTrailingZeros().scale() > 2 ? "tendering.amount.decimals"
					: "tendering.section." + field, yuan.toPlainString());
		}
	}

	static String required(String value, String field, String key, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw Refusal.invalid(field, key);
		}
		return value.strip();
	}

	private static String optional(String value, String field, String key, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return required(value, field, key, max);
	}
}
