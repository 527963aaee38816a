package org.yiwang.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the law allows a template of each family to say. Tendering and procurement may be stricter than the law,
 * never looser: 20 days to bid (招标投标法 Art. 24), documents 5 days (实施条例 Art. 16), amendments 15 days (Art. 21),
 * objections answered in 3 days (Art. 22), at least 3 bids (招标投标法 Art. 28), security at most 2% (实施条例 Art. 26).
 * A procurement template of a non-tender method (negotiation, consultation, quotations, single source) keeps that
 * method's least period and suppliers instead ({@link ProcurementMinimums}).
 * An auction kind brings its settings: a Dutch auction steps down at least every second to a floor of 1–100% of the
 * start; a sealed round has a window; an English auction needs neither.
 */
final class TemplateRules {

	record Violation(String field, String messageKey, Object... arguments) {
	}

	private TemplateRules() {
	}

	static List<Violation> check(ProcedureFamily family, TemplateRevision revision) {
		List<Violation> violations = new ArrayList<>();
		var method = family == ProcedureFamily.PROCUREMENT ? ProcurementMinimums.of(revision.procedure())
				: java.util.Optional.<ProcurementMinimums.Minimum>empty();
		if (method.isPresent()) {
			// a non-tender procurement method: its own least period and suppliers, not the tender's
			ProcurementMinimums.Minimum m = method.get();
			atLeast(violations, "bidPeriodDays", revision.bidPeriodDays(), m.days());
			if (revision.minBids() != null && revision.minBids() < m.suppliers()) {
				violations.add(new Violation("minBids", "template.law.atLeast", m.suppliers()));
			}
			if (m.procedure() != Procedure.SINGLE_SOURCE) {
				required(violations, "evaluationMethod", revision.evaluationMethod());
			}
		}
		else if (family == ProcedureFamily.TENDER || family == ProcedureFamily.PROCUREMENT) {
			atLeast(violations, "bidPeriodDays", revision.bidPeriodDays(), 20);
			atLeast(violations, "documentAvailabilityDays", revision.documentAvailabilityDays(), 5);
			atLeast(violations, "amendmentNoticeDays", revision.amendmentNoticeDays(), 15);
			atLeast(violations, "objectionDeadlineDays", revision.objectionDeadlineDays(), 10);
			required(violations, "objectionAnswerDays", revision.objectionAnswerDays());
			if (revision.objectionAnswerDays() != null && revision.objectionAnswerDays() > 3) {
				violations.add(new Violation("objectionAnswerDays", "template.law.atMost", 3));
			}
			if (revision.minBids() != null && revision.minBids() < 3) {
				violations.add(new Violation("minBids", "template.law.atLeast", 3));
			}
			if (revision.securityMaxPercent() != null && revision.securityMaxPercent().compareTo(new BigDecimal("2")) > 0) {
				violations.add(new Violation("securityMaxPercent", "template.law.atMost", 2));
			}
			required(violations, "evaluationMethod", revision.evaluationMethod());
			required(violations, "decryptionWindowMinutes", revision.decryptionWindowMinutes());
		}
		if (revision.auction()) {
			required(violations, "countdownMinutes", revision.countdownMinutes());
			if (revision.countdownMinutes() != null && revision.countdownMinutes() < 1) {
				violations.add(new Violation("countdownMinutes", "template.law.atLeast", 1));
			}
		}
		if (revision.auctionKind() == AuctionKind.DUTCH) {
			between(violations, "dutchStepSeconds", revision.dutchStepSeconds(), 1, 86400, "template.dutch.step");
			between(violations, "dutchFloorPercent", revision.dutchFloorPercent(), 1, 100, "template.dutch.floor");
		}
		if (revision.auctionKind() == AuctionKind.SEALED) {
			between(violations, "sealedWindowMinutes", revision.sealedWindowMinutes(), 1, 43200, "template.sealed.window");
		}
		if (revision.procedure() == Procedure.LISTING) {
			required(violations, "listingPeriodDays", revision.listingPeriodDays());
		}
		return violations;
	}

	private static void atLeast(List<Violation> violations, String field, Integer value, int minimum) {
		if (value == null) {
			violations.add(new Violation(field, "template.required"));
		}
		else if (value < minimum) {
			violations.add(new Violation(field, "template.law.atLeast", minimum));
		}
	}

	/** Required for the auction kind, and within its range: one message says both. */
	private static void between(List<Violation> violations, String field, Integer value, int min, int max, String key) {
		if (value == null || value < min || value > max) {
			violations.add(new Violation(field, key, min, max));
		}
	}

	private static void required(List<Violation> violations, String field, Object value) {
		if (value == null) {
			violations.add(new Violation(field, "template.required"));
		}
	}
}
