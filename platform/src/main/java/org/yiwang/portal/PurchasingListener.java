package org.yiwang.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.purchasing.RoundBidView;
import org.yiwang.purchasing.RoundResultPublished;

/**
 * Takes a volume round's result (带量采购结果公告) into the portal under the round's trade code, with the platform's
 * signature and the winners as parties; a failed round is a failure record. No national dataset covers volume rounds:
 * the record is not exported.
 */
@Component
class PurchasingListener {

	static final String SOURCE = "purchasing:VOLUME_ROUND";

	private final Portal portal;

	PurchasingListener(Portal portal) {
		this.portal = portal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RoundResultPublished r) {
		if (r.tradeCode() == null || r.signedText() == null) {
			// published before round results were signed: nothing the portal could verify
			return;
		}
		portal.receive(record(r), SOURCE, null);
	}

	/** The record's id derives from the round's, so a redelivered event finds the record it already made. */
	static PublicRecord record(RoundResultPublished r) {
		List<Party> parties = new ArrayList<>();
		for (RoundBidView b : r.bids()) {
			if (Boolean.TRUE.equals(b.winner())) {
				parties.add(new Party("winner", b.supplierName(), null));
			}
		}
		UUID id = UUID.nameUUIDFromBytes(("purchasing-round-result:" + r.round()).getBytes(StandardCharsets.UTF_8));
		return new PublicRecord(id, r.decided() ? RecordType.AWARD_RESULT : RecordType.FAILED, r.tradeCode().value(),
				r.title(), r.title(), r.region().value(), r.category().value(),
				(r.decided() ? "带量采购结果公告：" : "带量采购流标公告：") + r.title(), r.signedText(), null, null,
				List.copyOf(parties), null, r.signedText(), r.signature(), r.occurredAt(), null);
	}
}
