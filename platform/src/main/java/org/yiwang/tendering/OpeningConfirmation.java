package org.yiwang.tendering;

import java.nio.charset.StandardCharsets;

import org.yiwang.kernel.Sha256;

/**
 * What a bidder signs to confirm the opening record (开标记录确认): its own line of the record as read out, one
 * {@code key=value} line each (UTF-8, LF). It depends only on the bidder's own bid, so it does not change while other
 * bids are still being decrypted; the bidder downloads it, signs the exact bytes (e.g. {@code bidtool sign} or
 * {@code openssl dgst -sm3 -sign}) and uploads the detached signature with its certificate.
 */
final class OpeningConfirmation {

	private OpeningConfirmation() {
	}

	static byte[] statement(SectionView section, Openings.Entry entry) {
		String text = "YIWANG-OPENING-CONFIRMATION-V1\n"
				+ "tradeCode=" + section.tradeCode() + "\n"
				+ "round=" + entry.round() + "\n"
				+ "bid=" + entry.bid() + "\n"
				+ "bidder=" + entry.bidderName() + " " + (entry.bidderCreditCode() == null ? "-" : entry.bidderCreditCode())
				+ "\n"
				+ "decryption=" + (entry.decryption() == null ? "PENDING" : entry.decryption().name()) + "\n"
				+ "totalPrice=" + (entry.totalPrice() == null ? "-" : entry.totalPrice().toString()) + "\n"
				+ "durationDays=" + (entry.durationDays() == null ? "-" : entry.durationDays()) + "\n"
				+ "quality=" + (entry.quality() == null ? "-" : entry.quality()) + "\n"
				+ "priceSheetSha256=" + (entry.priceSheet() == null ? "-"
						: Sha256.hex(entry.priceSheet().getBytes(StandardCharsets.UTF_8))) + "\n"
				+ "statement=I confirm this line of the opening record / 本单位确认开标记录中的上述内容\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
