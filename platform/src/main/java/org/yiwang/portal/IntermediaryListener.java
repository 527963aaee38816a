package org.yiwang.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.intermediary.IntermediarySelected;
import org.yiwang.intermediary.SelectionDesk;
import org.yiwang.intermediary.ServiceContractConfirmed;
import org.yiwang.intermediary.ServiceRequestPublished;

/**
 * Takes the intermediary marketplace's service requests, selection results and contracts into the portal as public
 * records, after their transaction committed. No national dataset applies to them (none is exported).
 */
@Component
class IntermediaryListener {

	private final Portal portal;

	IntermediaryListener(Portal portal) {
		this.portal = portal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ServiceRequestPublished r) {
		portal.receive(record(r), "intermediary", null);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(IntermediarySelected r) {
		portal.receive(record(r), "intermediary", null);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ServiceContractConfirmed r) {
		portal.receive(record(r), "intermediary", null);
	}

	static PublicRecord record(ServiceRequestPublished r) {
		return new PublicRecord(r.request(), RecordType.INTERMEDIARY_REQUEST, r.tradeCode().value(), r.title(), r.title(),
				r.region().value(), SelectionDesk.CATEGORY.value(), r.title(), r.text(), r.feeCeiling(), null,
				List.of(new Party("tenderer", r.ownerName(), r.ownerCreditCode())), r.deadline(), r.signedText(),
				r.platformSignature(), r.occurredAt(), null);
	}

	/** The result's and the contract's ids are derived from the request's, so a redelivered event finds its record. */
	static PublicRecord record(IntermediarySelected r) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", r.ownerName(), null));
		if (!r.failed()) {
			parties.add(new Party("winner", r.intermediaryName(), r.intermediaryCreditCode()));
		}
		return new PublicRecord(derived(r.request(), "result"), RecordType.INTERMEDIARY_RESULT, r.tradeCode().value(),
				r.title(), r.title(), r.region().value(), SelectionDesk.CATEGORY.value(), r.title(), r.signedText(), null,
				r.price(), parties, null, r.signedText(), r.platformSignature(), r.occurredAt(), null);
	}

	static PublicRecord record(ServiceContractConfirmed r) {
		return new PublicRecord(derived(r.request(), "contract"), RecordType.INTERMEDIARY_CONTRACT, r.tradeCode().value(),
				r.title(), r.title(), r.region().value(), SelectionDesk.CATEGORY.value(), r.title(), r.signedText(), null,
				r.amount(), List.of(new Party("tenderer", r.ownerName(), null),
						new Party("winner", r.intermediaryName(), r.intermediaryCreditCode())),
				null, r.signedText(), r.platformSignature(), r.occurredAt(), null);
	}

	private static UUID derived(UUID request, String what) {
		return UUID.nameUUIDFromBytes(("intermediary:" + what + ":" + request).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
