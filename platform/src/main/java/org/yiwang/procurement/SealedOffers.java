package org.yiwang.procurement;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/**
 * A case's prices sealed by the supplier, not the platform ({@link OfferEnvelopes} does the sealing work): a request
 * for quotations' quotes and a negotiation's or consultation's first offers (stage {@code first}, sealed to the key made
 * when the case is published), and final offers (stage {@code final}, sealed to a second key made when final offers are
 * called, so the key reassembled to open the first offers never opens a final one). Cases published before a stage had
 * its own key keep the platform-sealed path for that stage (see docs/procurement.md).
 */
@Service
public class SealedOffers {

	private final CaseParties parties;

	private final Cases cases;

	private final OfferEnvelopes envelopes;

	private final Clock clock;

	SealedOffers(CaseParties parties, OfferEnvelopes envelopes, Clock clock) {
		this.parties = parties;
		this.cases = parties.cases;
		this.envelopes = envelopes;
		this.clock = clock;
	}

	/**
	 * An invited supplier submits its sealed envelope: in the response period its quote or first offer (after its
	 * response), once final offers are called its final offer (after its response, before the final-offer deadline).
	 * Replaceable until the deadline; the last one counts.
	 */
	public OfferReceipt submit(UUID id, InputStream envelope) {
		return envelopes.submit(envelope, () -> {
			ProcurementView c = cases.find(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			Cases.Supplier me = parties.asSupplier(c);
			String stage = openStage(c, me, clock.instant());
			UUID key = envelopes.key(id, stage).orElseThrow(() -> Refusal.conflict(null, "procurement.sealed.noKey"));
			return new OfferEnvelopes.Seat(stage(c, stage, key),
					new OfferEnvelopes.Sealer(me.supplier(), me.name(), me.creditCode()));
		}, (seat, now) -> {
			ProcurementView locked = cases.forUpdate(id);
			// the deadline as it stands under the case's lock: what was inspected may have arrived too late
			String stage = openStage(locked, parties.asSupplier(locked), now);
			if (!stage.equals(seat.stage().stage())) {
				throw Refusal.conflict(null, NegotiationRoom.FIRST.equals(seat.stage().stage()) ? "procurement.respond.closed"
						: "procurement.finalOffer.closed");
			}
			if (NegotiationRoom.FINAL.equals(stage)) {
				cases.sealFinalOffer(id, seat.sealer().supplier(), null, now);
			}
		});
	}

	/**
	 * A key custodian of the case's current opening key gives its share after the deadline of the stage whose offers
	 * are sealed; once enough are given the stage's envelopes open.
	 */
	public SealingView giveShare(UUID id, String share) {
		envelopes.giveShare(() -> {
			ProcurementView c = cases.find(id).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			OfferEnvelopes.Stage stage = current(c).orElseThrow(() -> Refusal.notFound("procurement.notFound"));
			boolean due = NegotiationRoom.FIRST.equals(stage.stage()) ? c.status() == ProcurementStatus.PUBLISHED
					: c.status() == ProcurementStatus.FINAL_OFFERS;
			return new OfferEnvelopes.Due(stage, due);
		}, share);
		return sealing(id).orElseThrow();
	}

	/**
	 * The case's current opening key and stage for the page; the envelopes only for its team and the custodians, each
	 * amount only once opened; a custodian's encrypted share only after the deadline. Empty for a case without a key.
	 */
	public Optional<SealingView> sealing(UUID id) {
		return parties.platform(() -> cases.find(id).flatMap(c -> current(c)
			.map(stage -> envelopes.view(stage, parties.onTeam(c.purchaser(), c.region())))));
	}

	/**
	 * The stage shown now: the final offers' once they are called (or the only key of a case published under migration
	 * 3000, whose first offers the platform sealed), else the quotes' or first offers'.
	 */
	private Optional<OfferEnvelopes.Stage> current(ProcurementView c) {
		Optional<UUID> first = envelopes.key(c.id(), NegotiationRoom.FIRST);
		Optional<UUID> last = envelopes.key(c.id(), NegotiationRoom.FINAL);
		if (last.isPresent() && (c.finalOfferDeadline() != null || first.isEmpty())) {
			return Optional.of(stage(c, NegotiationRoom.FINAL, last.get()));
		}
		return first.map(key -> stage(c, NegotiationRoom.FIRST, key));
	}

	private static OfferEnvelopes.Stage stage(ProcurementView c, String stage, UUID key) {
		Instant deadline = NegotiationRoom.FIRST.equals(stage) ? c.responseDeadline() : c.finalOfferDeadline();
		return new OfferEnvelopes.Stage(c.id(), stage, c.tradeCode().value(), c.region(), key,
				deadline == null ? Instant.MAX : deadline, OfferEnvelopes.Limit.NONE);
	}

	/** Whether envelopes of the stage wait for the custodians' shares. */
	boolean pending(UUID id, String stage) {
		return envelopes.pending(id, stage);
	}

	/** The amounts of the stage's opened envelopes, by supplier; refused ones left out. */
	Map<EntityId, BigDecimal> opened(UUID id, String stage) {
		Map<EntityId, BigDecimal> amounts = new HashMap<>();
		envelopes.opened(id, stage).forEach((supplier, row) -> amounts.put(supplier, row.amount()));
		return amounts;
	}

	/** Whether the case's stage is sealed by the suppliers (it has its own opening key). */
	boolean seals(UUID id, String stage) {
		return envelopes.key(id, stage).isPresent();
	}

	/** Publishing a case (not a single source) makes the key its quotes or first offers are sealed to. */
	void firstKey(ProcurementView c) {
		envelopes.createKey(c.id(), NegotiationRoom.FIRST, c.region(), c.tradeCode().value());
	}

	/**
	 * Calling final offers makes their own key, for a case whose first offers were sealed to the first one; a case
	 * published under migration 3000 already has its final-offer key (and platform-sealed first offers).
	 */
	void finalKey(ProcurementView c) {
		if (seals(c.id(), NegotiationRoom.FIRST) && !seals(c.id(), NegotiationRoom.FINAL)) {
			envelopes.createKey(c.id(), NegotiationRoom.FINAL, c.region(), c.tradeCode().value() + " 最后报价");
		}
	}

	/** The stage the supplier may seal an offer for now, or the refusal saying why not. */
	private static String openStage(ProcurementView c, Cases.Supplier me, Instant now) {
		if (c.method() == ProcurementMethod.SINGLE_SOURCE) {
			throw Refusal.conflict(null, "procurement.sealed.noKey");
		}
		if (c.status() == ProcurementStatus.FINAL_OFFERS) {
			if (!now.isBefore(c.finalOfferDeadline())) {
				throw Refusal.conflict(null, "procurement.finalOffer.closed");
			}
			if (me.respondedAt() == null) {
				throw Refusal.conflict(null, "procurement.finalOffer.noResponse");
			}
			return NegotiationRoom.FINAL;
		}
		if (c.status() != ProcurementStatus.PUBLISHED || !now.isBefore(c.responseDeadline())) {
			throw Refusal.conflict(null, c.finalOfferDeadline() != null ? "procurement.finalOffer.closed"
					: "procurement.respond.closed");
		}
		if (me.respondedAt() == null) {
			throw Refusal.conflict(null, "procurement.quote.respondFirst");
		}
		return NegotiationRoom.FIRST;
	}
}
