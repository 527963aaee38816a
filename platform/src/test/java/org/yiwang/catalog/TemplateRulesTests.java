package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.yiwang.kernel.CategoryCode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TemplateRulesTests {

	private static TemplateRevision tender(int bidPeriodDays, int documentDays, int amendmentDays, int objectionDays,
			int answerDays, int minBids, String securityPercent) {
		ProcedureTemplate initial = ProcedureTemplate.initial(CategoryCode.of("ENG_BUILDING"), ProcedureFamily.TENDER,
				Instant.EPOCH, "test");
		return new TemplateRevision(initial.procedure(), bidPeriodDays, documentDays, amendmentDays, objectionDays,
				answerDays, 3, 30, null, false, null, minBids, false, false, EvaluationMethod.WEIGHTED_SCORING,
				new BigDecimal(securityPercent), "test", 1);
	}

	@Test
	void the_initial_templates_keep_the_law() {
		for (ProcedureFamily family : ProcedureFamily.values()) {
			ProcedureTemplate initial = ProcedureTemplate.initial(CategoryCode.of("TEST_CODE"), family, Instant.EPOCH, "t");
			assertThat(TemplateRules.check(family, TemplateRevision.of(initial, "check"))).as(family.name()).isEmpty();
		}
	}

	@Test
	void refuses_a_bid_period_shorter_than_twenty_days() {
		assertThat(TemplateRules.check(ProcedureFamily.TENDER, tender(19, 5, 15, 10, 3, 3, "2")))
			.extracting(TemplateRules.Violation::field).containsExactly("bidPeriodDays");
	}

	@Test
	void refuses_security_above_two_percent_and_fewer_than_three_bids() {
		assertThat(TemplateRules.check(ProcedureFamily.PROCUREMENT, tender(20, 5, 15, 10, 3, 2, "2.01")))
			.extracting(TemplateRules.Violation::field).containsExactlyInAnyOrder("minBids", "securityMaxPercent");
	}

	private static TemplateRevision method(Procedure procedure, Integer days, int minBids, EvaluationMethod evaluation) {
		return new TemplateRevision(procedure, days, null, null, null, null, null, null, null, false, null, minBids, false,
				false, evaluation, null, "method", 1);
	}

	@Test
	void a_procurement_template_of_a_non_tender_method_keeps_that_methods_minimums_not_the_tenders() {
		ProcedureFamily p = ProcedureFamily.PROCUREMENT;
		EvaluationMethod lowest = EvaluationMethod.LOWEST_EVALUATED_PRICE;
		assertThat(TemplateRules.check(p, method(Procedure.COMPETITIVE_NEGOTIATION, 3, 3, lowest))).isEmpty();
		assertThat(TemplateRules.check(p, method(Procedure.COMPETITIVE_NEGOTIATION, 2, 2, lowest)))
			.extracting(TemplateRules.Violation::field).containsExactlyInAnyOrder("bidPeriodDays", "minBids");
		assertThat(TemplateRules.check(p, method(Procedure.COMPETITIVE_CONSULTATION, 9, 3, EvaluationMethod.WEIGHTED_SCORING)))
			.extracting(TemplateRules.Violation::field).containsExactly("bidPeriodDays");
		assertThat(TemplateRules.check(p, method(Procedure.INQUIRY, 3, 3, null)))
			.extracting(TemplateRules.Violation::field).containsExactly("evaluationMethod");
		assertThat(TemplateRules.check(p, method(Procedure.SINGLE_SOURCE, 5, 1, null))).isEmpty();
		assertThat(TemplateRules.check(p, method(Procedure.SINGLE_SOURCE, 4, 1, null)))
			.extracting(TemplateRules.Violation::field).containsExactly("bidPeriodDays");
		// the same method's days in a works tender category are no tender
		assertThat(TemplateRules.check(ProcedureFamily.TENDER, method(Procedure.COMPETITIVE_NEGOTIATION, 3, 3, lowest)))
			.isNotEmpty();
	}

	@Test
	void refuses_an_auction_without_countdown() {
		TemplateRevision listing = new TemplateRevision(Procedure.LISTING, null, null, null, null, null, null, null, 20,
				true, null, 1, false, true, null, null, "r", 1);
		assertThat(TemplateRules.check(ProcedureFamily.PROPERTY, listing)).extracting(TemplateRules.Violation::field)
			.containsExactly("countdownMinutes");
	}

	private static TemplateRevision listingOf(AuctionKind kind, Integer stepSeconds, Integer floorPercent,
			Integer windowMinutes) {
		return new TemplateRevision(Procedure.LISTING, null, null, null, null, null, null, null, 20, true, 5, 1, false,
				true, null, null, "r", 1, true, kind, stepSeconds, floorPercent, windowMinutes);
	}

	@Test
	void a_dutch_auction_needs_a_step_of_at_least_one_second_and_a_floor_of_one_to_a_hundred_percent() {
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, 1, 1, null))).isEmpty();
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, 86400, 100, null))).isEmpty();
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, null, null, 60)))
			.extracting(TemplateRules.Violation::field, TemplateRules.Violation::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("dutchStepSeconds", "template.dutch.step"),
					org.assertj.core.groups.Tuple.tuple("dutchFloorPercent", "template.dutch.floor"));
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, 0, 50, null)))
			.extracting(TemplateRules.Violation::field).containsExactly("dutchStepSeconds");
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, -5, 50, null)))
			.extracting(TemplateRules.Violation::field).containsExactly("dutchStepSeconds");
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, 60, 0, null)))
			.extracting(TemplateRules.Violation::field).containsExactly("dutchFloorPercent");
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.DUTCH, 60, 101, null)))
			.extracting(TemplateRules.Violation::field).containsExactly("dutchFloorPercent");
	}

	@Test
	void a_sealed_round_needs_its_window_and_an_english_auction_ignores_the_others_settings() {
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.SEALED, null, null, 60))).isEmpty();
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.SEALED, 60, 50, null)))
			.extracting(TemplateRules.Violation::field, TemplateRules.Violation::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sealedWindowMinutes", "template.sealed.window"));
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.SEALED, null, null, 0)))
			.extracting(TemplateRules.Violation::field).containsExactly("sealedWindowMinutes");
		assertThat(TemplateRules.check(ProcedureFamily.LISTING, listingOf(AuctionKind.ENGLISH, 0, 500, -1))).isEmpty();
		// The English template keeps none of them; a Dutch one drops the window, a sealed one the step and floor.
		ProcedureTemplate current = ProcedureTemplate.initial(CategoryCode.of("TEST_CODE"), ProcedureFamily.LISTING,
				Instant.EPOCH, "t");
		ProcedureTemplate english = current.next(listingOf(AuctionKind.ENGLISH, 0, 500, -1), Instant.EPOCH, "t");
		assertThat(english.auctionKind()).isEqualTo(AuctionKind.ENGLISH);
		assertThat(english.dutchStepSeconds()).isNull();
		assertThat(english.dutchFloorPercent()).isNull();
		assertThat(english.sealedWindowMinutes()).isNull();
		ProcedureTemplate dutch = current.next(listingOf(AuctionKind.DUTCH, 30, 60, 99), Instant.EPOCH, "t");
		assertThat(dutch).extracting(ProcedureTemplate::auctionKind, ProcedureTemplate::dutchStepSeconds,
				ProcedureTemplate::dutchFloorPercent, ProcedureTemplate::sealedWindowMinutes)
			.containsExactly(AuctionKind.DUTCH, 30, 60, null);
		// A revision that names no kind (an API client of before) keeps the template's.
		ProcedureTemplate kept = dutch.next(new TemplateRevision(Procedure.LISTING, null, null, null, null, null, null,
				null, 20, true, 5, 1, false, true, null, null, "r", 2), Instant.EPOCH, "t");
		assertThat(kept).extracting(ProcedureTemplate::auctionKind, ProcedureTemplate::dutchStepSeconds,
				ProcedureTemplate::dutchFloorPercent).containsExactly(AuctionKind.DUTCH, 30, 60);
	}

	@Property
	void a_tender_template_passes_exactly_when_every_legal_minimum_holds(@ForAll @IntRange(min = 0, max = 60) int bidDays,
			@ForAll @IntRange(min = 0, max = 30) int documentDays, @ForAll @IntRange(min = 0, max = 30) int amendmentDays,
			@ForAll @IntRange(min = 0, max = 30) int objectionDays, @ForAll @IntRange(min = 0, max = 10) int answerDays,
			@ForAll @IntRange(min = 1, max = 10) int minBids) {
		boolean lawful = bidDays >= 20 && documentDays >= 5 && amendmentDays >= 15 && objectionDays >= 10
				&& answerDays <= 3 && minBids >= 3;
		assertThat(TemplateRules.check(ProcedureFamily.TENDER,
				tender(bidDays, documentDays, amendmentDays, objectionDays, answerDays, minBids, "1.5")).isEmpty())
			.isEqualTo(lawful);
	}
}
