package org.yiwang.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.evaluation.DrawOutcome;
import org.yiwang.evaluation.DrawStatus;
import org.yiwang.evaluation.DrawView;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.TeamDrawRequest;
import org.yiwang.kernel.Acting;
import org.yiwang.procurement.ProcurementChanged.TeamRequested;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * A case's negotiation, consultation or quotation team (谈判小组/磋商小组/询价小组): the purchaser's representatives and
 * experts, together an odd number of at least three, the experts at least two thirds (政府采购法 第三十八条第一项,
 * 第四十条第一项). The experts are drawn at random from the expert pool (实施条例 第三十九条) by evaluation's verifiable
 * draw: committed before anyone is drawn, the purchaser's and every invited supplier's employees avoided (第九条 回避),
 * sealed until the team opens the responses, then its record public like a tender committee's. Staff of the case's
 * district request it; the draw itself (picks, declines, redraws) runs on the draw's own page.
 */
@Service
public class NegotiationTeams {

	/** Representatives a team may name at most (with 2/3 experts a team of 31 has 10). */
	static final int MAX_REPRESENTATIVES = 10;

	private final CaseParties parties;

	private final Cases cases;

	private final Teams teams;

	private final ExpertDraws draws;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NegotiationTeams(CaseParties parties, Teams teams, ExpertDraws draws, ApplicationEventPublisher events,
			Clock clock) {
		this.parties = parties;
		this.cases = parties.cases;
		this.teams = teams;
		this.draws = draws;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Staff of the case's district form the team before the responses are opened: every field is checked here (the
	 * composition) or by the draw (specialties, seats, the pool large enough), and a refusal names the field.
	 */
	public TeamView request(UUID id, TeamRequest request) {
		Acting staff = CaseParties.staff();
		if (request == null) {
			throw Refusal.invalid("expertSeats", "procurement.team.experts.required");
		}
		Optional<Teams.Stored> existing = parties.scoped(() -> {
			cases.find(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			return teams.of(id);
		});
		// the draw's own reads and writes open their transactions (its refusals are audited in one of their own)
		if (existing.isPresent() && draws.teamDraw(existing.get().draw())
			.map(d -> d.status() != DrawStatus.EXHAUSTED).orElse(false)) {
			throw Refusal.conflict(null, "procurement.team.exists");
		}
		Instant now = clock.instant();
		record Checked(ProcurementView c, List<org.yiwang.registry.EntityId> avoided, int experts) {
		}
		Checked checked = parties.scoped(() -> {
			ProcurementView c = cases.find(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			int experts = composition(c, request, now);
			return new Checked(c, cases.suppliers(id).stream().map(Cases.Supplier::supplier).toList(), experts);
		});
		ProcurementView c = checked.c();
		DrawView draw = draws.requestTeam(new TeamDrawRequest(id, c.tradeCode().value(), c.region(), c.purchaser(),
				checked.avoided(), request.sitsAt(), request.expertSeats(), Set.of(), Set.of()));
		parties.scoped(() -> {
			// one live draw per case is the draw's own rule (a second request was refused above): record it
			teams.save(id, c.region(), draw.id(), request.representatives(), checked.experts(), request.sitsAt(),
					staff.actor().username(), now);
			events.publishEvent(new TeamRequested(staff.actor(), id, draw.id(), request.representatives().size(),
					checked.experts(), c.region(), now));
			return null;
		});
		return view(parties.scoped(() -> teams.of(id)).orElseThrow());
	}

	/** The team's composition and time checked against the case; the number of experts it asks for. */
	private static int composition(ProcurementView c, TeamRequest request, Instant now) {
		if (c.method() == ProcurementMethod.SINGLE_SOURCE) {
			throw Refusal.conflict(null, "procurement.team.singleSource");
		}
		if (c.status() != ProcurementStatus.SUBMITTED && c.status() != ProcurementStatus.PUBLISHED) {
			throw Refusal.conflict(null, "procurement.team.tooLate");
		}
		List<String> representatives = request.representatives();
		if (representatives.size() > MAX_REPRESENTATIVES) {
			throw Refusal.invalid("representatives", "procurement.team.representatives.tooMany", MAX_REPRESENTATIVES);
		}
		for (String name : representatives) {
			if (name.length() > 40) {
				throw Refusal.invalid("representatives", "procurement.team.representatives.name");
			}
		}
		if (Set.copyOf(representatives).size() != representatives.size()) {
			throw Refusal.invalid("representatives", "procurement.team.representatives.twice");
		}
		if (request.expertSeats().isEmpty()) {
			throw Refusal.invalid("expertSeats", "procurement.team.experts.required");
		}
		int experts = 0;
		for (var seat : request.expertSeats().entrySet()) {
			if (seat.getValue() == null || seat.getValue() < 1 || seat.getValue() > 30) {
				throw Refusal.invalid("expertSeats", "evaluation.draw.seats.range", seat.getKey());
			}
			experts += seat.getValue();
		}
		int size = experts + representatives.size();
		if (size < 3 || size % 2 == 0) {
			throw Refusal.invalid("expertSeats", "procurement.team.size", size);
		}
		if (experts * 3 < size * 2) {
			throw Refusal.invalid("expertSeats", "procurement.team.experts.share", experts, size);
		}
		if (request.sitsAt() == null) {
			throw Refusal.invalid("sitsAt", "procurement.team.sitsAt.required");
		}
		if (!request.sitsAt().isAfter(now) || (c.responseDeadline() != null
				&& request.sitsAt().isBefore(c.responseDeadline()))) {
			throw Refusal.invalid("sitsAt", "procurement.team.sitsAt.early",
					CaseParties.shown(c.responseDeadline() == null ? now : c.responseDeadline()));
		}
		return experts;
	}

	/**
	 * The case's team for whoever may see the case: the team's side and staff while it is sealed (counts only), anyone
	 * once revealed (the result notice names the experts, 实施条例 第四十三条).
	 */
	public Optional<TeamView> team(UUID id) {
		// staff see their own district's cases only (row-level security); anyone else reads as the platform
		Optional<ProcurementView> c = Actors.current().filter(CaseParties::isStaff).isPresent()
				? parties.scoped(() -> cases.find(id)) : parties.platform(() -> cases.find(id));
		if (c.isEmpty()) {
			return Optional.empty();
		}
		boolean team = Actors.current().isPresent() && onTeam(c.get());
		if (!team && c.get().status() == ProcurementStatus.SUBMITTED) {
			return Optional.empty();
		}
		return parties.platform(() -> teams.of(id)).map(this::view).filter(t -> team || t.revealed());
	}

	private boolean onTeam(ProcurementView c) {
		try {
			parties.asTeam(c);
			return true;
		}
		catch (Refusal notTeam) {
			return false;
		}
	}

	/**
	 * The team opens the responses (the caller checked it is the case's team): its draw, if any, must have seated every
	 * expert, and is revealed now, so the names and the verification record are public from here on.
	 */
	void sits(UUID id) {
		teams.of(id).ifPresent(t -> {
			DrawView d = draws.teamDraw(t.draw()).orElseThrow();
			if (d.status() != DrawStatus.COMPLETE) {
				throw Refusal.conflict(null, "procurement.open.teamNotSeated");
			}
			draws.teamSits(t.draw(), id);
		});
	}

	/** The result notice's line naming the team (实施条例 第四十三条: 评审专家名单), empty without a team. */
	Optional<String> noticeLine(UUID id) {
		return teams.of(id).map(this::view).map(t -> "谈判（磋商、询价）小组：采购人代表 "
				+ (t.representatives().isEmpty() ? "无" : String.join("、", t.representatives())) + "；评审专家 "
				+ (t.revealed() ? String.join("、", t.expertNames()) : t.experts() + " 名（抽取记录公开后公布）"));
	}

	private TeamView view(Teams.Stored t) {
		DrawView d = draws.teamDraw(t.draw()).orElseThrow();
		int accepted = d.specialties().stream().mapToInt(DrawView.SpecialtyCount::accepted).sum();
		List<String> names = d.revealed() ? d.picks().stream().filter(p -> p.outcome() == DrawOutcome.ACCEPTED)
			.map(DrawView.PickView::name).toList() : List.of();
		return new TeamView(t.procurement(), t.draw(), t.representatives(), t.experts(), d.status(), accepted, names,
				d.revealed(), t.evaluationAt(), t.requestedBy(), t.requestedAt());
	}
}
