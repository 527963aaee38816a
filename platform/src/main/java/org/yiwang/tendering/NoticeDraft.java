package org.yiwang.tendering;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The tender notice (招标公告) as the tenderer or agency drafts it: title, plain text, and the procedure's dates.
 * Documents are issued from {@code documentsFrom} or from publication, whichever is later. {@code consortiumAllowed}
 * says whether consortia may bid (是否允许联合体投标); the drafter must say it.
 */
public record NoticeDraft(
		@NotBlank(message = "{tendering.notice.title}") @Size(max = 200, message = "{tendering.notice.title}") String title,
		@NotBlank(message = "{tendering.notice.body}") @Size(max = 20000, message = "{tendering.notice.body}") String body,
		@NotNull(message = "{tendering.notice.datesRequired}") Instant documentsFrom,
		@NotNull(message = "{tendering.notice.datesRequired}") Instant documentsUntil,
		@NotNull(message = "{tendering.notice.datesRequired}") Instant bidDeadline,
		@NotNull(message = "{tendering.notice.consortiumRequired}") Boolean consortiumAllowed) {
}
