package org.yiwang.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.procurement.FrameworkEntryPublished;
import org.yiwang.procurement.FrameworkNoticePublished;
import org.yiwang.procurement.FrameworkOrderPlaced;

/**
 * Takes a framework agreement's records into the portal under its trade code: the call (征集公告) and each
 * republication of an open framework's call as notices, the entry list (入围结果公告) as a result naming every entrant,
 * or its termination, each change of an open framework's member list (入围供应商名单) as a result of its own naming the
 * members then, and each second-stage order as a
 * contract record with its amount. Record ids derive from the event's subject, so a redelivered event finds the record
 * it already made. No national dataset covers framework agreements yet: the records are not exported.
 */
@Component
class FrameworkListener {

	static final String SOURCE = "procurement:FRAMEWORK";

	private final Portal portal;

	FrameworkListener(Portal portal) {
		this.portal = portal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(FrameworkNoticePublished n) {
		portal.receive(record(n), SOURCE, null);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(FrameworkEntryPublished e) {
		portal.receive(record(e), SOURCE, null);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(FrameworkOrderPlaced o) {
		portal.receive(record(o), SOURCE, null);
	}

	/** The call; an open framework's republication is a record of its own (the first call stays as it was). */
	static PublicRecord record(FrameworkNoticePublished n) {
		UUID id = n.republication() == 0 ? n.framework() : UUID.nameUUIDFromBytes(("framework-call:" + n.framework()
				+ ":" + n.republication()).getBytes(StandardCharsets.UTF_8));
		String kind = n.republication() == 0 ? "框架协议采购征集公告："
				: "框架协议采购征集公告（第 " + n.republication() + " 次重新发布）：";
		return new PublicRecord(id, RecordType.TENDER, n.tradeCode().value(), n.title(), n.title(),
				n.region().value(), n.category().value(), kind + n.title(), n.signedText(), null, null,
				List.of(new Party("tenderer", n.purchaserName(), blankToNull(n.purchaserCreditCode()))),
				n.responseDeadline(), n.signedText(), n.signature(), n.occurredAt(), null);
	}

	static PublicRecord record(FrameworkEntryPublished e) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", e.purchaserName(), blankToNull(e.purchaserCreditCode())));
		for (FrameworkEntryPublished.Entrant entrant : e.entrants()) {
			parties.add(new Party("winner", entrant.name(), blankToNull(entrant.creditCode())));
		}
		// an open framework's n-th member list is a record of its own; the closed form's one entry list keeps its id
		UUID id = UUID.nameUUIDFromBytes(("framework-entry:" + e.framework() + (e.revision() == 0 ? "" : ":" + e.revision()))
			.getBytes(StandardCharsets.UTF_8));
		String kind = e.failed() ? "框架协议采购终止公告："
				: e.revision() > 0 ? "开放式框架协议入围供应商名单（第 " + e.revision() + " 次更新）：" : "框架协议入围结果公告：";
		return new PublicRecord(id, e.failed() ? RecordType.FAILED : RecordType.AWARD_RESULT, e.tradeCode().value(),
				e.title(), e.title(), e.region().value(), e.category().value(), kind + e.title(), e.signedText(), null, null,
				List.copyOf(parties), null, e.signedText(), e.signature(), e.occurredAt(), null);
	}

	static PublicRecord record(FrameworkOrderPlaced o) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", o.buyerName(), blankToNull(o.buyerCreditCode())));
		parties.add(new Party("winner", o.supplierName(), blankToNull(o.supplierCreditCode())));
		return new PublicRecord(o.order(), RecordType.CONTRACT, o.tradeCode().value(), o.title(), o.title(),
				o.region().value(), o.category().value(), "框架协议采购成交记录：" + o.title() + "（" + o.buyerName() + "）",
				o.signedText(), null, o.amount().yuan(), List.copyOf(parties), null, o.signedText(), o.signature(),
				o.occurredAt(), null);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
