package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The publicity of a section's evaluation result (中标候选人公示): the report it follows, when it started and ends, the
 * signed notice and the ranked candidates. A report naming no candidate is published as the section's failure instead.
 *
 * @param startedLate the platform took the report up more than 3 days after it was signed (实施条例 Art. 54)
 * @param noticeType {@link NoticeType#CANDIDATES}, or {@link NoticeType#FAILED} when no candidate was named
 * @param attempt the evaluation of the round it follows: 1, or 2, 3, … after a regulator's re-evaluation order
 *     withdrew the earlier publicity
 */
public record AwardPublicityView(SectionId section, int round, UUID reportId, String method, String reportSha256,
		String reportUrl, Instant reportedAt, Instant publicizedAt, Instant publicityEnds, boolean startedLate,
		UUID noticeId, NoticeType noticeType, List<CandidateView> candidates, int attempt) {

	public AwardPublicityView {
		candidates = List.copyOf(candidates);
	}

	/** The publicity of a round's first evaluation (attempt 1). */
	public AwardPublicityView(SectionId section, int round, UUID reportId, String method, String reportSha256,
			String reportUrl, Instant reportedAt, Instant publicizedAt, Instant publicityEnds, boolean startedLate,
			UUID noticeId, NoticeType noticeType, List<CandidateView> candidates) {
		this(section, round, reportId, method, reportSha256, reportUrl, reportedAt, publicizedAt, publicityEnds,
				startedLate, noticeId, noticeType, candidates, 1);
	}

	public boolean failed() {
		return noticeType == NoticeType.FAILED;
	}

	/** Objections are taken while the publicity runs. */
	public boolean runningAt(Instant now) {
		return !failed() && !now.isBefore(publicizedAt) && now.isBefore(publicityEnds);
	}
}
