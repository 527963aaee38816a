package org.yiwang.auction;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.yiwang.system.CjkFont;

/**
 * The transaction confirmation (成交确认书) as a PDF, in Chinese, for the transferor and the buyer, in the platform's
 * embedded CJK font ({@link CjkFont}).
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
			BaseFont base = CjkFont.embedded();
			Font title = new Font(base, 20, Font.BOLD);
			Font body = new Font(base, 11);
			Font small = new Font(base, 8);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 56, 56, 56, 56);
			PdfWriter.getInstance(document, out);
			document.addTitle("成交确认书 " + listing.tradeCode());
			document.addCreator("Yiwang 一网");
			document.open();
			Paragraph heading = new Paragraph("成交确认书", title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(18);
			document.add(heading);
			PdfPTable table = new PdfPTable(new float[] { 1.3f, 3f });
			table.setWidthPercentage(100);
			row(table, body, "交易标识码", listing.tradeCode().value());
			row(table, body, "标的名称", listing.title());
			row(table, body, "转让方", listing.transferorName());
			row(table, body, "受让方", listing.buyerName() + (bidderNumber == null ? "" : "（竞买号 " + bidderNumber + "）"));
			row(table, body, "交易方式", how);
			row(table, body, "挂牌价（起始价）", listing.startingPrice() + " 元");
			row(table, body, "成交价", listing.finalPrice() + " 元");
			row(table, body, "成交时间", TIME.format(concludedAt) + "（北京时间）");
			row(table, body, "保证金", security(listing, settlement));
			settlement.ifPresent(s -> {
				row(table, body, "保证金抵作价款", s.applied() + " 元");
				row(table, body, "尚需支付价款", s.due() + " 元");
			});
			document.add(table);
			Paragraph text = new Paragraph("转让方与受让方应自本确认书出具之日起按挂牌公告约定签订交易合同并支付价款。"
					+ "本确认书由一网公共资源交易平台根据已签名的交易记录自动生成。", body);
			text.setSpacingBefore(18);
			document.add(text);
			Paragraph signature = new Paragraph("平台签名（SM3withSM2，base64）：" + recordSignature, small);
			signature.setSpacingBefore(18);
			document.add(signature);
			document.close();
			return out.toByteArray();
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

	private static void row(PdfPTable table, Font font, String label, String value) {
		table.addCell(new com.lowagie.text.Phrase(label, font));
		table.addCell(new com.lowagie.text.Phrase(value == null ? "" : value, font));
	}
}
