package org.yiwang.evaluation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;

/**
 * Opens an evaluation case when a section round's bids are opened, and seats the committee when it is drawn (either
 * may arrive first: seats are kept by section and round). No transaction is opened here: the writes run in the
 * platform's scope, which must be set before their transaction starts. Both are idempotent.
 */
@Component
class EvaluationListener {

	private final EvaluationDesk desk;

	private final TransactionTemplate transactions;

	EvaluationListener(EvaluationDesk desk, TransactionTemplate transactions) {
		this.desk = desk;
		this.transactions = transactions;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BidsOpened opened) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> desk.open(opened)));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CommitteeDrawn drawn) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> desk.seat(drawn)));
	}
}
