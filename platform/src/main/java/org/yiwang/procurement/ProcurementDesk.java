package org.yiwang.procurement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.RegionView;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.ProcurementChanged.ObjectionAnswered;
import org.yiwang.procurement.ProcurementChanged.ObjectionRaised;
import org.yiwang.procurement.ProcurementChanged.Registered;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityStatus;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The procurement module's entry point for cases: a purchaser registers a case with its method and invited suppliers,
 * the district's staff publish its notice (platform-signed; its period counted from the law's minimum), anyone reads
 * published cases; during a single source's publicity anyone signed in objects and staff answer. The negotiation
 * itself is the {@link NegotiationRoom}'s.
 */
@Service
public class ProcurementDesk {

	/** Suppliers one case may invite at most. */
	static final int MAX_SUPPLIERS = 20;

	static final int MAX_RESPONSE_DAYS = 60;

	private final SealedOffers sealedOffers;

	private final CaseParties parties;

	private final Cases cases;

	private final Catalog catalog;

	private final WorkingCalendar calendar;

	private final Outcomes outcomes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProcurementDesk(CaseParties parties, Catalog catalog, WorkingCalendar calendar, Outcomes outcomes,
			SealedOffers sealedOffers, ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.sealedOffers = sealedOffers;
		this.cases = parties.cases;
		this.catalog = catalog;
		this.calendar = calendar;
		this.outcomes = outcomes;
		this.events = events;
		this.clock = clock;
	}

	/** Categories a case may be registered in: government and other procurement, and intermediary services. */
	public static boolean procuredHere(ProcedureFamily family) {
		return family == ProcedureFamily.PROCUREMENT || family == ProcedureFamily.INTERMEDIARY;
	}

	/** A purchaser (or agency) registers a case; every field is checked and a refusal names the field to fix. */
	public ProcurementView register(NewProcurement request) {
		EntityView purchaser = parties.approvedPurchaser();
		if (request == null) {
			throw Refusal.invalid("title", "procurement.text.required");
		}
		RegionView region = parties.region(request.region());
		CategoryView category = parties.category(request.category());
		ProcurementMethod method = request.method();
		if (method == null) {
			throw Refusal.invalid("method", "procurement.method.required");
		}
		String title = CaseParties.text("title", request.title(), 200);
		String requirements = CaseParties.text("requirements", request.requirements(), 5000);
		Money budget = CaseParties.amount("budget", request.budget());
		int days = request.responseDays() == null ? method.minDays() : request.responseDays();
		if (days < method.minDays() || days > MAX_RESPONSE_DAYS) {
			throw Refusal.invalid("responseDays", method.workingDays() ? "procurement.responseDays.working"
					: "procurement.responseDays.calendar", method.minDays(), MAX_RESPONSE_DAYS);
		}
		String reason = method == ProcurementMethod.SINGLE_SOURCE
				? CaseParties.text("singleSourceReason", request.singleSourceReason(), 1000) : null;
		List<EntityView> suppliers = suppliers(request.suppliers(), method, purchaser, region.code(), category.code());
		ProcedureTemplate template = catalog.currentTemplate(category.code());
		Instant now = clock.instant();
		Acting acting = Actors.required();
		UUID made = parties.scoped(() -> {
			ProcurementView c = new ProcurementView(UUID.randomUUID(), CaseParties.tradeCode("ZC", region.code(), clock), region.code(),
					category.code(), template.version(), method, title, requirements, budget,
					reason, purchaser.id(), purchaser.name(), purchaser.creditCode(), now, ProcurementStatus.SUBMITTED, null,
					null, null, 0, null, null, null, null, null, null, null, null, null, 0, List.of());
			cases.add(c, days, acting.actor().username());
			for (EntityView s : suppliers) {
				cases.addSupplier(c.id(), region.code(), s.id(), s.name(), s.creditCode());
			}
			events.publishEvent(new Registered(acting.actor(), c.id(), method.name(), region.code(), now));
			return c.id();
		});
		return get(made);
	}

