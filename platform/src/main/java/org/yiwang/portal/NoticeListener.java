package org.yiwang.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.tendering.NoticePublished;

/**
 * Takes each notice the tendering module publishes into the portal, after the publishing transaction committed (the
 * JDBC publication registry redelivers it after a crash). No transaction is opened here: the portal's writes run in
 * the platform's scope, which must be set before their transaction starts.
 */
@Component
class NoticeListener {

	private final Portal portal;

	NoticeListener(Portal portal) {
		this.portal = portal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticePublished notice) {
		portal.receive(record(notice), "tendering");
	}

	static PublicRecord record(NoticePublished n) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", n.tendererName(),
				n.tendererCreditCode() == null ? null : n.tendererCreditCode().value()));
		if (n.agencyName() != null && !n.agencyName().isBlank()) {
			parties.add(new Party("agency", n.agencyName(), null));
		}
		if (n.winnerName() != null && !n.winnerName().isBlank()) {
			parties.add(new Party("winner", n.winnerName(),
					n.winnerCreditCode() == null ? null : n.winnerCreditCode().value()));
		}
		return new PublicRecord(n.noticeId(), RecordType.of(n.type()), n.tradeCode().value(), n.projectName(),
				n.sectionName(), n.region().value(), n.category().value(), n.title(), n.body(),
				n.estimatedPrice() == null ? null : n.estimatedPrice().yuan(), n.amount() == null ? null : n.amount().yuan(),
				List.copyOf(parties), n.bidDeadline(), n.signedContent(), n.signature(), n.occurredAt(), null);
	}
}
