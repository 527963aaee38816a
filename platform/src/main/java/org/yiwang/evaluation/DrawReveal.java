package org.yiwang.evaluation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Evaluation began for a section round: its expert draw lifts the seal (names, seed and verification record become
 * visible), as the platform itself, once the beginning has committed.
 */
@Component
class DrawReveal {

	private final ExpertDraws draws;

	DrawReveal(ExpertDraws draws) {
		this.draws = draws;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EvaluationBegun begun) {
		draws.ofAttempt(begun.section(), begun.round(), begun.attempt())
			.filter(draw -> draw.status() == DrawStatus.COMPLETE)
			.ifPresent(draw -> draws.evaluationBegun(draw.id()));
	}
}