	/**
	 * The district's staff publish the notice: the period runs from the day after publication for the method's
	 * days (working days where the rule counts them), and the notice is platform-signed.
	 */
	public ProcurementView publish(UUID id, long seenVersion) {
		Acting staff = CaseParties.staff();
		parties.scoped(() -> {
			ProcurementView c = cases.forUpdate(id);
			CaseParties.publishable(c.status() == ProcurementStatus.SUBMITTED, c.version(), seenVersion);
			Instant now = clock.instant();
			int days = cases.responseDays(id);
			LocalDate today = LocalDate.ofInstant(now, CaseParties.CHINA);
			LocalDate last = c.method().workingDays() ? calendar.schedule().after(today, days).lastDay()
					: today.plusDays(days);
			Instant deadline = CaseParties.endOf(last);
			List<Cases.Supplier> invited = cases.suppliers(id);
			String text = noticeText(c, invited, now, deadline);
			ProcurementView published = c.moved(ProcurementStatus.PUBLISHED, now, deadline, null, 0, text,
					parties.sign(text));
			cases.update(published, c.version());
			if (c.method() != ProcurementMethod.SINGLE_SOURCE) {
				// quotes and first offers are sealed by the suppliers to this key (final offers to one made when they are
				// called); its private key is split among the key custodians (as a tender section's), so the platform
				// cannot read them before the deadline
				sealedOffers.firstKey(c);
			}
			List<String> named = invited.stream().map(s -> s.name() + "|" + (s.creditCode() == null ? "" : s.creditCode()))
				.toList();
			events.publishEvent(new ProcurementNoticePublished(staff.actor(), id, c.tradeCode(), c.region(), c.category(),
					c.method(), c.title(), c.requirements(), c.budget(), c.purchaserName(), c.purchaserCreditCode(),
					c.method() == ProcurementMethod.SINGLE_SOURCE ? named : List.of(), deadline, text,
					published.noticeSignature(), now));
			return null;
		});
		return get(id);
	}

	private static String noticeText(ProcurementView c, List<Cases.Supplier> invited, Instant now, Instant deadline) {
		List<String> lines = new ArrayList<>();
		boolean single = c.method() == ProcurementMethod.SINGLE_SOURCE;
		lines.add(single ? "单一来源采购公示" : CaseParties.methodName(c.method()) + "采购公告");
		lines.add("项目名称：" + c.title());
		lines.add("交易编码：" + c.tradeCode().value());
		lines.add("采购方式：" + CaseParties.methodName(c.method()));
		lines.add("采购人：" + c.purchaserName());
		lines.add("预算金额：" + CaseParties.yuan(c.budget()));
		lines.add("采购需求：" + c.requirements());
		if (single) {
			lines.add("拟定唯一供应商：" + invited.get(0).name());
			lines.add("采用单一来源方式的理由：" + c.singleSourceReason());
			lines.add("公示期至：" + CaseParties.shown(deadline) + "，公示期内可在本平台提出异议");
		}
		else {
			lines.add("受邀供应商数量：" + invited.size() + " 家");
			lines.add("响应文件提交截止时间：" + CaseParties.shown(deadline));
		}
		lines.add("发布时间：" + CaseParties.shown(now));
		return String.join("\n", lines);
	}

	// --- reads ------------------------------------------------------------------------------------------------------

