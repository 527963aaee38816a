package org.yiwang.tendering;

import java.math.BigDecimal;

import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.catalog.ProcedureTemplate;

/**
 * The periods a section's procedure enforces, taken from the category's template revision it started under. The
 * template is checked against the law's floors by the catalogue (招标投标法 Art. 24; 实施条例 Art. 16, 21, 22, 26); the
 * law's own floors apply where a template leaves a value empty. Government procurement counts the documents period in
 * working days (政府采购法实施条例 Art. 31: at least 5 working days); works tenders in calendar days.
 *
 * @param bidPeriodDays least days from documents issued to the bid deadline
 * @param documentDays least days the documents are available
 * @param documentWorkingDays whether {@code documentDays} counts working days (Monday to Friday)
 * @param amendmentNoticeDays a clarification that may affect bids, closer than this to the deadline, moves it
 * @param objectionDeadlineDays objections accepted until this many days before the deadline
 * @param objectionAnswerDays objections answered within this many days
 * @param securityMaxPercent bid security at most this percentage of the estimated price
 */
record ProcedureRules(int bidPeriodDays, int documentDays, boolean documentWorkingDays, int amendmentNoticeDays,
		int objectionDeadlineDays, int objectionAnswerDays, BigDecimal securityMaxPercent) {

	static ProcedureRules of(ProcedureTemplate template, ProcedureFamily family) {
		return new ProcedureRules(atLeast(template.bidPeriodDays(), 20), atLeast(template.documentAvailabilityDays(), 5),
				family == ProcedureFamily.PROCUREMENT, atLeast(template.amendmentNoticeDays(), 15),
				atLeast(template.objectionDeadlineDays(), 10),
				template.objectionAnswerDays() == null ? 3 : Math.min(template.objectionAnswerDays(), 3),
				template.securityMaxPercent() == null || template.securityMaxPercent().compareTo(new BigDecimal("2")) > 0
						? new BigDecimal("2") : template.securityMaxPercent());
	}

	private static int atLeast(Integer templateValue, int legalFloor) {
		return templateValue == null ? legalFloor : Math.max(templateValue, legalFloor);
	}
}
