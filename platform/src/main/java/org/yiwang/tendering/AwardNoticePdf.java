package org.yiwang.tendering;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.yiwang.system.CjkFont;

/**
 * The award notice (中标通知书) as a PDF in Chinese, with the platform's embedded CJK font ({@link CjkFont}). The platform signs the finished bytes with a detached SM2 signature kept beside them.
 */
final class AwardNoticePdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ProcedureClock.CHINA);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ProcedureClock.CHINA);

	private AwardNoticePdf() {
	}

	static byte[] render(SectionView section, AwardView award, AwardPublicityView publicity, Instant issuedAt) {
		try {
			BaseFont base = CjkFont.embedded();
			Font title = new Font(base, 20, Font.BOLD);
			Font body = new Font(base, 11);
			Font small = new Font(base, 8);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 56, 56, 56, 56);
			PdfWriter.getInstance(document, out);
			document.addTitle("中标通知书 " + section.tradeCode());
			document.addCreator("Yiwang 一网");
			document.open();
			Paragraph heading = new Paragraph("中标通知书", title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(18);
			document.add(heading);
			document.add(new Paragraph(award.winnerName() + "：", body));
			Paragraph text = new Paragraph("经评标委员会评审、中标候选人公示（" + TIME.format(publicity.publicizedAt()) + " 至 "
					+ TIME.format(publicity.publicityEnds()) + "，北京时间）期满，招标人确定你单位为下列标段的中标人。"
					+ "请自本通知书发出之日起三十日内，按照招标文件和你单位的投标文件与招标人订立书面合同（《中华人民共和国招标投标法》第四十六条）。",
					body);
			text.setSpacingBefore(8);
			text.setSpacingAfter(12);
			document.add(text);
			PdfPTable table = new PdfPTable(new float[] { 1.3f, 3f });
			table.setWidthPercentage(100);
			row(table, body, "交易标识码", section.tradeCode().value());
			row(table, body, "项目名称", section.projectName());
			row(table, body, "招标项目", section.tenderProjectName());
			row(table, body, "标段（包）", section.name());
			row(table, body, "招标人", section.tendererName() + "（" + section.tendererCreditCode() + "）");
			if (section.agencyName() != null) {
				row(table, body, "招标代理机构", section.agencyName());
			}
			row(table, body, "中标人", award.winnerName()
					+ (award.winnerCreditCode() == null ? "" : "（" + award.winnerCreditCode() + "）"));
			row(table, body, "中标候选人排序", "第 " + award.rank() + " 名");
			if (award.reason() != null) {
				row(table, body, "确定理由", award.reason());
			}
			row(table, body, "中标价", award.price() == null ? "-" : award.price() + " 元");
			row(table, body, "合同签订期限", DAY.format(award.contractDue()) + " 前");
			row(table, body, "发出时间", TIME.format(issuedAt) + "（北京时间）");
			document.add(table);
			Paragraph signed = new Paragraph("本通知书由一网公共资源交易平台根据招标人的确认生成，平台以 SM2 密钥对本文件的全部字节作分离签名"
					+ "（SM3withSM2，签名文件与本文件一同下载），可用平台证书以 OpenSSL 验证。通知编号：" + award.noticeId(), small);
			signed.setSpacingBefore(18);
			document.add(signed);
			document.close();
			return out.toByteArray();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("The award notice could not be rendered", e);
		}
	}

	private static void row(PdfPTable table, Font font, String label, String value) {
		table.addCell(new Phrase(label, font));
		table.addCell(new Phrase(value == null ? "" : value, font));
	}
}
