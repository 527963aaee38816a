package org.yiwang.procurement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.ProcurementChanged.FrameworkResponded;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityStatus;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Open framework agreements (开放式框架协议, 财政部令第110号; the rules as applied are listed in docs/procurement.md, to be
 * checked against the text). The purchaser fixes the unit price (the call's price is what every order pays: no price
 * competition and no elimination at entry); the call, once published, puts the agreement in force for its term; during
 * the term any approved supplier, not barred and not the purchaser, joins by accepting the call's conditions and may
 * leave (退出) with a reason; each join and exit re-signs the member list; staff republish the call while the term runs.
 * The second stage is the closed form's ({@link FrameworkOrders}): direct selection or rotation among the members (no
 * re-competition: the price is fixed); a member that left receives no order.
 */
@Service
public class OpenFrameworks {

	private final CaseParties parties;

	private final Frameworks frameworks;

	private final OpenForms forms;

	private final FrameworkAgreements agreements;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OpenFrameworks(CaseParties parties, Frameworks frameworks, OpenForms forms, FrameworkAgreements agreements,
			ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.frameworks = frameworks;
		this.forms = forms;
		this.agreements = agreements;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A purchaser registers an open framework: as a closed one, but {@code maxUnitPrice} is the fixed price, there is no
	 * cap on members and no re-competition.
	 */
	public FrameworkView register(NewFramework request) {
		if (request != null && request.secondStage() == SecondStage.RE_COMPETITION) {
			throw Refusal.invalid("secondStage", "procurement.framework.open.noReCompetition");
		}
		if (request != null && request.entryCap() != null) {
			throw Refusal.invalid("entryCap", "procurement.framework.open.noCap");
		}
		return agreements.register(request, true);
	}

	/** Whether the framework is open (false for an unknown one). */
	public boolean isOpen(UUID id) {
		return parties.platform(() -> forms.isOpen(id));
	}

	/** The district's staff publish the call: signed, and the agreement in force from now to the end of its term. */
	public FrameworkView publish(UUID id, long seenVersion) {
		Acting staff = CaseParties.staff();
		parties.scoped(() -> {
			FrameworkView f = open(frameworks.forUpdate(id));
			CaseParties.publishable(f.status() == FrameworkStatus.SUBMITTED, f.version(), seenVersion);
			Instant now = clock.instant();
			Instant until = CaseParties.endOf(LocalDate.ofInstant(now, CaseParties.CHINA).plusMonths(f.termMonths())
				.minusDays(1));
			String notice = callText(f, until, now, 0);
			String members = memberText(f, List.of(), until, now, 0);
			FrameworkView published = f.published(now, until, notice, parties.sign(notice))
				.selected(FrameworkStatus.IN_FORCE, now, until, members, parties.sign(members), null);
			frameworks.update(published, f.version());
			events.publishEvent(new FrameworkNoticePublished(staff.actor(), id, f.tradeCode(), f.region(), f.category(),
					f.title(), f.maxUnitPrice(), f.purchaserName(), f.purchaserCreditCode(), until, notice,
					published.noticeSignature(), 0, now));
			return null;
		});
		return agreements.get(id);
	}

	/**
	 * Staff republish the call while the term runs (the call stays open to new suppliers): re-signed with the date of
	 * republication and published again.
	 */
	public FrameworkView republish(UUID id) {
		Acting staff = CaseParties.staff();
		parties.scoped(() -> {
			FrameworkView f = inForce(open(frameworks.forUpdate(id)));
			Instant now = clock.instant();
			int times = forms.republished(id, now);
			String notice = callText(f, f.validUntil(), now, times);
			FrameworkView again = f.noticed(notice, parties.sign(notice));
			frameworks.update(again, f.version());
			events.publishEvent(new FrameworkNoticePublished(staff.actor(), id, f.tradeCode(), f.region(), f.category(),
					f.title(), f.maxUnitPrice(), f.purchaserName(), f.purchaserCreditCode(), f.validUntil(), notice,
					again.noticeSignature(), times, now));
			return null;
		});
		return agreements.get(id);
	}

	/** An approved supplier joins during the term by accepting the call (its statement against the requirements). */
	public FrameworkSupplierView join(UUID id, String response) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		String text = CaseParties.text("response", response, 5000);
		EntityView me = parties.registry.myEntity()
			.filter(e -> e.status() == EntityStatus.APPROVED && e.roles().contains(EntityRole.BIDDER))
			.orElseThrow(() -> Refusal.conflict(null, "procurement.noEntity"));
		return parties.platform(() -> {
			FrameworkView f = inForce(open(frameworks.forUpdate(id)));
			Instant now = clock.instant();
			if (me.id().equals(f.purchaser())) {
				throw Refusal.conflict(null, "procurement.framework.ownCall");
			}
			if (parties.barred(me.id(), f.region(), f.category(), now)) {
				throw Refusal.conflict(null, "procurement.framework.barred");
			}
			if (frameworks.responses(id).stream().anyMatch(r -> r.supplier().equals(me.id()) && r.entered())) {
				throw Refusal.conflict(null, "procurement.framework.open.member");
			}
			// the member accepts the fixed price, which is no secret: nothing is sealed
			forms.join(id, f.region(), me.id(), me.name(), me.creditCode(), text, null, f.maxUnitPrice().yuan(),
					forms.nextRank(id), now, acting.actor().username());
			events.publishEvent(new FrameworkResponded(acting.actor(), id, me.id().toString(), null, f.region(), now));
			relist(acting, f, now);
			return mine(id, me);
		});
	}

