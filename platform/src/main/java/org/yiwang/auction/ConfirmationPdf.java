package org.yiwang.auction;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.yiwang.system.NoticePdf;

/**
 * The transaction confirmation (成交确认书) as a PDF, in Chinese, for the transferor and the buyer, in the platform's
 * embedded CJK font ({@link NoticePdf}).
 */
final class ConfirmationPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(WorkingDays.CHINA);

	private ConfirmationPdf() {
	}

	/**
	 * @param how 网络竞价 or 协议转让
	 * @param recordSignature the platform's signature of the auction record (or of the listing for an agreement)
	 */
	static byte[] render(ListingView listing, String how, String bidderNumber, Instant concludedAt,
			String recordSignature, java.util.Optional<PriceSettlement> settlement) {
		try {
			NoticePdf pdf = NoticePdf.open("成交确认书", listing.tradeCode().value());
			Document document = pdf.document();
			Font body = pdf.body();
			PdfPTable table = NoticePdf.table();
			NoticePdf.row(table, body, "交易标识码", listing.tradeCode().value());
			NoticePdf.row(table, body, "标的名称", listing.title());
			NoticePdf.row(table, body, "转让方", listing.transferorName());
			NoticePdf.row(table, body, "受让方", listing.buyerName() + (bidderNumber == null ? "" : "（竞买号 " + bidderNumber + "）"));
			NoticePdf.row(table, body, "交易方式", how);
			NoticePdf.row(table, body, "挂牌价（起始价）", listing.startingPrice() + " 元");
			NoticePdf.row(table, body, "成交价", listing.finalPrice() + " 元");
			NoticePdf.row(table, body, "成交时间", TIME.format(concludedAt) + "（北京时间）");
			NoticePdf.row(table, body, "保证金", security(listing, settlement));
			settlement.ifPresent(s -> {
				NoticePdf.row(table, body, "保证金抵作价款", s.applied() + " 元");
				NoticePdf.row(table, body, "尚需支付价款", s.due() + " 元");
			});
			document.add(table);
			Paragraph text = new Paragraph("转让方与受让方应自本确认书出具之日起按挂牌公告约定签订交易合同并支付价款。"
					+ "本确认书由一网公共资源交易平台根据已签名的交易记录自动生成。", body);
			text.setSpacingBefore(18);
			document.add(text);
			Paragraph signature = new Paragraph("平台签名（SM3withSM2，base64）：" + recordSignature, pdf.small());
			signature.setSpacingBefore(18);
			document.add(signature);
			return pdf.finish();
		}
		catch (com.lowagie.text.DocumentException e) {
			throw new IllegalStateException("The confirmation could not be rendered", e);
		}
	}

	/** How the buyer's security was held and applied; the other bidders' securities were released. */
	static String security(ListingView listing, java.util.Optional<PriceSettlement> settlement) {
		String others = "其他竞买人的保证金予以退还。";
		if (settlement.isEmpty()) {
			return listing.security() + " 元。" + others;
		}
		PriceSettlement s = settlement.get();
		if (s.form() == null) {
			return "受让方在成交时未持有保证金，未抵作价款。" + others;
		}
		if (s.cash()) {
			return "受让方现金保证金 " + s.securityAmount() + " 元（保证金子账户 " + s.reference() + "）转为价款的一部分，不予退还。"
					+ others;
		}
		return "受让方以电子保函（编号 " + s.reference() + "，金额 " + s.securityAmount()
				+ " 元）提供保证金，保函不抵作价款，至合同签订后释放。" + others;
	}
}
