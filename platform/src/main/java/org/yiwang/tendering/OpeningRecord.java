package org.yiwang.tendering;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The text of a section's opening record (开标记录, 实施条例 Art. 44): every bid in the order received, its price sheet
 * as read out or why it was not decrypted, each bidder's confirmation, the objections and the answers given on the
 * spot. The platform signs it inside a {@link NoticeText}; it is published as it is, in Chinese.
 */
final class OpeningRecord {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ProcedureClock.CHINA);

	private OpeningRecord() {
	}

	static String body(SectionView section, int round, Openings.Opening opening, List<Openings.Entry> bids,
			List<OpeningView.Objection> objections, Instant closedAt) {
		StringBuilder text = new StringBuilder();
		text.append("标段：").append(section.name()).append("（交易标识码 ").append(section.tradeCode()).append("，第")
			.append(round).append("轮）\n");
		text.append("招标人：").append(section.tendererName());
		if (section.agencyName() != null) {
			text.append("；招标代理机构：").append(section.agencyName());
		}
		text.append('\n');
		text.append("投标截止（开标）时间：").append(SHOWN.format(section.bidDeadline())).append("；解密截止时间：")
			.append(SHOWN.format(opening.decryptionUntil())).append('\n');
		text.append("招标控制价：").append(section.estimatedPrice()).append(" 元；递交的投标文件：").append(bids.size())
			.append(" 份\n\n");
		int n = 1;
		for (Openings.Entry bid : bids) {
			text.append(n++).append(". ").append(bid.bidderName());
			if (bid.bidderCreditCode() != null) {
				text.append("（").append(bid.bidderCreditCode()).append("）");
			}
			text.append('\n');
			text.append("   签到：").append(bid.checkedInAt() == null ? "未签到" : SHOWN.format(bid.checkedInAt()))
				.append('\n');
			if (bid.decryption() != null && bid.decryption().opened()) {
				text.append("   解密：")
					.append(bid.decryption() == OpenedBid.Decryption.BY_BIDDER ? "投标人解密" : "密钥保管人备用解密")
					.append("，").append(SHOWN.format(bid.decryptedAt())).append('\n');
				text.append("   投标报价：").append(bid.totalPrice()).append(" 元；工期：").append(bid.durationDays())
					.append(" 日历天；质量：").append(bid.quality()).append('\n');
				for (OpenedBid.Item item : bid.items()) {
					text.append("   ").append(item.name()).append("：").append(item.value()).append('\n');
				}
			}
			else {
				text.append("   解密：未解密（").append(rule(bid.failureRule())).append("）\n");
			}
			text.append("   确认：").append(bid.confirmation() == null ? "未确认"
					: bid.confirmation().equals("CONFIRMED") ? "已确认" : "提出异议");
			if (bid.confirmationSigner() != null) {
				text.append("（投标人签名，证书 ").append(bid.confirmationSigner()).append("）");
			}
			text.append('\n');
		}
		text.append('\n');
		if (objections.isEmpty()) {
			text.append("异议：无\n");
		}
		int m = 1;
		for (OpeningView.Objection objection : objections) {
			text.append("异议").append(m++).append("（").append(objection.objectorName()).append("，")
				.append(SHOWN.format(objection.raisedAt())).append("）：").append(oneLine(objection.text())).append('\n');
			text.append("   答复（").append(SHOWN.format(objection.answeredAt())).append("）：")
				.append(oneLine(objection.answer())).append('\n');
		}
		text.append("\n开标记录签署时间：").append(SHOWN.format(closedAt)).append('\n');
		return text.toString();
	}

	/** What a rule key means in the record. */
	static String rule(String rule) {
		if (rule == null) {
			return "-";
		}
		return switch (rule) {
			case OpeningHall.RULE_NO_BACKUP -> "投标人未在解密时限内解密；程序模板不允许备用解密，视为撤回投标";
			case OpeningHall.RULE_BACKUP_NOT_DONE -> "投标人未在解密时限内解密，备用解密未完成，视为撤回投标";
			case OpeningHall.RULE_BACKUP_FAILED -> "备用解密未能打开投标文件，视为撤回投标";
			default -> rule;
		};
	}

	private static String oneLine(String text) {
		return text == null ? "-" : text.replace('\r', ' ').replace('\n', ' ');
	}
}
