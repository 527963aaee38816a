package org.yiwang.tendering;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.registry.EntityId;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.AwardChanged.ContractConcluded;
import org.yiwang.tendering.AwardChanged.WinnerConfirmed;

/**
 * The award's consequences, after the deciding transaction committed (the JDBC publication registry redelivers them
 * after a crash; each step is idempotent): an evaluation report is publicized; a confirmed winner ends the trade in
 * the guarantee module, which releases everyone else's security; a concluded contract releases the winner's. The
 * guarantee module is called as the platform itself (no principal), in the platform's scope, set before its
 * transactions open.
 */
@Component
class AwardListener {

	private static final Logger log = LoggerFactory.getLogger(AwardListener.class);

	private final AwardDesk desk;

	private final BidSecurity security;

	AwardListener(AwardDesk desk, BidSecurity security) {
		this.desk = desk;
		this.security = security;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EvaluationReported report) {
		if (!desk.publicize(report)) {
			log.info("Evaluation report {} of section {} round {} was not taken up (taken already, or the section is not "
					+ "opened in that round)", report.reportId(), report.section(), report.round());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(WinnerConfirmed confirmed) {
		if (!confirmed.securityRequired()) {
			return;
		}
		// A winner that held no security (none asked of it, or not held) is no holder to keep: everyone's is released.
		Optional<EntityId> winner = holds(confirmed.tradeCode(), confirmed.winner()) ? Optional.of(confirmed.winner())
				: Optional.empty();
		RegionScopes.callAsPlatform(() -> security.transactionEnded(confirmed.tradeCode(), winner));
	}

	/** A round failed by a regulator's order: everyone's security is released, as for any failed trade. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TenderingChanged.RetenderOrdered ordered) {
		if (ordered.securityRequired()) {
			RegionScopes.callAsPlatform(() -> security.transactionEnded(ordered.tradeCode(), Optional.empty()));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ContractConcluded concluded) {
		if (concluded.securityRequired() && holds(concluded.tradeCode(), concluded.winner())) {
			RegionScopes.callAsPlatform(() -> security.contractSigned(concluded.tradeCode(), concluded.signedOn()));
		}
	}

	private boolean holds(org.yiwang.kernel.TradeCode trade, EntityId winner) {
		return RegionScopes.callAsPlatform(() -> security.biddersDisclosed(trade)).holders().contains(winner);
	}
}
