package org.yiwang.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A section with what the actor may see of it: the rules its procedure enforces, documents, questions (answered ones
 * only, for bidders; never who asked), clarifications, objections (a bidder sees its own), interested bidders (the
 * tenderer, agency and staff only), the deadline's history, and the clock's state at {@code now}.
 *
 * @param interested whether the signed-in bidder registered for the section
 * @param documentsAvailable whether documents may be obtained now
 * @param acceptingBids published, not paused, before the deadline
 * @param objectionsUntil the last moment an objection to the documents is accepted; null before publication
 * @param myBids the signed-in bidder's bids on the section
 * @param receiptedBids how many bids stand (for the tenderer, agency and staff; who bid stays sealed until opening)
 */
public record SectionDossier(SectionView section, int bidPeriodDays, int documentDays, boolean documentWorkingDays,
		int amendmentNoticeDays, int objectionDeadlineDays, int objectionAnswerDays, BigDecimal securityMaxPercent,
		List<DocumentView> documents, List<QuestionView> questions, List<ClarificationView> clarifications,
		List<ObjectionView> objections, List<InterestView> interests, List<DeadlineChangeView> deadlineChanges,
		boolean interested, boolean documentsAvailable, boolean acceptingBids, Instant objectionsUntil,
		List<BidView> myBids, int receiptedBids, Instant now) {
}
