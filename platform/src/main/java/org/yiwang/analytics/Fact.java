package org.yiwang.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One stage of one transaction as the analytics module records it, with the dimensions and amounts the dashboards
 * group by. Null where the stage does not have it.
 *
 * @param key the event the fact came from (a redelivered event finds it already there)
 * @param recordId the portal's public record of this stage ({@code /notices/{id}}), when there is one
 * @param durationDays days since the stage this one is measured from (notice to award, bid deadline to contract)
 * @param staff the staff member (or, for a seat, the expert) who acted; null when nobody in particular did
 */
record Fact(String key, Stage stage, Instant occurredAt, String region, String category, String procedure,
		String tradeCode, UUID subjectId, UUID recordId, String title, BigDecimal budget, BigDecimal amount,
		Integer bidders, String winnerRegion, Boolean nonLocal, Boolean eGuarantee, Instant deadline, Double durationDays,
		String staff) {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	Fact {
		category = category == null ? "" : category;
		procedure = procedure == null ? "" : procedure;
		tradeCode = tradeCode == null ? "" : tradeCode;
		title = title == null ? "" : title;
	}

	/** A fact with only the dimensions; the rest is added with the {@code with...} methods. */
	static Fact of(String key, Stage stage, Instant occurredAt, String region, String category, String procedure,
			String tradeCode, String title) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, null, null, title, null, null, null,
				null, null, null, null, null, null);
	}

	/** The first day of the Beijing-time month the stage happened in. */
	LocalDate month() {
		return occurredAt.atZone(BEIJING).toLocalDate().withDayOfMonth(1);
	}

	Fact withIds(UUID subject, UUID record) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subject, record, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}

	Fact withAmounts(BigDecimal budget, BigDecimal amount) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subjectId, recordId, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}

	Fact withBidders(Integer bidders) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subjectId, recordId, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}

	Fact withWinner(String winnerRegion, Boolean nonLocal) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subjectId, recordId, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}

	Fact withSecurity(boolean eGuarantee) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subjectId, recordId, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}

	Fact withTiming(Instant deadline, Double durationDays) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subjectId, recordId, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}

	Fact by(String staff) {
		return new Fact(key, stage, occurredAt, region, category, procedure, tradeCode, subjectId, recordId, title, budget,
				amount, bidders, winnerRegion, nonLocal, eGuarantee, deadline, durationDays, staff);
	}
}
