package org.yiwang.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Sha256;
import org.yiwang.procurement.ProcurementChanged.FinalOfferSealed;
import org.yiwang.procurement.ProcurementChanged.FinalOffersCalled;
import org.yiwang.procurement.ProcurementChanged.Responded;
import org.yiwang.procurement.ProcurementChanged.ResponsesOpened;
import org.yiwang.procurement.ProcurementChanged.RoundHeld;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Where a published case is decided. Invited suppliers respond with a sealed offer until the response deadline; then
 * the team (the purchaser's side or the district's staff) opens the responses. A request for quotations ends there:
 * each quote was final (政府采购法 第四十条第三项) and the lowest within budget wins. A negotiation or consultation goes
 * through rounds with each supplier separately (第三十八条第四项), then the team calls final offers (最后报价, 第三十八条
 * 第五项), sealed like the first until their deadline, and concludes: the lowest price, or for a consultation the best
 * score (price 30, the team's technical score 70). A single source, its publicity over without an upheld objection, ends
 * at the price agreed with the supplier (第三十九条). Too few responses or offers, or all over budget, fail the case
 * (第三十六条).
 */
@Service
public class NegotiationRoom {

	static final String FIRST = "first";

	static final String FINAL = "final";

	/** A consultation's price weight out of 100 (财库〔2014〕214号 第二十四条: 30% to 60% for services; goods 30% to 60%). */
	static final BigDecimal PRICE_WEIGHT = new BigDecimal("30");

	static final BigDecimal TECHNICAL_MAX = new BigDecimal("70");

	private final CaseParties parties;

	private final Cases cases;

	private final Outcomes outcomes;

	private final NegotiationTeams teams;

	private final SealedOffers sealedOffers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NegotiationRoom(CaseParties parties, Outcomes outcomes, NegotiationTeams teams, SealedOffers sealedOffers,
			ApplicationEventPublisher events, Clock clock) {
		this.parties = parties;
		this.sealedOffers = sealedOffers;
		this.teams = teams;
		this.cases = parties.cases;
		this.outcomes = outcomes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * An invited supplier responds before the deadline: its response (what it offers against the requirements) and its
	 * offer, sealed until opening. A request for quotations takes this as the one quote (no change after the deadline);
	 * a response may be replaced until the deadline. A case whose quotes or first offers the suppliers seal themselves
	 * (every case published since migration 3020; a request for quotations since 3000) takes no amount here: the quote
	 * or first offer comes as an envelope ({@link SealedOffers#submit}).
	 */
	public SupplierView respond(UUID id, String response, BigDecimal offer) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", org.yiwang.kernel.Role.BIDDER);
		String text = CaseParties.text("response", response, 5000);
		Money amount = offer == null ? null : CaseParties.amount("offer", offer);
		return parties.platform(() -> {
			ProcurementView c = cases.forUpdate(id);
			Cases.Supplier me = parties.asSupplier(c);
			Instant now = clock.instant();
			if (c.status() != ProcurementStatus.PUBLISHED || !now.isBefore(c.responseDeadline())) {
				throw Refusal.conflict(null, "procurement.respond.closed");
			}
			boolean envelope = sealedOffers.seals(id, FIRST);
			if (envelope && amount != null) {
				throw Refusal.invalid("offer", c.method() == ProcurementMethod.REQUEST_FOR_QUOTATIONS
						? "procurement.respond.sealQuote" : "procurement.respond.sealFirstOffer");
			}
			if (!envelope && amount == null) {
				throw Refusal.invalid("offer", "procurement.amount.required");
			}
			byte[] sealed = envelope ? null : parties.seal(c, me, FIRST, amount);
			cases.respond(id, me.supplier(), text, sealed, now, acting.actor().username());
			events.publishEvent(new Responded(acting.actor(), id, me.supplier().toString(),
					sealed == null ? null : Sha256.hex(sealed), c.region(), now));
			return mine(id, me.supplier());
		});
	}

	/**
	 * The team opens the responses once the deadline passed. Fewer responding suppliers than the method's least and
	 * the case fails; a request for quotations concludes on the spot; a single source needs its publicity over and no
	 * objection open.
	 */
	public ProcurementView openResponses(UUID id) {
		Acting acting = Actors.required();
		return parties.scoped(() -> {
			ProcurementView c = parties.asTeam(cases.forUpdate(id));
			Instant now = clock.instant();
			if (c.status() != ProcurementStatus.PUBLISHED) {
				throw Refusal.conflict(null, "procurement.open.notPublished");
			}
			if (now.isBefore(c.responseDeadline())) {
				throw Refusal.conflict(null, "procurement.open.beforeDeadline", CaseParties.shown(c.responseDeadline()));
			}
			if (c.method() == ProcurementMethod.SINGLE_SOURCE) {
				if (cases.objections(id).stream().anyMatch(ObjectionView::open)) {
					throw Refusal.conflict(null, "procurement.open.objectionOpen");
				}
				ProcurementView negotiating = c.moved(ProcurementStatus.NEGOTIATING, c.publishedAt(), c.responseDeadline(),
						null, 0, c.noticeText(), c.noticeSignature());
				cases.update(negotiating, c.version());
				events.publishEvent(new ResponsesOpened(acting.actor(), id, 1, c.region(), now));
				return cases.forUpdate(id);
			}
			teams.sits(id);
			// quotes or first offers sealed by the suppliers: the custodians open them first; a response whose quote or
			// first offer is missing or was refused at opening is no valid response (政府采购法 第四十条第三项: one quote;
			// a negotiation's response carries its first offer)
			boolean envelopes = sealedOffers.seals(id, FIRST);
			if (envelopes && sealedOffers.pending(id, FIRST)) {
				throw Refusal.conflict(null, "procurement.open.sharesNeeded");
			}
			Map<EntityId, BigDecimal> quotes = envelopes ? sealedOffers.opened(id, FIRST) : Map.of();
			List<Cases.Supplier> responded = new ArrayList<>();
			for (Cases.Supplier s : cases.suppliers(id)) {
				if (s.respondedAt() != null) {
					BigDecimal first = envelopes ? quotes.get(s.supplier()) : parties.open(c, s, FIRST, s.firstSealed());
					if (envelopes && first == null) {
						continue;
					}
					cases.opened(id, s.supplier(), first, null, null);
					responded.add(s);
				}
			}
			events.publishEvent(new ResponsesOpened(acting.actor(), id, responded.size(), c.region(), now));
			if (responded.size() < c.method().minSuppliers()) {
				return outcomes.fail(acting.actor(), c, "procurement.failed.tooFewResponses",
						"响应供应商不足" + c.method().minSuppliers() + "家（政府采购法 第三十六条第一项）", now);
			}
			if (c.method() == ProcurementMethod.REQUEST_FOR_QUOTATIONS) {
				return lowest(acting, c, cases.suppliers(id), s -> s.firstOffer(), "最低报价（政府采购法 第四十条第四项）", now);
			}
			ProcurementView negotiating = c.moved(ProcurementStatus.NEGOTIATING, c.publishedAt(), c.responseDeadline(), null,
					0, c.noticeText(), c.noticeSignature());
			cases.update(negotiating, c.version());
			return cases.forUpdate(id);
		});
	}

	/**
	 * One negotiation round: the team's note to each supplier it negotiated with, recorded against that supplier only.
	 * Suppliers not named took no part in the round.
	 */
	public ProcurementView negotiate(UUID id, Map<EntityId, String> notes) {
		Acting acting = Actors.required();
		return parties.scoped(() -> {
			ProcurementView c = parties.asTeam(cases.forUpdate(id));
			if (c.status() != ProcurementStatus.NEGOTIATING || !c.method().rounds()) {
				throw Refusal.conflict(null, "procurement.round.notNegotiating");
			}
			List<Cases.Supplier> responded = cases.suppliers(id).stream().filter(s -> s.respondedAt() != null).toList();
			int round = c.rounds() + 1;
			Instant now = clock.instant();
			int held = 0;
			for (Cases.Supplier s : responded) {
				String note = notes == null ? null : notes.get(s.supplier());
				if (note != null && !note.isBlank()) {
					cases.addRound(id, c.region(), round, s.supplier(), CaseParties.text("note", note, 2000),
							acting.actor().username(), now);
					held++;
				}
			}
			if (held == 0) {
				throw Refusal.invalid("note", "procurement.round.noNote");
			}
			cases.update(c.moved(c.status(), c.publishedAt(), c.responseDeadline(), null, round, c.noticeText(),
					c.noticeSignature()), c.version());
			events.publishEvent(new RoundHeld(acting.actor(), id, round, held, c.region(), now));
			return cases.forUpdate(id);
		});
	}

	/** After at least one round the team calls final offers, due by {@code deadline} (in the future, within 30 days). */
	public ProcurementView callFinalOffers(UUID id, Instant deadline) {
		Acting acting = Actors.required();
		return parties.scoped(() -> {
			ProcurementView c = parties.asTeam(cases.forUpdate(id));
			Instant now = clock.instant();
			if (c.status() != ProcurementStatus.NEGOTIATING || !c.method().rounds()) {
				throw Refusal.conflict(null, "procurement.round.notNegotiating");
			}
			if (c.rounds() < 1) {
				throw Refusal.conflict(null, "procurement.finalOffers.noRound");
			}
			if (deadline == null || !deadline.isAfter(now.plusSeconds(60)) || deadline.isAfter(now.plus(Duration.ofDays(30)))) {
				throw Refusal.invalid("deadline", "procurement.finalOffers.deadline");
			}
			cases.update(c.moved(ProcurementStatus.FINAL_OFFERS, c.publishedAt(), c.responseDeadline(), deadline,
					c.rounds(), c.noticeText(), c.noticeSignature()), c.version());
			// final offers get a key of their own: the first offers' key was reassembled when they were opened
			sealedOffers.finalKey(c);
			events.publishEvent(new FinalOffersCalled(acting.actor(), id, deadline, c.region(), now));
			return cases.forUpdate(id);
		});
	}

	/**
	 * A supplier that responded seals its final offer (replaceable) until the deadline; nobody reads it before. Only for
	 * a case without a final-offer key (published before migration 3000); otherwise the final offer comes as an envelope
	 * the supplier sealed ({@link SealedOffers#submit}).
	 */
	public SupplierView submitFinalOffer(UUID id, BigDecimal offer) {
		Acting acting = Actors.requireAnyRole("procurement.supplierOnly", org.yiwang.kernel.Role.BIDDER);
		Money amount = CaseParties.amount("offer", offer);
		return parties.platform(() -> {
			ProcurementView c = cases.forUpdate(id);
			Cases.Supplier me = parties.asSupplier(c);
			Instant now = clock.instant();
			if (c.status() != ProcurementStatus.FINAL_OFFERS || !now.isBefore(c.finalOfferDeadline())) {
				throw Refusal.conflict(null, "procurement.finalOffer.closed");
			}
			if (me.respondedAt() == null) {
				throw Refusal.conflict(null, "procurement.finalOffer.noResponse");
			}
			if (sealedOffers.seals(id, FINAL)) {
				throw Refusal.conflict(null, "procurement.finalOffer.sealEnvelope");
			}
			byte[] sealed = parties.seal(c, me, FINAL, amount);
			cases.sealFinalOffer(id, me.supplier(), sealed, now);
			events.publishEvent(new FinalOfferSealed(acting.actor(), id, me.supplier().toString(), Sha256.hex(sealed),
					c.region(), now));
			return mine(id, me.supplier());
		});
	}

	/**
	 * After the final-offer deadline the team opens the sealed final offers and concludes. A consultation needs the
	 * team's technical score (0 to 70) for each supplier that made a final offer.
	 */
	public ProcurementView conclude(UUID id, Map<EntityId, BigDecimal> technicalScores) {
		Acting acting = Actors.required();
		return parties.scoped(() -> {
			ProcurementView c = parties.asTeam(cases.forUpdate(id));
			Instant now = clock.instant();
			if (c.status() != ProcurementStatus.FINAL_OFFERS) {
				throw Refusal.conflict(null, "procurement.conclude.notFinalOffers");
			}
			if (now.isBefore(c.finalOfferDeadline())) {
				throw Refusal.conflict(null, "procurement.open.beforeDeadline", CaseParties.shown(c.finalOfferDeadline()));
			}
			boolean scoring = c.method() == ProcurementMethod.COMPETITIVE_CONSULTATION;
			boolean envelopes = sealedOffers.seals(id, FINAL);
			if (envelopes && sealedOffers.pending(id, FINAL)) {
				throw Refusal.conflict(null, "procurement.open.sharesNeeded");
			}
			Map<EntityId, BigDecimal> finals = envelopes ? sealedOffers.opened(id, FINAL) : Map.of();
			for (Cases.Supplier s : cases.suppliers(id)) {
				BigDecimal last = envelopes ? finals.get(s.supplier())
						: s.finalSealed() == null ? null : parties.open(c, s, FINAL, s.finalSealed());
				if (last == null) {
					continue;
				}
				BigDecimal score = null;
				if (scoring) {
					score = technicalScores == null ? null : technicalScores.get(s.supplier());
					if (score == null || score.signum() < 0 || score.compareTo(TECHNICAL_MAX) > 0) {
						throw Refusal.invalid("technicalScore", "procurement.conclude.score", s.name());
					}
				}
				cases.opened(id, s.supplier(), s.firstOffer(), last, score);
			}
			List<Cases.Supplier> offers = cases.suppliers(id).stream().filter(s -> s.finalOffer() != null).toList();
			if (offers.size() < c.method().minSuppliers()) {
				return outcomes.fail(acting.actor(), c, "procurement.failed.tooFewOffers",
						"提交最后报价的供应商不足" + c.method().minSuppliers() + "家（政府采购法 第三十六条第一项）", now);
			}
			if (scoring) {
				return bestScore(acting, c, offers, now);
			}
			return lowest(acting, c, offers, Cases.Supplier::finalOffer, "最后报价最低（政府采购法 第三十八条第五项）", now);
		});
	}

	/** A single source ends at the price agreed with the supplier, within the budget (政府采购法 第三十九条). */
	public ProcurementView agree(UUID id, BigDecimal price) {
		Acting acting = Actors.required();
		Money agreed = CaseParties.amount("price", price);
		return parties.scoped(() -> {
			ProcurementView c = parties.asTeam(cases.forUpdate(id));
			if (c.method() != ProcurementMethod.SINGLE_SOURCE || c.status() != ProcurementStatus.NEGOTIATING) {
				throw Refusal.conflict(null, "procurement.agree.notSingleSource");
			}
			if (agreed.compareTo(c.budget()) > 0) {
				throw Refusal.invalid("price", "procurement.agree.overBudget", c.budget().yuan().toPlainString());
			}
			Cases.Supplier only = cases.suppliers(id).get(0);
			return outcomes.award(acting.actor(), c, only.supplier(), only.name(), only.creditCode(), agreed,
					"单一来源协商成交（政府采购法 第三十九条）", clock.instant());
		});
	}

	private ProcurementView lowest(Acting acting, ProcurementView c, List<Cases.Supplier> suppliers,
			java.util.function.Function<Cases.Supplier, BigDecimal> price, String rule, Instant now) {
		List<Cases.Supplier> within = suppliers.stream().filter(s -> price.apply(s) != null)
			.filter(s -> price.apply(s).compareTo(c.budget().yuan()) <= 0).toList();
		if (within.isEmpty()) {
			return outcomes.fail(acting.actor(), c, "procurement.failed.overBudget",
					"报价均超过采购预算（政府采购法 第三十六条第三项）", now);
		}
		// equal prices: the earlier offer wins, then the name, so the choice never depends on row order
		Cases.Supplier winner = within.stream()
			.min(Comparator.comparing(price).thenComparing(s -> s.finalOfferAt() == null ? s.respondedAt() : s.finalOfferAt())
				.thenComparing(Cases.Supplier::name))
			.orElseThrow();
		return outcomes.award(acting.actor(), c, winner.supplier(), winner.name(), winner.creditCode(),
				Money.of(price.apply(winner)), rule, now);
	}

	private ProcurementView bestScore(Acting acting, ProcurementView c, List<Cases.Supplier> offers, Instant now) {
		List<Cases.Supplier> within = offers.stream().filter(s -> s.finalOffer().compareTo(c.budget().yuan()) <= 0).toList();
		if (within.isEmpty()) {
			return outcomes.fail(acting.actor(), c, "procurement.failed.overBudget",
					"报价均超过采购预算（政府采购法 第三十六条第三项）", now);
		}
		BigDecimal lowest = within.stream().map(Cases.Supplier::finalOffer).min(BigDecimal::compareTo).orElseThrow();
		Cases.Supplier winner = within.stream()
			.max(Comparator.comparing((Cases.Supplier s) -> score(s, lowest))
				.thenComparing(Cases.Supplier::finalOffer, Comparator.reverseOrder())
				.thenComparing(Cases.Supplier::name, Comparator.reverseOrder()))
			.orElseThrow();
		return outcomes.award(acting.actor(), c, winner.supplier(), winner.name(), winner.creditCode(),
				Money.of(winner.finalOffer()), "综合评分最高，得分 " + score(winner, lowest).toPlainString()
						+ "（价格分 = 最低报价 ÷ 报价 × 30）",
				now);
	}

	/** Price score (lowest ÷ own × 30, 2 decimals) plus the technical score. */
	static BigDecimal score(Cases.Supplier s, BigDecimal lowest) {
		BigDecimal price = lowest.multiply(PRICE_WEIGHT).divide(s.finalOffer(), 2, RoundingMode.HALF_UP);
		return price.add(s.technicalScore() == null ? BigDecimal.ZERO : s.technicalScore());
	}

	private SupplierView mine(UUID id, EntityId supplier) {
		return cases.suppliers(id).stream().filter(s -> s.supplier().equals(supplier)).findFirst().orElseThrow()
			.view(true);
	}
}
