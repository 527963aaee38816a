package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * A public record of a section was published and signed by the platform. The portal indexes it; the audit log keeps
 * it. The signature is the platform's SM2 signature over {@code signedContent} (UTF-8), so anyone can check what was
 * published with the platform certificate at {@code /platform/certificate}.
 *
 * @param noticeId stable id; the record's public address is {@code /notices/{noticeId}}
 * @param type what kind of record
 * @param tradeCode the section's unified trade code (统一交易标识码)
 * @param projectName the tender project's name
 * @param sectionName the section's (标段/包) name
 * @param region the section's region
 * @param category the section's trading category
 * @param title the notice's title as published
 * @param body the notice's plain text as published
 * @param estimatedPrice the section's estimated price (招标控制价/预算金额); null when not disclosed
 * @param amount the amount the record states (winning price, contract amount); null when none
 * @param tendererName the tenderer or purchaser
 * @param tendererCreditCode its unified social credit code
 * @param agencyName the agency acting for it; null when none
 * @param bidDeadline the bid deadline the record states; null when none
 * @param signedContent the exact text the platform signed
 * @param signature the platform's signature over {@code signedContent}, base64 (SM2 with SM3, DER)
 * @param occurredAt when it was published
 * @param winnerName the winner (中标人) an award result or contract names; null for other records
 * @param winnerCreditCode the winner's unified social credit code; null when none
 * @param particulars what the national data specification asks beyond the text; null when not captured
 */
public record NoticePublished(Actor actor, UUID noticeId, NoticeType type, TradeCode tradeCode, String projectName,
		String sectionName, RegionCode region, CategoryCode category, String title, String body, Money estimatedPrice,
		Money amount, String tendererName, CreditCode tendererCreditCode, String agencyName, Instant bidDeadline,
		String signedContent, String signature, Instant occurredAt, String winnerName, CreditCode winnerCreditCode,
		NoticeParticulars particulars) implements Auditable {

	/** A record without {@link NoticeParticulars} (published before the platform captured them). */
	public NoticePublished(Actor actor, UUID noticeId, NoticeType type, TradeCode tradeCode, String projectName,
			String sectionName, RegionCode region, CategoryCode category, String title, String body, Money estimatedPrice,
			Money amount, String tendererName, CreditCode tendererCreditCode, String agencyName, Instant bidDeadline,
			String signedContent, String signature, Instant occurredAt, String winnerName, CreditCode winnerCreditCode) {
		this(actor, noticeId, type, tradeCode, projectName, sectionName, region, category, title, body, estimatedPrice,
				amount, tendererName, tendererCreditCode, agencyName, bidDeadline, signedContent, signature, occurredAt,
				winnerName, winnerCreditCode, null);
	}

	/** A record that names no winner (tender notices, clarifications, opening records, failures, publicity). */
	public NoticePublished(Actor actor, UUID noticeId, NoticeType type, TradeCode tradeCode, String projectName,
			String sectionName, RegionCode region, CategoryCode category, String title, String body, Money estimatedPrice,
			Money amount, String tendererName, CreditCode tendererCreditCode, String agencyName, Instant bidDeadline,
			String signedContent, String signature, Instant occurredAt) {
		this(actor, noticeId, type, tradeCode, projectName, sectionName, region, category, title, body, estimatedPrice,
				amount, tendererName, tendererCreditCode, agencyName, bidDeadline, signedContent, signature, occurredAt, null,
				null);
	}

	/** The same record with its particulars. */
	public NoticePublished with(NoticeParticulars facts) {
		return new NoticePublished(actor, noticeId, type, tradeCode, projectName, sectionName, region, category, title,
				body, estimatedPrice, amount, tendererName, tendererCreditCode, agencyName, bidDeadline, signedContent,
				signature, occurredAt, winnerName, winnerCreditCode, facts);
	}

	@Override
	public String action() {
		return "tendering.notice.published";
	}

	@Override
	public String target() {
		return "notice:" + noticeId;
	}
}