	/**
	 * The case as the reader may see it. Staff and the purchaser's side see every supplier (amounts once opened); a
	 * supplier sees its own row only (政府采购法 第三十八条第四项: nobody learns another's price or terms); the public sees
	 * published cases, and suppliers' names only where the notice names them (single source) or the result does.
	 */
	public Optional<ProcurementView> view(UUID id) {
		Optional<Acting> acting = Actors.current();
		Optional<ProcurementView> team = acting.flatMap(a -> parties.scoped(() -> cases.find(id))).filter(c -> {
			try {
				parties.asTeam(c);
				return true;
			}
			catch (Refusal notTeam) {
				return false;
			}
		});
		if (team.isPresent()) {
			return team.map(c -> c.withSuppliers(parties.scoped(() -> cases.suppliers(id)).stream()
				.map(s -> s.view(true)).toList()));
		}
		Optional<ProcurementView> published = parties.platform(() -> cases.find(id))
			.filter(c -> c.status() != ProcurementStatus.SUBMITTED);
		if (published.isEmpty()) {
			return Optional.empty();
		}
		ProcurementView c = published.get();
		Optional<EntityView> me = acting.filter(a -> a.hasRole(Role.BIDDER)).flatMap(a -> parties.registry.myEntity());
		List<Cases.Supplier> rows = parties.platform(() -> cases.suppliers(id));
		List<SupplierView> visible = rows.stream()
			.filter(s -> me.map(e -> e.id().equals(s.supplier())).orElse(false))
			.map(s -> s.view(true)).toList();
		if (visible.isEmpty() && c.method() == ProcurementMethod.SINGLE_SOURCE) {
			visible = rows.stream().map(s -> s.view(false)).toList();
		}
		return Optional.of(c.withSuppliers(visible));
	}

	/** Whether the signed-in account sits on the case's team: its purchaser's side or the district's staff. */
	public boolean onTeam(UUID id) {
		if (Actors.current().isEmpty()) {
			return false;
		}
		try {
			return parties.scoped(() -> cases.find(id)).map(parties::asTeam).isPresent();
		}
		catch (Refusal notTeam) {
			return false;
		}
	}

	/** The signed-in supplier's own part in the case, if it was invited. */
	public Optional<SupplierView> myPart(UUID id) {
		Optional<Acting> acting = Actors.current().filter(a -> a.hasRole(Role.BIDDER));
		if (acting.isEmpty()) {
			return Optional.empty();
		}
		Optional<EntityView> me = parties.registry.myEntity();
		return parties.platform(() -> cases.suppliers(id)).stream()
			.filter(s -> me.map(e -> e.id().equals(s.supplier())).orElse(false)).findFirst().map(s -> s.view(true));
	}

