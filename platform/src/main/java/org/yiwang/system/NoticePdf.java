package org.yiwang.system;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The layout the platform's one-page notices share (中标通知书, 成交确认书): A4, the embedded CJK font ({@link CjkFont}),
 * a centred heading and a table of labelled values. The caller adds its own paragraphs and calls {@link #finish}.
 */
public final class NoticePdf {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final Document document = new Document(PageSize.A4, 56, 56, 56, 56);

	private final Font body;

	private final Font small;

	private NoticePdf(String heading, String reference) {
		BaseFont base = CjkFont.embedded();
		body = new Font(base, 11);
		small = new Font(base, 8);
		PdfWriter.getInstance(document, out);
		document.addTitle(heading + " " + reference);
		document.addCreator("Yiwang 一网");
		document.open();
		Paragraph title = new Paragraph(heading, new Font(base, 20, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingAfter(18);
		document.add(title);
	}

	/** A new notice headed {@code heading}; its document title adds {@code reference} (e.g. the trade code). */
	public static NoticePdf open(String heading, String reference) {
		return new NoticePdf(heading, reference);
	}

	public Document document() {
		return document;
	}

	public Font body() {
		return body;
	}

	public Font small() {
		return small;
	}

	/** A two-column table of labels and values, the page's width. */
	public static PdfPTable table() {
		PdfPTable table = new PdfPTable(new float[] { 1.3f, 3f });
		table.setWidthPercentage(100);
		return table;
	}

	/** A label and its value (blank when null) as one row of a two-column table. */
	public static void row(PdfPTable table, Font font, String label, String value) {
		table.addCell(new Phrase(label, font));
		table.addCell(new Phrase(value == null ? "" : value, font));
	}

	/** Closes the document and gives its bytes. */
	public byte[] finish() {
		document.close();
		return out.toByteArray();
	}
}
