package org.yiwang.evaluation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;
import org.yiwang.venue.EvaluationRooms;

/**
 * Seats a drawn committee on the roster of its section's evaluation room (venue module), so only its experts are
 * admitted at the door. The venue module cannot ask evaluation (tendering depends on venue, evaluation on tendering),
 * so evaluation tells it. A section evaluated online holds no room and gets no roster.
 */
@Component
class CommitteeRoom {

	private final Draws draws;

	private final EvaluationRooms rooms;

	private final TransactionTemplate transactions;

	CommitteeRoom(Draws draws, EvaluationRooms rooms, TransactionTemplate transactions) {
		this.draws = draws;
		this.rooms = rooms;
		this.transactions = transactions;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CommitteeDrawn drawn) {
		String tradeCode = RegionScopes.callAsPlatform(
				() -> transactions.execute(s -> draws.byId(drawn.drawId()).map(Draws.Stored::tradeCode).orElse(null)));
		if (tradeCode != null) {
			rooms.seatCommittee(tradeCode, drawn.seats().stream()
				.map(s -> new EvaluationRooms.Expert(s.username(), s.name(), s.certificateFingerprint())).toList());
		}
	}
}
