package org.yiwang.evaluation;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

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
import org.yiwang.system.NoticePdf;

/**
 * The evaluation report (评标报告) as a PDF in Chinese: the case, the committee, each bid's review outcome, the
 * ranking and up to three candidates, the outliers flagged, and each member's signed score sheet (SHA-256). The
 * committee signs these exact bytes, which are stored as rendered once.
 */
final class EvaluationReportPdf {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private EvaluationReportPdf() {
	}

	record Content(EvaluationCases.Case c, ScoringTable table, List<EvaluationCases.Seat> seats, String leader,
			ScoreBoard board, List<ScoreBoard.Ranked> ranking, List<ScoreBoard.Outlier> outliers,
			Map<String, String> sheetHashes, Instant createdAt) {
	}

	static byte[] render(Content content) {
		BaseFont base = CjkFont.embedded();
		Font title = new Font(base, 18, Font.BOLD);
		Font heading = new Font(base, 12, Font.BOLD);
		Font body = new Font(base, 10);
		Font small = new Font(base, 8);
		EvaluationCases.Case c = content.c();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setPdfVersion(PdfWriter.VERSION_1_7);
			document.addTitle("评标报告 " + c.tradeCode());
			document.addCreator("Yiwang 一网");
			document.addCreationDate();
			document.open();
			Paragraph head = new Paragraph("评标报告", title);
			head.setAlignment(Element.ALIGN_CENTER);
			head.setSpacingAfter(12);
			document.add(head);
			PdfPTable facts = new PdfPTable(new float[] { 1.3f, 3f });
			facts.setWidthPercentage(100);
			NoticePdf.row(facts, body, "交易标识码", c.tradeCode() + "（第 " + c.round() + " 轮）");
			NoticePdf.row(facts, body, "评标办法", c.method().name().equals("WEIGHTED_SCORING") ? "综合评分法" : "经评审的最低投标价法");
			NoticePdf.row(facts, body, "评分表", content.table().category() + " 第 " + content.table().version() + " 版"
					+ (content.table().weighted() ? "，价格分 " + content.table().priceWeight() + " 分（"
							+ ("BENCHMARK_PRICE".equals(content.table().priceFormula()) ? "基准价法" : "低价优先法") + "）" : ""));
			NoticePdf.row(facts, body, "评标开始", c.begunAt() == null ? "" : TIME.format(c.begunAt()) + "（北京时间）");
			NoticePdf.row(facts, body, "评标委员会组长", name(content.seats(), content.leader()));
			StringBuilder committee = new StringBuilder();
			for (EvaluationCases.Seat seat : content.seats()) {
				committee.append(seat.name()).append("（").append("EXPERT".equals(seat.kind()) ? "专家" : "招标人代表")
					.append("）　");
			}
			NoticePdf.row(facts, body, "评标委员会", committee.toString().strip());
			document.add(facts);

			section(document, heading, "一、资格审查与响应性评审");
			PdfPTable reviews = new PdfPTable(new float[] { 3f, 1.5f, 1.2f, 1.2f });
			reviews.setWidthPercentage(100);
			header(reviews, body, "投标人", "投标报价（元）", "资格审查", "响应性评审");
			for (ScoreBoard.Bid bid : content.board().bids()) {
				reviews.addCell(new Phrase(bid.bidderName(), body));
				reviews.addCell(new Phrase(bid.opened() ? bid.price().toPlainString() : "未解密", body));
				reviews.addCell(new Phrase(outcome(content.board(), ScoreBoard.QUALIFICATION, bid), body));
				reviews.addCell(new Phrase(outcome(content.board(), ScoreBoard.RESPONSIVENESS, bid), body));
			}
			document.add(reviews);

			section(document, heading, "二、排序与中标候选人");
			if (content.ranking().isEmpty()) {
				document.add(new Paragraph("没有通过评审的投标，评标委员会不推荐中标候选人。", body));
			}
			else {
				PdfPTable ranks = new PdfPTable(new float[] { 0.7f, 3f, 1.6f, 1.2f, 1.2f, 1.2f });
				ranks.setWidthPercentage(100);
				header(ranks, body, "名次", "投标人", "评标价（元）", "技术商务分", "价格分", "总分");
				for (ScoreBoard.Ranked r : content.ranking()) {
					ranks.addCell(new Phrase(String.valueOf(r.rank()), body));
					ranks.addCell(new Phrase(r.bid().bidderName() + (r.rank() <= 3 ? "（第" + r.rank() + "中标候选人）" : ""), body));
					ranks.addCell(new Phrase(r.bid().price().toPlainString(), body));
					ranks.addCell(new Phrase(plain(r.quality()), body));
					ranks.addCell(new Phrase(plain(r.priceScore()), body));
					ranks.addCell(new Phrase(plain(r.total()), body));
				}
				document.add(ranks);
			}

			section(document, heading, "三、评分偏差提示");
			if (content.outliers().isEmpty()) {
				document.add(new Paragraph("无。", body));
			}
			for (ScoreBoard.Outlier o : content.outliers()) {
				document.add(new Paragraph(name(content.seats(), o.member()) + "：" + bidder(content.board(), o.bidId())
						+ " " + o.item() + " 评分 " + o.points() + "，其他成员平均 " + o.othersMean() + "（偏差超过该项满分的 "
						+ content.table().outlierShare().movePointRight(2).stripTrailingZeros().toPlainString() + "%）", body));
			}

			section(document, heading, "四、评分表签名");
			for (EvaluationCases.Seat seat : content.seats()) {
				document.add(new Paragraph(seat.name() + "（" + seat.username() + "）评分表 SHA-256："
						+ content.sheetHashes().getOrDefault(seat.username(), ""), small));
			}
			Paragraph note = new Paragraph("本报告由一网公共资源交易平台根据评标委员会成员已签名的评分表生成，"
					+ "评标委员会全体成员以数字证书对本文件签名后生效。生成时间：" + TIME.format(content.createdAt()) + "（北京时间）", small);
			note.setSpacingBefore(14);
			document.add(note);
			document.close();
			return out.toByteArray();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("The evaluation report could not be rendered", e);
		}
	}

	private static String outcome(ScoreBoard board, String stage, ScoreBoard.Bid bid) {
		if (!board.reviewed(stage).contains(bid)) {
			return "—";
		}
		return switch (board.outcome(stage, bid.bidId())) {
			case PASSED -> "通过";
			case FAILED -> "不通过";
			case PENDING -> "未完成";
		};
	}

	private static String bidder(ScoreBoard board, java.util.UUID bidId) {
		return board.bids().stream().filter(b -> b.bidId().equals(bidId)).map(ScoreBoard.Bid::bidderName).findFirst()
			.orElse("");
	}

	private static String name(List<EvaluationCases.Seat> seats, String username) {
		return seats.stream().filter(s -> s.username().equals(username)).map(EvaluationCases.Seat::name).findFirst()
			.orElse(username == null ? "" : username);
	}

	private static String plain(java.math.BigDecimal value) {
		return value == null ? "—" : value.toPlainString();
	}

	private static void section(Document document, Font font, String text) throws DocumentException {
		Paragraph p = new Paragraph(text, font);
		p.setSpacingBefore(14);
		p.setSpacingAfter(6);
		document.add(p);
	}

	private static void header(PdfPTable table, Font font, String... labels) {
		for (String label : labels) {
			table.addCell(new Phrase(label, font));
		}
	}
}
