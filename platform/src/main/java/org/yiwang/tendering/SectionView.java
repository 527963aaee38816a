package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A section (标段/包) as pages, the API and other modules see it: its tender project, trade code, procedure template
 * revision, amounts, status and, once drafted, its notice and clock.
 *
 * @param family the category's procedure family, fixed when the category was made
 * @param templateVersion the revision of the category's procedure template the section started under and keeps
 * @param bidValidityDays how long bids stay valid after the deadline (投标有效期)
 * @param qualifications qualification types a bidder must hold, valid on the day (资质), e.g. 建筑工程施工总承包
 * @param pausedSince when objections paused the procedure; null while it runs
 * @param openingKey the section's opening key, created at publication (sealed bids are encrypted to it)
 */
public record SectionView(SectionId id, UUID tenderProjectId, String projectName, String tenderProjectName,
		TradeCode tradeCode, String name, RegionCode region, CategoryCode category, ProcedureFamily family, String procedure,
		int templateVersion,
		Money estimatedPrice, Money bidSecurity, int bidValidityDays, List<String> qualifications, SectionStatus status,
		String returnReason, EntityId tenderer, String tendererName, String tendererCreditCode, EntityId agency,
		String agencyName, String noticeTitle, String noticeBody, Instant documentsFrom, Instant documentsUntil,
		Instant bidDeadline, Instant pausedSince, UUID noticeId, Instant publishedAt, String signedContent,
		String signature, UUID openingKey, String createdBy, Instant createdAt, long version) {

	public boolean published() {
		return status == SectionStatus.PUBLISHED;
	}

	public boolean paused() {
		return pausedSince != null;
	}

	/** Published, not paused, and the deadline not reached at {@code now}. */
	public boolean openAt(Instant now) {
		return published() && pausedSince == null && bidDeadline != null && now.isBefore(bidDeadline);
	}
}
