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

	@Test
	void refuses_an_auction_without_countdown() {
		TemplateRevision listing = new TemplateRevision(Procedure.LISTING, null, null, null, null, null, null, null, 20,
				true, null, 1, false, true, null, null, "r", 1);
		assertThat(TemplateRules.check(ProcedureFamily.PROPERTY, listing)).extracting(TemplateRules.Violation::field)
			.containsExactly("countdownMinutes");
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
