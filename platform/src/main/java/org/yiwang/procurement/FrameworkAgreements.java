package org.yiwang.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.procurement.ProcurementChanged.FrameworkRegistered;
import org.yiwang.procurement.ProcurementChanged.FrameworkResponded;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityStatus;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The first stage of a closed framework agreement (框架协议采购, 政府采购框架协议采购方式管理暂行办法 财政部令第110号):
 * a purchaser or agency registers it, the district's staff publish its call (征集公告, platform-signed), any approved
 * supplier responds with a unit price sealed until the deadline, and the team (the purchaser's side or the staff)
 * selects the entrants by price or by quality; the entry list (入围结果公告) is signed and published. Orders under the
 * agreement are {@link FrameworkOrders}'.
 */
@Service
public class FrameworkAgreements {

	/** Days from the call to the responses at least (the tender period, 政府采购法 第三十五条 applied to the call). */
	static final int MIN_RESPONSE_DAYS = 20;

	static final int MAX_RESPONSE_DAYS = 60;

	/** The agreement's term at most (财政部令第110号: generally one year, two at most). */
	static final int MAX_TERM_MONTHS = 24;

	static final BigDecimal MAX_QUALITY = new BigDecimal("100");

	private final CaseParties parties;

	private final Frameworks frameworks;

	private final OpenForms openForms;

	private final FrameworkSealedOffers sealedOffers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FrameworkAgreements(CaseParties parties, Frameworks frameworks, OpenForms openForms,
			FrameworkSealedOffers sealedOffers, ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.frameworks = frameworks;
		this.openForms = openForms;
		this.sealedOffers = sealedOffers;
		this.events = events;
		this.clock = clock;
	}

	/** A purchaser (or agency) registers a framework; a refusal names the field to fix. */
	public FrameworkView register(NewFramework request) {
		return register(request, false);
	}

	/** Registers a closed framework, or an open one (marked in the same transaction; {@link OpenFrameworks}). */
	FrameworkView register(NewFramework request, boolean open) {
		EntityView purchaser = parties.approvedPurchaser();
		if (request == null) {
			throw Refusal.invalid("title", "procurement.text.required");
		}
		RegionView region = parties.region(request.region());
		CategoryView category = parties.category(request.category());
		String title = CaseParties.text("title", request.title(), 200);
		String requirements = CaseParties.text("requirements", request.requirements(), 5000);
		String unit = CaseParties.text("unit", request.unit(), 20);
		Money max = CaseParties.amount("maxUnitPrice", request.maxUnitPrice());
		if (request.evaluation() == null) {
			throw Refusal.invalid("evaluation", "procurement.framework.evaluation.required");
		}
		if (request.secondStage() == null) {
			throw Refusal.invalid("secondStage", "procurement.framework.secondStage.required");
		}
		if (request.entryCap() != null && (request.entryCap() < 1 || request.entryCap() > 100)) {
			throw Refusal.invalid("entryCap", "procurement.framework.entryCap", 1, 100);
		}
		if (request.termMonths() == null || request.termMonths() < 1 || request.termMonths() > MAX_TERM_MONTHS) {
			throw Refusal.invalid("termMonths", "procurement.framework.term", 1, MAX_TERM_MONTHS);
		}
		int days = request.responseDays() == null ? MIN_RESPONSE_DAYS : request.responseDays();
		if (days < MIN_RESPONSE_DAYS || days > MAX_RESPONSE_DAYS) {
			throw Refusal.invalid("responseDays", "procurement.responseDays.calendar", MIN_RESPONSE_DAYS,
					MAX_RESPONSE_DAYS);
		}
		Acting acting = Actors.required();
		Instant now = clock.instant();
		FrameworkView f = new FrameworkView(UUID.randomUUID(), CaseParties.tradeCode("ZC-KJ", region.code(), clock), region.code(), category.code(),
				title, requirements, unit, max, request.evaluation(), request.secondStage(), request.entryCap(),
				request.termMonths(), purchaser.id(), purchaser.name(), purchaser.creditCode(), now,
				FrameworkStatus.SUBMITTED, null, null, null, null, null, null, null, null, null, 0, List.of());
		parties.platform(() -> {
			frameworks.add(f, days, acting.actor().username());
			if (open) {
				openForms.mark(f.id(), f.region());
			}
			events.publishEvent(new FrameworkRegistered(acting.actor(), f.id(), f.region(), now));
			return null;
		});
		return get(f.id());
	}

	/** The district's staff publish the call: responses until the end of the last day, the notice platform-signed. */
	public FrameworkView publish(UUID id, long seenVersion) {
		Acting staff = CaseParties.staff();
		parties.scoped(() -> {
			FrameworkView f = frameworks.forUpdate(id);
			CaseParties.publishable(f.status() == FrameworkStatus.SUBMITTED, f.version(), seenVersion);
			if (openForms.isOpen(id)) {
				throw Refusal.conflict(null, "procurement.framework.open.publishOpen");
			}
			Instant now = clock.instant();
			LocalDate today = LocalDate.ofInstant(now, CaseParties.CHINA);
			Instant deadline = CaseParties.endOf(today.plusDays(frameworks.responseDays(id)));
			String text = String.join("\n", "框架协议采购征集公告", "项目名称：" + f.title(), "交易编码：" + f.tradeCode().value(),
					"采购方式：框架协议采购（封闭式）", "征集人：" + f.purchaserName(), "采购需求：" + f.requirements(),
					"最高限制单价：" + CaseParties.yuan(f.maxUnitPrice()) + "/" + f.unit(),
					"入围评审方法：" + evaluationName(f.evaluation()) + "，淘汰比例不低于 20%，且至少淘汰一家",
					"入围供应商数量上限：" + (f.entryCap() == null ? "不设上限" : f.entryCap() + " 家"),
					"第二阶段成交方式：" + stageName(f.secondStage()), "框架协议有效期：入围结果公告之日起 " + f.termMonths() + " 个月",
					"响应文件提交截止时间：" + CaseParties.shown(deadline), "发布时间：" + CaseParties.shown(now));
			FrameworkView published = f.published(now, deadline, text, parties.sign(text));
			frameworks.update(published, f.version());
			// the responses' unit prices are sealed by the suppliers to this key, split among the key custodians
			sealedOffers.responseKey(published);
			events.publishEvent(new FrameworkNoticePublished(staff.actor(), id, f.tradeCode(), f.region(), f.category(),
					f.title(), f.maxUnitPrice(), f.purchaserName(), f.purchaserCreditCode(), deadline, text,
					published.noticeSignature(), 0, now));
			return null;
		});
		return get(id);
	}

	/**
	 * An approved supplier, not barred and not the purchaser, responds before the deadline; a response may be replaced
	 * until the deadline. Its unit price (at most the maximum, sealed until selection) comes as an envelope the supplier
	 * sealed ({@link FrameworkSealedOffers#submitResponse}); only a framework published before migration 3020 takes a
	 * typed {@code unitPrice}, which the platform seals.
	 */
	public FrameworkSupplierView respond(UUID id, String response, BigDecimal unitPrice) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		String text = CaseParties.text("response", response, 5000);
		Money price = unitPrice == null ? null : CaseParties.amount("unitPrice", unitPrice);
		EntityView me = parties.registry.myEntity()
			.filter(e -> e.status() == EntityStatus.APPROVED && e.roles().contains(EntityRole.BIDDER))
			.orElseThrow(() -> Refusal.conflict(null, "procurement.noEntity"));
		return parties.platform(() -> {
			FrameworkView f = frameworks.forUpdate(id);
			Instant now = clock.instant();
			if (f.status() != FrameworkStatus.PUBLISHED || !now.isBefore(f.responseDeadline())) {
				throw Refusal.conflict(null, "procurement.respond.closed");
			}
			if (me.id().equals(f.purchaser())) {
				throw Refusal.conflict(null, "procurement.framework.ownCall");
			}
			if (parties.barred(me.id(), f.region(), f.category(), now)) {
				throw Refusal.conflict(null, "procurement.framework.barred");
			}
			boolean envelope = sealedOffers.seals(id, FrameworkSealedOffers.RESPONSE);
			if (envelope && price != null) {
				throw Refusal.invalid("unitPrice", "procurement.framework.sealUnitPrice");
			}
			if (!envelope && price == null) {
				throw Refusal.invalid("unitPrice", "procurement.amount.required");
			}
			if (price != null && price.yuan().compareTo(f.maxUnitPrice().yuan()) > 0) {
				throw Refusal.invalid("unitPrice", "procurement.framework.aboveMax", f.maxUnitPrice().yuan().toPlainString());
			}
			byte[] sealed = envelope ? null : parties.seal(context(id, me), price);
			frameworks.respond(id, f.region(), me.id(), me.name(), me.creditCode(), text, sealed, now,
					acting.actor().username());
			events.publishEvent(new FrameworkResponded(acting.actor(), id, me.id().toString(),
					sealed == null ? null : Sha256.hex(sealed), f.region(), now));
			return frameworks.responses(id).stream().filter(r -> r.supplier().equals(me.id())).findFirst().orElseThrow()
				.view(true);
		});
	}

	/**
	 * The team selects the entrants once the deadline passed: the sealed prices open, quality-first frameworks take the
	 * team's score (0–100) for every response, and the entry list is signed and published. Fewer than two responses and
	 * the framework fails (nobody can enter with one in five eliminated).
	 */
	public FrameworkView select(UUID id, Map<org.yiwang.registry.EntityId, BigDecimal> qualityScores) {
		Acting acting = Actors.required();
		parties.scoped(() -> {
			FrameworkView f = team(frameworks.forUpdate(id));
			Instant now = clock.instant();
			if (f.status() != FrameworkStatus.PUBLISHED) {
				throw Refusal.conflict(null, "procurement.open.notPublished");
			}
			if (now.isBefore(f.responseDeadline())) {
				throw Refusal.conflict(null, "procurement.open.beforeDeadline", CaseParties.shown(f.responseDeadline()));
			}
			// unit prices sealed by the suppliers: the custodians open them first; a response whose price is missing or
			// was refused at opening (above the maximum, tampered, another supplier's) is no valid response
			boolean envelopes = sealedOffers.seals(id, FrameworkSealedOffers.RESPONSE);
			if (envelopes && sealedOffers.pending(id, FrameworkSealedOffers.RESPONSE)) {
				throw Refusal.conflict(null, "procurement.open.sharesNeeded");
			}
			Map<org.yiwang.registry.EntityId, OfferRows.Row> sealedPrices = envelopes
					? sealedOffers.opened(id, FrameworkSealedOffers.RESPONSE) : Map.of();
			List<EntrySelection.Candidate> priced = new ArrayList<>();
			for (Frameworks.Response r : frameworks.responses(id)) {
				if (!envelopes) {
					priced.add(new EntrySelection.Candidate(r.supplier(), parties.open(context(id, r.supplier()), r.sealed()),
							null, r.respondedAt()));
				}
				else if (sealedPrices.containsKey(r.supplier())) {
					// the price's time is its envelope's: the earlier sealed price wins a tie
					OfferRows.Row row = sealedPrices.get(r.supplier());
					priced.add(new EntrySelection.Candidate(r.supplier(), row.amount(), null, row.receivedAt()));
				}
			}
			List<EntrySelection.Candidate> candidates = new ArrayList<>();
			for (EntrySelection.Candidate p : priced) {
				BigDecimal score = null;
				if (f.evaluation() == FrameworkEvaluation.QUALITY_FIRST && priced.size() >= EntrySelection.MIN_RESPONSES) {
					score = qualityScores == null ? null : qualityScores.get(p.supplier());
					if (score == null || score.signum() < 0 || score.compareTo(MAX_QUALITY) > 0
							|| score.stripTrailingZeros().scale() > 2) {
						String name = frameworks.responses(id).stream().filter(r -> r.supplier().equals(p.supplier()))
							.findFirst().map(Frameworks.Response::name).orElse("");
						throw Refusal.invalid("qualityScore", "procurement.framework.qualityScore", name);
					}
				}
				candidates.add(new EntrySelection.Candidate(p.supplier(), p.unitPrice(), score, p.respondedAt()));
			}
			List<Frameworks.Response> responses = frameworks.responses(id).stream()
				.filter(r -> candidates.stream().anyMatch(c -> c.supplier().equals(r.supplier()))).toList();
			List<EntrySelection.Ranked> ranked = EntrySelection.rank(candidates, f.evaluation(), f.entryCap());
			for (EntrySelection.Ranked r : ranked) {
				frameworks.ranked(id, r.candidate().supplier(), r.candidate().unitPrice(), r.candidate().qualityScore(),
						r.rank(), r.entered());
			}
			List<FrameworkEntryPublished.Entrant> entrants = new ArrayList<>();
			for (Frameworks.Response r : frameworks.responses(id)) {
				if (r.entered()) {
					entrants.add(new FrameworkEntryPublished.Entrant(r.name(), r.creditCode(), Money.of(r.unitPrice()),
							r.rank()));
				}
			}
			boolean failed = entrants.isEmpty();
			LocalDate today = LocalDate.ofInstant(now, CaseParties.CHINA);
			Instant until = failed ? null : CaseParties.endOf(today.plusMonths(f.termMonths()).minusDays(1));
			String text = failed ? failureText(f, responses.size(), now) : entryText(f, responses.size(), entrants, until, now);
			String failure = failed ? "procurement.framework.failed.tooFew" : null;
			FrameworkView done = f.selected(failed ? FrameworkStatus.FAILED : FrameworkStatus.IN_FORCE, now, until, text,
					parties.sign(text), failure);
			frameworks.update(done, f.version());
			events.publishEvent(new FrameworkEntryPublished(acting.actor(), id, f.tradeCode(), f.region(), f.category(),
					f.title(), f.maxUnitPrice(), f.purchaserName(), f.purchaserCreditCode(), List.copyOf(entrants), failure,
					text, done.entrySignature(), 0, now));
			return null;
		});
		return get(id);
	}

	private String entryText(FrameworkView f, int responses, List<FrameworkEntryPublished.Entrant> entrants,
			Instant until, Instant now) {
		List<String> lines = new ArrayList<>(List.of("框架协议入围结果公告", "项目名称：" + f.title(),
				"交易编码：" + f.tradeCode().value(), "采购方式：框架协议采购（封闭式）", "征集人：" + f.purchaserName(),
				"入围评审方法：" + evaluationName(f.evaluation()),
				"响应供应商 " + responses + " 家，入围 " + entrants.size() + " 家"));
		for (FrameworkEntryPublished.Entrant e : entrants) {
			lines.add("第 " + e.rank() + " 名：" + e.name() + (e.creditCode() == null ? "" : "（统一社会信用代码 " + e.creditCode()
					+ "）") + "，入围单价 " + CaseParties.yuan(e.unitPrice()) + "/" + f.unit());
		}
		lines.add("第二阶段成交方式：" + stageName(f.secondStage()));
		lines.add("框架协议有效期至：" + CaseParties.shown(until));
		lines.add("公告时间：" + CaseParties.shown(now));
		return String.join("\n", lines);
	}

	private static String failureText(FrameworkView f, int responses, Instant now) {
		return String.join("\n", "框架协议采购终止公告", "项目名称：" + f.title(), "交易编码：" + f.tradeCode().value(),
				"征集人：" + f.purchaserName(), "终止原因：响应供应商 " + responses + " 家，不足 " + EntrySelection.MIN_RESPONSES
						+ " 家，无法按不低于 20% 的淘汰比例确定入围供应商",
				"公告时间：" + CaseParties.shown(now));
	}

	// --- reads ------------------------------------------------------------------------------------------------------

	/**
	 * The framework as the reader may see it: the team every response (prices once selected); a supplier its own
	 * response; the public a published framework, and once selected the entrants with their unit prices (the entry
	 * list names them).
	 */
	public Optional<FrameworkView> view(UUID id) {
		Optional<FrameworkView> team = Actors.current().flatMap(a -> parties.scoped(() -> frameworks.find(id)))
			.filter(f -> parties.onTeam(f.purchaser()));
		if (team.isPresent()) {
			return team.map(f -> f.withSuppliers(parties.scoped(() -> frameworks.responses(id)).stream()
				.map(r -> r.view(true)).toList()));
		}
		Optional<FrameworkView> published = parties.platform(() -> frameworks.find(id))
			.filter(f -> f.status() != FrameworkStatus.SUBMITTED);
		if (published.isEmpty()) {
			return Optional.empty();
		}
		Optional<EntityView> me = Actors.current().filter(a -> a.hasRole(Role.BIDDER))
			.flatMap(a -> parties.registry.myEntity());
		List<FrameworkSupplierView> visible = parties.platform(() -> frameworks.responses(id)).stream()
			.filter(r -> r.entered() || me.map(e -> e.id().equals(r.supplier())).orElse(false))
			.map(r -> r.view(me.map(e -> e.id().equals(r.supplier())).orElse(false))).toList();
		return Optional.of(published.get().withSuppliers(visible));
	}

	public FrameworkView get(UUID id) {
		return view(id).orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
	}

	/** Whether the signed-in account is the framework's team (its purchaser's side or the district's staff). */
	public boolean onTeam(UUID id) {
		return Actors.current().isPresent()
				&& parties.scoped(() -> frameworks.find(id)).map(f -> parties.onTeam(f.purchaser())).orElse(false);
	}

	/** The signed-in supplier's response, if it responded. */
	public Optional<FrameworkSupplierView> myResponse(UUID id) {
		if (Actors.current().filter(a -> a.hasRole(Role.BIDDER)).isEmpty()) {
			return Optional.empty();
		}
		Optional<EntityView> me = parties.registry.myEntity();
		return parties.platform(() -> frameworks.responses(id)).stream()
			.filter(r -> me.map(e -> e.id().equals(r.supplier())).orElse(false)).findFirst().map(r -> r.view(true));
	}

	/** Published frameworks, newest first, for anyone. */
	public List<FrameworkView> publicFrameworks() {
		return parties.platform(() -> frameworks.where("status <> 'SUBMITTED'"));
	}

	/** The signed-in party's frameworks: as purchaser or as a responding supplier. */
	public List<FrameworkView> mine() {
		Optional<EntityView> entity = parties.registry.myEntity();
		if (entity.isEmpty()) {
			return List.of();
		}
		java.util.UUID me = entity.get().id().value();
		return parties.platform(() -> frameworks.where("purchaser_id = ? or id in (select framework_id from "
				+ "procurement.framework_suppliers where supplier_id = ?)", me, me));
	}

	/** The staff's region(s): every framework. */
	public List<FrameworkView> regionFrameworks() {
		CaseParties.staff();
		return parties.scoped(() -> frameworks.where("true"));
	}

	FrameworkView team(FrameworkView f) {
		if (!parties.onTeam(f.purchaser())) {
			throw Refusal.notFound("procurement.framework.notFound");
		}
		return f;
	}

	static String context(UUID framework, EntityView supplier) {
		return context(framework, supplier.id());
	}

	static String context(UUID framework, org.yiwang.registry.EntityId supplier) {
		return "framework:" + framework + ":" + supplier.value();
	}

	static String evaluationName(FrameworkEvaluation evaluation) {
		return evaluation == FrameworkEvaluation.QUALITY_FIRST ? "质量优先法" : "价格优先法";
	}

	static String stageName(SecondStage stage) {
		return switch (stage) {
			case DIRECT_SELECTION -> "直接选定";
			case RE_COMPETITION -> "二次竞价";
			case ROTATION -> "顺序轮候";
		};
	}
}
