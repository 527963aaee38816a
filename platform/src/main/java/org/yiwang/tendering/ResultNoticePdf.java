package org.yiwang.tendering;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.yiwang.registry.EntityView;
import org.yiwang.system.NoticePdf;

/**
 * The result notice (中标结果通知书) a bidder that did not win receives with the award (招标投标法 Art. 45: the tenderer
 * tells every losing bidder the result when it notifies the winner), as a PDF in Chinese like the winner's
 * {@link AwardNoticePdf}; the platform signs the finished bytes with a detached SM2 signature kept beside them.
 */
final class ResultNoticePdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ProcedureClock.CHINA);

	private ResultNoticePdf() {
	}

	static byte[] render(SectionView section, AwardView award, EntityView bidder, UUID noticeId, Instant issuedAt) {
		try {
			NoticePdf pdf = NoticePdf.open("中标结果通知书", section.tradeCode().value());
			Document document = pdf.document();
			Font body = pdf.body();
			document.add(new Paragraph(bidder.name() + "：", body));
			Paragraph text = new Paragraph("感谢你单位参加下列标段的投标。经评标委员会评审、中标候选人公示期满，招标人已确定中标人，"
					+ "你单位未中标。现将中标结果通知如下（《中华人民共和国招标投标法》第四十五条）。", body);
			text.setSpacingBefore(8);
			text.setSpacingAfter(12);
			document.add(text);
			PdfPTable table = NoticePdf.table();
			AwardNoticePdf.sectionRows(table, body, section);
			NoticePdf.row(table, body, "投标人", bidder.name()
					+ (bidder.creditCode() == null ? "" : "（" + bidder.creditCode() + "）"));
			NoticePdf.row(table, body, "中标结果", "未中标");
			NoticePdf.row(table, body, "中标人", award.winnerName()
					+ (award.winnerCreditCode() == null ? "" : "（" + award.winnerCreditCode() + "）"));
			NoticePdf.row(table, body, "中标价", award.price() == null ? "-" : award.price() + " 元");
			NoticePdf.row(table, body, "发出时间", TIME.format(issuedAt) + "（北京时间）");
			document.add(table);
			document.add(AwardNoticePdf.signedBy(pdf, noticeId));
			return pdf.finish();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("The result notice could not be rendered", e);
		}
	}
}
