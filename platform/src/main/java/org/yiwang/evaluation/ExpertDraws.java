package org.yiwang.evaluation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.evaluation.ExpertChanged.DrawAnswered;
import org.yiwang.evaluation.ExpertChanged.DrawCommitted;
import org.yiwang.evaluation.ExpertChanged.DrawPicked;
import org.yiwang.evaluation.ExpertChanged.DrawRevealed;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.OpeningHall;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionParties;
import org.yiwang.tendering.SectionStatus;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * The verifiable expert draw (专家抽取) of a section round. Staff of the section's region request it: the eligible
 * pool is computed with automatic avoidance and committed (SHA-256 of a fresh random seed and of the canonical pool)
 * before anyone is drawn; then the draw picks (docs/expert-draw.md); declines and no-shows are redrawn from the same
 * sequence; when every seat has accepted, {@link CommitteeDrawn} is published. Who was drawn stays sealed (only the
 * platform and each drawn expert know) until evaluation begins ({@link #evaluationBegun}); then the seed is revealed
 * and the verification record published.
 */
@Service
public class ExpertDraws {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Draws draws;

	private final ExpertPoolSnapshot poolSnapshot;

	private final Experts experts;

	private final OpeningHall openingHall;

	private final TenderDesk tenderDesk;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final ExpertRefusals refusals;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int servicePeriodDays;

	private final EvaluationCases cases;

	private final jakarta.validation.Validator validator;

	ExpertDraws(Draws draws, ExpertPoolSnapshot poolSnapshot, Experts experts, OpeningHall openingHall,
			TenderDesk tenderDesk, EntityRegistry registry, Catalog catalog, ExpertRefusals refusals,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${yiwang.evaluation.service-avoidance-days:180}") int servicePeriodDays,
			jakarta.validation.Validator validator, EvaluationCases cases) {
		this.validator = validator;
		this.cases = cases;
		this.draws = draws;
		this.poolSnapshot = poolSnapshot;
		this.experts = experts;
		this.openingHall = openingHall;
		this.tenderDesk = tenderDesk;
		this.registry = registry;
		this.catalog = catalog;
		this.refusals = refusals;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.servicePeriodDays = servicePeriodDays;
	}

	// ---- staff: request (commit), draw, answers -----------------------------------------------------------------

	/**
	 * Computes the eligible pool for the section's current round and records the commitment. Staff of the section's
	 * region, after the bid deadline (the parties are known then), for an evaluation in the future.
	 */
	public DrawView request(DrawRequest request) {
		Acting acting = requireStaff();
		ExpertPool.valid(validator, request);
		return refusals.audited("draw.request", "section:" + request.section(), () -> {
			SectionParties parties = openingHall.parties(new SectionId(request.section()));
			if (!request.evaluationAt().isAfter(clock.instant())) {
				throw Refusal.invalid("evaluationAt", "evaluation.draw.evaluationAt.past");
			}
			SectionId section = new SectionId(request.section());
			// the attempt being drawn for: the round's current case (attempt 1 before the opening made one)
			int attempt = cases.bySection(section, parties.round()).map(EvaluationCases.Case::attempt).orElse(1);
			if (cases.reevaluation(section, parties.round(), attempt).orElse(null) == ReEvaluationKind.SAME_COMMITTEE) {
				// the original committee re-checks (重庆市招标投标条例 第四十四条): it was seated again, nobody is drawn
				throw Refusal.conflict(null, "evaluation.draw.sameCommittee");
			}
			List<EntityId> entities = new ArrayList<>(parties.bidders());
			entities.add(parties.tenderer());
			if (parties.agency() != null) {
				entities.add(parties.agency());
			}
			return commit(acting, request.section(), parties.round(), attempt, parties.region(), parties.tradeCode().value(),
					parties.tenderer().value(), entities, request.evaluationAt(), request.seats(),
					request.includeRegions(), request.excludeRegions());
		});
	}

	/**
	 * The same committed draw for a team outside tendering (a procurement case's negotiation, consultation or quotation
	 * team): staff of the subject's region, the purchaser and every invited supplier avoided, one live draw per
	 * subject. Drawing, answers, the seal and the public verification record are the section draw's own.
	 */
	public DrawView requestTeam(TeamDrawRequest request) {
		Acting acting = requireStaff();
		if (request == null || request.subject() == null || request.region() == null || request.purchaser() == null
				|| request.tradeCode() == null) {
			throw Refusal.invalid("subject", "evaluation.draw.section.required");
		}
		return refusals.audited("draw.request", "team:" + request.subject(), () -> {
			if (request.evaluationAt() == null) {
				throw Refusal.invalid("evaluationAt", "evaluation.draw.evaluationAt.required");
			}
			if (!request.evaluationAt().isAfter(clock.instant())) {
				throw Refusal.invalid("evaluationAt", "evaluation.draw.evaluationAt.past");
			}
			if (request.seats().isEmpty()) {
				throw Refusal.invalid("seats", "evaluation.draw.seats.required");
			}
			List<EntityId> entities = new ArrayList<>(request.parties());
			entities.add(request.purchaser());
			return commit(acting, request.subject(), 1, 1, request.region(), request.tradeCode(),
					request.purchaser().value(), entities.stream().distinct().toList(), request.evaluationAt(),
					request.seats(), request.includeRegions(), request.excludeRegions());
		});
	}

	/** Checks the seats and regions, computes the eligible pool with avoidance and records the commitment. */
	private DrawView commit(Acting acting, UUID subject, int round, int attempt, RegionCode region, String tradeCode,
			UUID tenderer,
			List<EntityId> entities, Instant evaluationAt, Map<String, Integer> requestedSeats,
			Set<String> includeRegions, Set<String> excludeRegions) {
		Instant now = clock.instant();
		if (draws.liveFor(subject, round, attempt)) {
			throw Refusal.conflict(null, "evaluation.draw.exists");
		}
		Map<String, Integer> seats = new TreeMap<>(requestedSeats);
		for (var entry : seats.entrySet()) {
			if (!experts.specialtyExists(entry.getKey())) {
				throw Refusal.invalid("seats", "evaluation.expert.specialty.unknown", entry.getKey());
			}
			if (entry.getValue() == null || entry.getValue() < 1 || entry.getValue() > 30) {
				throw Refusal.invalid("seats", "evaluation.draw.seats.range", entry.getKey());
			}
		}
		for (String code : union(includeRegions, excludeRegions)) {
			if (!RegionCode.isValid(code) || catalog.region(RegionCode.of(code)).isEmpty()) {
				throw Refusal.invalid("includeRegions", "account.region.unknown", code);
			}
		}
		if (includeRegions.stream().anyMatch(excludeRegions::contains)) {
			throw Refusal.invalid("excludeRegions", "evaluation.draw.regions.both");
		}
		LocalDate day = LocalDate.ofInstant(evaluationAt, ExpertPool.ZONE);
		List<String> codes = entities.stream().map(registry::entity).map(EntityView::creditCode)
			.filter(java.util.Objects::nonNull).toList();
		Draws.Exclusions exclusions = new Draws.Exclusions(subject, tenderer,
				entities.stream().map(EntityId::value).toList(), codes, sorted(includeRegions), sorted(excludeRegions),
				day, evaluationAt, day.minusDays(servicePeriodDays), round);
		CommittedPool pool = pool(exclusions, seats);
		byte[] seed = new byte[32];
		RANDOM.nextBytes(seed);
		UUID id = UUID.randomUUID();
		Draws.Stored draw = new Draws.Stored(id, subject, round, region, tradeCode, tenderer, evaluationAt,
				sorted(includeRegions), sorted(excludeRegions), servicePeriodDays, seed, Sha256.hex(seed), pool.sha256(),
				DrawStatus.COMMITTED, acting.actor().username(), now, null, null, null, attempt);
		draws.add(draw, pool.parts());
		events.publishEvent(new DrawCommitted(acting.actor(), id, subject.toString(), round, draw.seedSha256(),
				draw.poolSha256(), region, now));
		return view(draws.byId(id).orElseThrow(), false);
	}

	/** Draws the first seats of a committed draw: invitations go out to the experts drawn. */
	public DrawView draw(UUID id) {
		Acting acting = requireStaff();
		return refusals.audited("draw.draw", "draw:" + id, () -> {
			Draws.Stored draw = load(id);
			if (draw.status() != DrawStatus.COMMITTED) {
				throw Refusal.conflict(null, "evaluation.draw.notCommitted");
			}
			List<DrawAlgorithm.Pick> picks = pickFirst(draw);
			Instant now = clock.instant();
			draws.setStatus(id, DrawStatus.DRAWN, "drawn_at", now);
			events.publishEvent(new DrawPicked(acting.actor(), id, picks.size(), draw.region(), now));
			return view(draws.byId(id).orElseThrow(), false);
		});
	}

	/** A draw's pool as kept, per specialty, and its commitment (the SHA-256 of the canonical pool text). */
	record CommittedPool(List<Draws.PoolPart> parts, String sha256) {
	}

	/**
	 * The eligible pool for the seats wanted (specialty code → seats), its lists kept (in the caller's transaction),
	 * and its commitment; refused when a specialty has fewer eligible experts than seats.
	 */
	CommittedPool pool(Draws.Exclusions exclusions, Map<String, Integer> seats) {
		ExpertPoolSnapshot.Eligibility eligibility = poolSnapshot.eligibility(exclusions);
		List<Draws.PoolPart> parts = new ArrayList<>();
		List<DrawAlgorithm.Subset> subsets = new ArrayList<>();
		for (var entry : new TreeMap<>(seats).entrySet()) {
			ExpertPoolSnapshot.Eligible eligible = eligibility.of(entry.getKey());
			if (eligible.count() < entry.getValue()) {
				throw Refusal.conflict("seats", "evaluation.draw.poolTooSmall", entry.getKey(), eligible.count(),
						entry.getValue());
			}
			ExpertPoolSnapshot.Holders list = eligible.holders();
			poolSnapshot.keep(list);
			parts.add(new Draws.PoolPart(entry.getKey(), entry.getValue(), list.sha256(), list.ids().size(),
					eligible.chosen()));
			subsets.add(new DrawAlgorithm.Subset(entry.getKey(), entry.getValue(), list.lines(), eligible.chosen()));
		}
		return new CommittedPool(parts, DrawAlgorithm.poolSha256OfSubsets(subsets));
	}

	/** The first seats of a committed draw picked from its pool as kept, stored with the counters (no status change). */
	List<DrawAlgorithm.Pick> pickFirst(Draws.Stored draw) {
		List<DrawAlgorithm.Specialty> pool = draws.pool(draw.id(), poolSnapshot::list);
		DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(draw.seed(), pool);
		List<DrawAlgorithm.Pick> picks = DrawAlgorithm.initial(pool, sequence);
		picks.forEach(p -> draws.addPick(draw.id(), draw.region(), p));
		pool.forEach(s -> draws.setCounter(draw.id(), s.code(), sequence.counter(s.code())));
		return picks;
	}

	/**
	 * Staff record what the notification system heard for pick {@code n} (they see pick numbers, not names): a
	 * decline, or a no-show at the evaluation; either is redrawn at once.
	 */
	public DrawView recordAnswer(UUID id, int n, DrawOutcome outcome) {
		Acting acting = requireStaff();
		return refusals.audited("draw.answer", "draw:" + id, () -> {
			Draws.Stored draw = load(id);
			if (outcome == null || !outcome.redrawn()) {
				throw Refusal.invalid("outcome", "evaluation.draw.outcome.staff");
			}
			answer(acting.actor(), draw, n, outcome);
			return view(draws.byId(id).orElseThrow(), false);
		});
	}

	// ---- experts ---------------------------------------------------------------------------------------------------

	/** The signed-in expert's invitations, across all regions. */
	public List<DrawInvitation> myInvitations() {
		ExpertView me = myself();
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> draws.invitationsOf(me.id())));
	}

	/** The expert accepts or declines an invitation still open; a decline is redrawn at once. */
	public DrawInvitation respond(UUID drawId, boolean accept) {
		Acting acting = Actors.requireAnyRole("evaluation.expert.expertOnly", Role.EXPERT);
		ExpertView me = myself();
		return RegionScopes.callAsPlatform(() -> refusals.audited("draw.response", "draw:" + drawId, () -> {
			Draws.Stored draw = draws.byId(drawId).orElseThrow(() -> Refusal.notFound("evaluation.draw.notFound"));
			Draws.StoredPick pick = draws.picks(drawId).stream().filter(p -> p.expert().equals(me.id())).findFirst()
				.orElseThrow(() -> Refusal.notFound("evaluation.draw.notFound"));
			answer(acting.actor(), draw, pick.n(), accept ? DrawOutcome.ACCEPTED : DrawOutcome.DECLINED);
			return draws.invitationsOf(me.id()).stream().filter(i -> i.draw().equals(drawId)).findFirst().orElseThrow();
		}));
	}

	private void answer(Actor actor, Draws.Stored draw, int n, DrawOutcome outcome) {
		if (draw.status() != DrawStatus.DRAWN && !(draw.status() == DrawStatus.COMPLETE && outcome == DrawOutcome.NO_SHOW)) {
			throw Refusal.conflict(null, "evaluation.draw.notOpen");
		}
		Instant now = clock.instant();
		if (!draws.answer(draw.id(), n, outcome, actor.username(), now)) {
			throw Refusal.conflict(null, "evaluation.draw.answered", n);
		}
		events.publishEvent(new DrawAnswered(actor, draw.id(), n, outcome, draw.region(), now));
		List<Draws.StoredPick> picks = draws.picks(draw.id());
		if (outcome.redrawn()) {
			Draws.StoredPick answered = picks.stream().filter(p -> p.n() == n).findFirst().orElseThrow();
			List<DrawAlgorithm.Specialty> pool = draws.pool(draw.id(), poolSnapshot::list);
			DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(draw.seed(), pool, draws.counters(draw.id()),
					picks.stream().map(Draws.StoredPick::expert).collect(Collectors.toSet()));
			UUID next = sequence.next(answered.specialty());
			if (next == null) {
				draws.setStatus(draw.id(), DrawStatus.EXHAUSTED, "completed_at", now);
				return;
			}
			draws.addPick(draw.id(), draw.region(), new DrawAlgorithm.Pick(picks.size() + 1, answered.specialty(), next));
			draws.setCounter(draw.id(), answered.specialty(), sequence.counter(answered.specialty()));
			if (draw.status() == DrawStatus.COMPLETE) {
				// A no-show after completion reopens the draw until the replacement accepts.
				draws.setStatus(draw.id(), DrawStatus.DRAWN, "drawn_at", now);
			}
			events.publishEvent(new DrawPicked(actor, draw.id(), 1, draw.region(), now));
			return;
		}
		completeIfSeated(actor, draw, now);
	}

	private void completeIfSeated(Actor actor, Draws.Stored draw, Instant now) {
		List<DrawView.SpecialtyCount> counts = draws.counts(draw.id());
		if (counts.stream().anyMatch(c -> c.accepted() < c.seats())) {
			return;
		}
		draws.setStatus(draw.id(), DrawStatus.COMPLETE, "completed_at", now);
		LocalDate day = LocalDate.ofInstant(draw.evaluationAt(), ExpertPool.ZONE);
		List<CommitteeDrawn.Seat> seats = new ArrayList<>();
		for (Draws.StoredPick pick : draws.picks(draw.id())) {
			if (pick.outcome() == DrawOutcome.ACCEPTED) {
				ExpertView expert = experts.byId(pick.expert()).orElseThrow();
				seats.add(new CommitteeDrawn.Seat(expert.id(), expert.username(), expert.name(), pick.specialty(),
						expert.certificateFingerprint()));
				draws.serve(draw.id(), expert.id(), draw.tenderer(), day);
			}
		}
		events.publishEvent(new CommitteeDrawn(actor, draw.id(), new SectionId(draw.section()), draw.round(),
				draw.attempt(), draw.region(), seats, now));
	}

	// ---- evaluation begins: the seal is lifted ----------------------------------------------------------------------

	/**
	 * Evaluation of the draw's section begins (the scoring part calls this, as the platform or as staff of the
	 * region): the names, the seed and the verification record become visible. Only a complete draw.
	 */
	public DrawView evaluationBegun(UUID id) {
		Optional<Acting> acting = Actors.current();
		if (acting.isPresent()) {
			requireStaff();
		}
		java.util.function.Supplier<DrawView> work = () -> refusals.audited("draw.reveal", "draw:" + id, () -> {
			Draws.Stored draw = load(id);
			if (draw.status() != DrawStatus.COMPLETE) {
				throw Refusal.conflict(null, "evaluation.draw.notComplete");
			}
			Instant now = clock.instant();
			if (draw.revealedAt() == null) {
				draws.reveal(id, now);
				events.publishEvent(new DrawRevealed(Actors.actor(), id, draw.region(), now));
			}
			return view(draws.byId(id).orElseThrow(), false);
		});
		return acting.isPresent() ? work.get() : RegionScopes.callAsPlatform(work);
	}

	/**
	 * A team outside tendering sits (a procurement team opens the responses): its complete draw is revealed as
	 * {@link #evaluationBegun} does for a section. The calling module has checked that the actor is the subject's team;
	 * the draw must belong to {@code subject}. Called inside the caller's transaction it joins it (the caller's region
	 * scope must cover the draw's region), so the reveal commits or rolls back with the caller's step.
	 */
	public DrawView teamSits(UUID id, UUID subject) {
		java.util.function.Supplier<DrawView> work = () -> {
			Draws.Stored draw = draws.byId(id).filter(d -> d.section().equals(subject))
				.orElseThrow(() -> Refusal.notFound("evaluation.draw.notFound"));
			if (draw.status() != DrawStatus.COMPLETE) {
				throw Refusal.conflict(null, "evaluation.draw.notComplete");
			}
			Instant now = clock.instant();
			if (draw.revealedAt() == null) {
				draws.reveal(id, now);
				events.publishEvent(new DrawRevealed(Actors.actor(), id, draw.region(), now));
			}
			return view(draws.byId(id).orElseThrow(), false);
		};
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return RegionScopes.callAsPlatform(() -> refusals.audited("draw.reveal", "draw:" + id, work));
	}

	/**
	 * A team's draw as the platform sees it (for the module that requested it): names only once revealed. Inside the
	 * caller's transaction it reads with the caller's scope.
	 */
	public Optional<DrawView> teamDraw(UUID id) {
		java.util.function.Supplier<Optional<DrawView>> work = () -> draws.byId(id).map(d -> view(d, false));
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	/** Whether evaluation has begun for the draw (its list is no longer sealed); false for an unknown draw. */
	public boolean revealed(UUID id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> draws.byId(id)))
			.map(d -> d.revealedAt() != null)
			.orElse(false);
	}

	// ---- reading ---------------------------------------------------------------------------------------------------

	/** The draws of the actor's regions (staff, regulators). */
	public List<DrawView> draws() {
		requireReader();
		return transactions.execute(status -> draws.all().stream().map(d -> view(d, false)).toList());
	}

	/** The sections staff may request a draw for, to pick by name and trade code: published, opening or opened. */
	public List<SectionView> sectionsToDraw() {
		requireReader();
		return tenderDesk.sections().stream().filter(s -> DRAWABLE.contains(s.status())).toList();
	}

	private static final Set<SectionStatus> DRAWABLE = Set.of(SectionStatus.PUBLISHED, SectionStatus.OPENING,
			SectionStatus.OPENED);

	public DrawView view(UUID id) {
		requireReader();
		return transactions.execute(status -> view(load(id), false));
	}

	/** The draw of a section's round as the platform sees it (for the scoring part); its latest evaluation attempt's. */
	public Optional<DrawView> ofSection(SectionId section, int round) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> draws.all().stream()
			.filter(d -> d.section().equals(section.value()) && d.round() == round && d.status() != DrawStatus.EXHAUSTED)
			.max(java.util.Comparator.comparingInt(Draws.Stored::attempt))
			.map(d -> view(d, false))));
	}

	/** The draw of one evaluation attempt of a section's round (names only once revealed). */
	Optional<DrawView> ofAttempt(SectionId section, int round, int attempt) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> draws.all().stream()
			.filter(d -> d.section().equals(section.value()) && d.round() == round && d.attempt() == attempt
					&& d.status() != DrawStatus.EXHAUSTED)
			.findFirst()
			.map(d -> view(d, false))));
	}

	/**
	 * The revealed draws of a section (by its trade code), for anyone: which verification records the section's public
	 * pages link to. A sealed draw is not listed (its record is not public before evaluation begins).
	 */
	public List<RevealedDraw> revealedOf(String tradeCode) {
		if (tradeCode == null || tradeCode.isBlank()) {
			return List.of();
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> draws.revealedOf(tradeCode).stream()
			.map(d -> new RevealedDraw(d.id(), d.round(), d.revealedAt()))
			.toList()));
	}

	/**
	 * The verification record of a revealed draw, for anyone: format, seed, commitments, the canonical pool and
	 * the picks in order with their outcomes (docs/expert-draw.md). Not found while the draw is sealed.
	 */
	public Map<String, Object> verification(UUID id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			Draws.Stored draw = draws.byId(id).filter(d -> d.revealedAt() != null)
				.orElseThrow(() -> Refusal.notFound("evaluation.draw.notFound"));
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("format", "yiwang-expert-draw/1");
			record.put("draw", draw.id().toString());
			record.put("section", draw.section().toString());
			record.put("round", draw.round());
			record.put("tradeCode", draw.tradeCode());
			record.put("committedAt", draw.committedAt().toString());
			record.put("seedSha256", draw.seedSha256());
			record.put("poolSha256", draw.poolSha256());
			record.put("seed", HexFormat.of().formatHex(draw.seed()));
			record.put("pool", DrawAlgorithm.canonicalPool(draws.pool(draw.id(), poolSnapshot::list)));
			List<Map<String, Object>> picks = new ArrayList<>();
			for (Draws.StoredPick p : draws.picks(id)) {
				Map<String, Object> pick = new LinkedHashMap<>();
				pick.put("n", p.n());
				pick.put("specialty", p.specialty());
				pick.put("expert", p.expert().toString());
				pick.put("outcome", p.outcome().name());
				picks.add(pick);
			}
			record.put("picks", picks);
			return record;
		}));
	}

	// ---- helpers -----------------------------------------------------------------------------------------------------

	private DrawView view(Draws.Stored d, boolean forExpert) {
		boolean open = d.revealedAt() != null || forExpert;
		List<DrawView.PickView> picks = open ? draws.picks(d.id()).stream().map(p -> new DrawView.PickView(p.n(),
				p.specialty(), p.expert(), experts.byId(p.expert()).map(ExpertView::name).orElse(null), p.outcome(),
				p.answeredAt())).toList() : List.of();
		return new DrawView(d.id(), d.section(), d.round(), d.region(), d.tradeCode(), d.tenderer(), d.evaluationAt(),
				d.includeRegions(), d.excludeRegions(), d.servicePeriodDays(), d.status(), d.seedSha256(), d.poolSha256(),
				draws.counts(d.id()), picks, d.revealedAt() == null ? null : HexFormat.of().formatHex(d.seed()),
				d.requestedBy(), d.committedAt(), d.drawnAt(), d.completedAt(), d.revealedAt());
	}

	private Draws.Stored load(UUID id) {
		// Row-level security hides another region's draws: absent and out of scope look the same.
		return draws.byId(id).orElseThrow(() -> Refusal.notFound("evaluation.draw.notFound"));
	}

	private ExpertView myself() {
		Acting acting = Actors.requireAnyRole("evaluation.expert.expertOnly", Role.EXPERT);
		return transactions.execute(status -> experts.byUsername(acting.actor().username()))
			.orElseThrow(() -> Refusal.notFound("evaluation.expert.notInPool"));
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("evaluation.draw.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	private static Acting requireReader() {
		return Actors.requireAnyRole("evaluation.draw.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN,
				Role.REGULATOR);
	}
}