	public ProcurementView get(UUID id) {
		return view(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
	}

	/** The signed-in party's cases: as purchaser, or as an invited supplier. */
	public List<ProcurementView> mine() {
		Optional<EntityView> entity = parties.registry.myEntity();
		if (entity.isEmpty()) {
			return List.of();
		}
		EntityView me = entity.get();
		return parties.scoped(() -> cases.where(
				"purchaser_id = ? or id in (select case_id from procurement.suppliers where supplier_id = ?)",
				me.id().value(), me.id().value()));
	}

	/** The staff's region(s): every case, those awaiting publication first. */
	public List<ProcurementView> regionCases() {
		CaseParties.staff();
		return parties.scoped(() -> cases.where("true"));
	}

	/** Published cases, newest first, for anyone. */
	public List<ProcurementView> publicCases() {
		return parties.platform(() -> cases.where("status <> 'SUBMITTED'"));
	}

	/** Negotiation rounds: the team sees all, a supplier what was said to it; nobody else anything. */
	public List<RoundView> rounds(UUID id) {
		ProcurementView c = get(id);
		Acting acting = Actors.required();
		try {
			parties.asTeam(c);
			return parties.scoped(() -> cases.rounds(id));
		}
		catch (Refusal notTeam) {
			if (!acting.hasRole(Role.BIDDER)) {
				return List.of();
			}
			Optional<EntityView> me = parties.registry.myEntity();
			return parties.platform(() -> cases.rounds(id)).stream()
				.filter(r -> me.map(e -> e.id().equals(r.supplier())).orElse(false)).toList();
		}
	}

	public List<ObjectionView> objections(UUID id) {
		get(id);
		return parties.platform(() -> cases.objections(id));
	}

	// --- single-source objections ---------------------------------------------------------------------------------

	/** Anyone signed in objects to a single-source notice during its publicity (政府采购法实施条例 第三十八条). */
	public ObjectionView object(UUID id, String text) {
		Acting acting = Actors.required();
		String body = CaseParties.text("text", text, 2000);
		ProcurementView c = get(id);
		if (c.method() != ProcurementMethod.SINGLE_SOURCE) {
			throw Refusal.conflict(null, "procurement.objection.notSingleSource");
		}
		Instant now = clock.instant();
		if (c.status() != ProcurementStatus.PUBLISHED || !now.isBefore(c.responseDeadline())) {
			throw Refusal.conflict(null, "procurement.objection.publicityOver");
		}
		String name = parties.registry.myEntity().map(EntityView::name).orElse(acting.displayName());
		UUID objection = UUID.randomUUID();
		parties.platform(() -> {
			cases.addObjection(objection, id, c.region(), name, acting.actor().username(), body, now);
			events.publishEvent(new ObjectionRaised(acting.actor(), id, objection, c.region(), now));
			return null;
		});
		return parties.platform(() -> cases.objections(id)).stream().filter(o -> o.id().equals(objection)).findFirst()
			.orElseThrow();
	}

	/**
	 * Staff answer an objection. Upheld, the single-source case ends (the purchaser must procure by another method);
	 * dismissed, the publicity runs on.
	 */
	public ProcurementView answerObjection(UUID objectionId, boolean upheld, String answer) {
		Acting staff = CaseParties.staff();
		String body = CaseParties.text("answer", answer, 2000);
		return parties.scoped(() -> {
			ObjectionView o = cases.objection(objectionId).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			if (!o.open()) {
				throw Refusal.conflict(null, "procurement.objection.answered");
			}
			ProcurementView c = cases.forUpdate(o.procurement());
			Instant now = clock.instant();
			cases.answer(objectionId, upheld, body, staff.actor().username(), now);
			events.publishEvent(new ObjectionAnswered(staff.actor(), c.id(), objectionId, upheld, c.region(), now));
			if (upheld && !c.ended()) {
				outcomes.fail(staff.actor(), c, "procurement.failed.objectionUpheld", "单一来源公示异议成立：" + body, now);
			}
			return c;
		});
	}

	// --- checks -----------------------------------------------------------------------------------------------------

	/** The invited suppliers: approved entities holding the supplier role, none barred, none the purchaser. */
	private List<EntityView> suppliers(List<String> codes, ProcurementMethod method, EntityView purchaser,
			RegionCode region, CategoryCode category) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			if (code != null && !code.isBlank()) {
				distinct.add(code.strip().toUpperCase());
			}
		}
		if (method == ProcurementMethod.SINGLE_SOURCE ? distinct.size() != 1 : distinct.size() < method.minSuppliers()) {
			throw Refusal.invalid("suppliers", method == ProcurementMethod.SINGLE_SOURCE ? "procurement.suppliers.single"
					: "procurement.suppliers.tooFew", method.minSuppliers());
		}
		if (distinct.size() > MAX_SUPPLIERS) {
			throw Refusal.invalid("suppliers", "procurement.suppliers.tooMany", MAX_SUPPLIERS);
		}
		List<EntityView> found = new ArrayList<>();
		for (String code : distinct) {
			if (CreditCode.problem(code).isPresent()) {
				throw Refusal.invalid("suppliers", "procurement.suppliers.badCode", code);
			}
			EntityView entity = parties.registry.findByCreditCode(CreditCode.of(code))
				.filter(e -> e.status() == EntityStatus.APPROVED && e.roles().contains(EntityRole.BIDDER))
				.orElseThrow(() -> Refusal.invalid("suppliers", "procurement.suppliers.unknown", code));
			if (entity.id().equals(purchaser.id())) {
				throw Refusal.invalid("suppliers", "procurement.suppliers.purchaser", code);
			}
			if (parties.barred(entity.id(), region, category, clock.instant())) {
				throw Refusal.invalid("suppliers", "procurement.suppliers.barred", code);
			}
			found.add(entity);
		}
		return found;
	}
}
