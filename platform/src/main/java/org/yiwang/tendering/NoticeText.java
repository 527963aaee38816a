package org.yiwang.tendering;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The exact text the platform signs when it publishes a notice, clarification or amendment: a header line, one
 * {@code key=value} line per fact, an empty line, then the notice's text; UTF-8, each line ended by LF. Anyone holding
 * the text, the signature and the platform certificate checks it with OpenSSL (docs/tender-procedure.md).
 */
final class NoticeText {

	private NoticeText() {
	}

	static String of(UUID noticeId, NoticeType type, SectionView s, String title, String body, Instant deadline,
			Instant documentsFrom, Instant publishedAt) {
		StringBuilder text = new StringBuilder("YIWANG-NOTICE-V1\n");
		line(text, "noticeId", noticeId);
		line(text, "type", type);
		line(text, "tradeCode", s.tradeCode());
		line(text, "region", s.region());
		line(text, "category", s.category());
		line(text, "projectName", s.projectName());
		line(text, "tenderProjectName", s.tenderProjectName());
		line(text, "sectionName", s.name());
		line(text, "tenderer", s.tendererName() + " " + s.tendererCreditCode());
		line(text, "agency", s.agencyName() == null ? "-" : s.agencyName());
		line(text, "estimatedPrice", s.estimatedPrice());
		line(text, "bidSecurity", s.bidSecurity());
		line(text, "documentsFrom", documentsFrom);
		line(text, "documentsUntil", s.documentsUntil());
		line(text, "bidDeadline", deadline);
		line(text, "publishedAt", publishedAt);
		line(text, "title", title);
		text.append('\n').append(body.replace("\r\n", "\n"));
		if (!body.endsWith("\n")) {
			text.append('\n');
		}
		return text.toString();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder text, String key, Object value) {
		text.append(key).append('=').append(value == null ? "-" : value.toString().replace('\n', ' ')).append('\n');
	}
}
