package org.yiwang.tendering;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.yiwang.system.NoticePdf;

/**
 * The award notice (中标通知书) as a PDF in Chinese, with the platform's embedded CJK font ({@link NoticePdf}). The platform signs the finished bytes with a detached SM2 signature kept beside them.
 */
final class AwardNoticePdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ProcedureClock.CHINA);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ProcedureClock.CHINA);

	private AwardNoticePdf() {
	}

	static byte[] render(SectionView section, AwardView award, AwardPublicityView publicity, Instant issuedAt) {
		try {
			NoticePdf pdf = NoticePdf.open("中标通知书", section.tradeCode().value());
			Document document = pdf.document();
			Font body = pdf.body();
			document.add(new Paragraph(award.winnerName() + "：", body));
			Paragraph text = new Paragraph("经评标委员会评审、中标候选人公示（" + TIME.format(publicity.publicizedAt()) + " 至 "
					+ TIME.format(publicity.publicityEnds()) + "，北京时间）期满，招标人确定你单位为下列标段的中标人。"
					+ "请自本通知书发出之日起三十日内，按照招标文件和你单位的投标文件与招标人订立书面合同（《中华人民共和国招标投标法》第四十六条）。",
					body);
			text.setSpacingBefore(8);
			text.setSpacingAfter(12);
			document.add(text);
			PdfPTable table = NoticePdf.table();
			sectionRows(table, body, section);
			NoticePdf.row(table, body, "中标人", award.winnerName()
					+ (award.winnerCreditCode() == null ? "" : "（" + award.winnerCreditCode() + "）"));
			NoticePdf.row(table, body, "中标候选人排序", "第 " + award.rank() + " 名");
			if (award.reason() != null) {
				NoticePdf.row(table, body, "确定理由", award.reason());
			}
			NoticePdf.row(table, body, "中标价", award.price() == null ? "-" : award.price() + " 元");
			NoticePdf.row(table, body, "合同签订期限", DAY.format(award.contractDue()) + " 前");
			NoticePdf.row(table, body, "发出时间", TIME.format(issuedAt) + "（北京时间）");
			document.add(table);
			document.add(signedBy(pdf, award.noticeId()));
			return pdf.finish();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("The award notice could not be rendered", e);
		}
	}

	/** The section's rows every notice to a bidder opens with: trade code, project, tender project, section, parties. */
	static void sectionRows(PdfPTable table, Font body, SectionView section) {
		NoticePdf.row(table, body, "交易标识码", section.tradeCode().value());
		NoticePdf.row(table, body, "项目名称", section.projectName());
		NoticePdf.row(table, body, "招标项目", section.tenderProjectName());
		NoticePdf.row(table, body, "标段（包）", section.name());
		NoticePdf.row(table, body, "招标人", section.tendererName() + "（" + section.tendererCreditCode() + "）");
		if (section.agencyName() != null) {
			NoticePdf.row(table, body, "招标代理机构", section.agencyName());
		}
	}

	/** The closing line of a notice the platform signs: how to check the detached SM2 signature, and its number. */
	static Paragraph signedBy(NoticePdf pdf, UUID noticeId) {
		Paragraph signed = new Paragraph("本通知书由一网公共资源交易平台根据招标人的确认生成，平台以 SM2 密钥对本文件的全部字节作分离签名"
				+ "（SM3withSM2，签名文件与本文件一同下载），可用平台证书以 OpenSSL 验证。通知编号：" + noticeId, pdf.small());
		signed.setSpacingBefore(18);
		return signed;
	}
}
