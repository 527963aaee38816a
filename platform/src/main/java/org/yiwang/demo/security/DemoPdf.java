package org.yiwang.demo.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF 1.4 written by hand (no PDF library on the class path): catalog, page tree, one page, a Helvetica
 * font and a content stream of text lines, with an exact cross-reference table so readers open it without repair.
 * Text is printable ASCII only (the standard fonts carry no Chinese); anything else becomes '?'.
 */
public final class DemoPdf {

	private DemoPdf() {
	}

	public static byte[] page(List<String> lines) {
		StringBuilder content = new StringBuilder("BT /F1 12 Tf 16 TL 72 770 Td\n");
		boolean first = true;
		for (String line : lines) {
			if (!first) {
				content.append("T*\n");
			}
			content.append('(').append(escape(line)).append(") Tj\n");
			first = false;
		}
		content.append("ET\n");
		byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
				"<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.US_ASCII) + "endstream");
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		write(pdf, "%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.size());
			write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = pdf.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int offset : offsets) {
			table.append(String.format("%010d 00000 n \n", offset));
		}
		write(pdf, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
		return pdf.toByteArray();
	}

	private static String escape(String line) {
		StringBuilder out = new StringBuilder();
		for (char c : line.toCharArray()) {
			if (c == '(' || c == ')' || c == '\\') {
				out.append('\\').append(c);
			}
			else {
				out.append(c >= 0x20 && c < 0x7f ? c : '?');
			}
		}
		return out.toString();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}
}