	/** A member leaves the agreement with its reason; it receives no further order (and may join again later). */
	public FrameworkSupplierView exit(UUID id, String reason) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		String why = CaseParties.text("reason", reason, 500);
		EntityView me = parties.registry.myEntity().orElseThrow(() -> Refusal.notFound("procurement.framework.notFound"));
		return parties.platform(() -> {
			FrameworkView f = open(frameworks.forUpdate(id));
			if (frameworks.responses(id).stream().noneMatch(r -> r.supplier().equals(me.id()) && r.entered())) {
				throw Refusal.conflict(null, "procurement.framework.open.notMember");
			}
			Instant now = clock.instant();
			forms.exit(id, me.id(), why, now);
			relist(acting, f, now);
			return mine(id, me);
		});
	}

	/**
	 * The members' list re-signed after a join or an exit (shown on the framework's page as its entry list) and
	 * published: each change is a portal record of its own ({@link FrameworkEntryPublished#revision}).
	 */
	private void relist(Acting acting, FrameworkView f, Instant now) {
		List<FrameworkEntryPublished.Entrant> members = new ArrayList<>();
		for (Frameworks.Response r : frameworks.responses(f.id())) {
			if (r.entered()) {
				members.add(new FrameworkEntryPublished.Entrant(r.name(), r.creditCode(), Money.of(r.unitPrice()),
						r.rank()));
			}
		}
		int revision = forms.memberListChanged(f.id());
		String text = memberText(f, members, f.validUntil(), now, revision);
		String signature = parties.sign(text);
		frameworks.update(f.selected(f.status(), f.selectedAt(), f.validUntil(), text, signature, null), f.version());
		events.publishEvent(new FrameworkEntryPublished(acting.actor(), f.id(), f.tradeCode(), f.region(), f.category(),
				f.title(), f.maxUnitPrice(), f.purchaserName(), f.purchaserCreditCode(), List.copyOf(members), null, text,
				signature, revision, now));
	}

	private FrameworkView open(FrameworkView f) {
		if (!forms.isOpen(f.id())) {
			throw Refusal.conflict(null, "procurement.framework.open.notOpen");
		}
		return f;
	}

	private FrameworkView inForce(FrameworkView f) {
		if (!f.inForceAt(clock.instant())) {
			throw Refusal.conflict(null, "procurement.framework.open.closed");
		}
		return f;
	}

	private FrameworkSupplierView mine(UUID id, EntityView me) {
		return frameworks.responses(id).stream().filter(r -> r.supplier().equals(me.id())).findFirst().orElseThrow()
			.view(true);
	}

	private static String callText(FrameworkView f, Instant until, Instant now, int republication) {
		return String.join("\n", "框架协议采购征集公告（开放式）" + (republication > 0 ? "（第 " + republication + " 次重新发布）" : ""),
				"项目名称：" + f.title(), "交易编码：" + f.tradeCode().value(), "采购方式：框架协议采购（开放式）",
				"征集人：" + f.purchaserName(), "采购需求及入围条件：" + f.requirements(),
				"确定价格：" + CaseParties.yuan(f.maxUnitPrice()) + "/" + f.unit() + "（入围供应商均按此价格成交，不再竞价）",
				"加入方式：框架协议有效期内，符合条件的供应商可随时在本平台申请加入，也可申请退出",
				"第二阶段成交方式：" + FrameworkAgreements.stageName(f.secondStage()),
				"框架协议有效期至：" + CaseParties.shown(until), "发布时间：" + CaseParties.shown(now));
	}

	private static String memberText(FrameworkView f, List<FrameworkEntryPublished.Entrant> members, Instant until,
			Instant now, int revision) {
		List<String> lines = new ArrayList<>(List.of(
				"开放式框架协议入围供应商名单" + (revision > 0 ? "（第 " + revision + " 次更新）" : ""), "项目名称：" + f.title(),
				"交易编码：" + f.tradeCode().value(), "确定价格：" + CaseParties.yuan(f.maxUnitPrice()) + "/" + f.unit(),
				"当前入围供应商 " + members.size() + " 家"));
		for (FrameworkEntryPublished.Entrant m : members) {
			lines.add(m.name() + (m.creditCode() == null ? "" : "（统一社会信用代码 " + m.creditCode() + "）"));
		}
		lines.add("框架协议有效期至：" + CaseParties.shown(until));
		lines.add("更新时间：" + CaseParties.shown(now));
		return String.join("\n", lines);
	}
}
