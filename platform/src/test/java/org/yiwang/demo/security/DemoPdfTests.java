package org.yiwang.demo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The demo issuer's hand-made PDF is a well-formed one-page PDF: every cross-reference points at its object. */
class DemoPdfTests {

	@Test
	void the_cross_reference_table_and_startxref_point_exactly_at_the_objects() {
		byte[] pdf = DemoPdf.page(List.of("Letter (No. 1) \\ test", "保函 amount: CNY 50000.00"));
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n").contains("/Count 1");
		int startxref = Integer.parseInt(text.replaceAll("(?s).*startxref\n(\\d+)\n%%EOF\n$", "$1"));
		assertThat(text.substring(startxref)).startsWith("xref\n0 6\n0000000000 65535 f \n");
		Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(startxref));
		int object = 1;
		while (entries.find()) {
			assertThat(text.substring(Integer.parseInt(entries.group(1)))).startsWith(object + " 0 obj\n");
			object++;
		}
		assertThat(object).isEqualTo(6);
		assertThat(text).contains("(Letter \\(No. 1\\) \\\\ test) Tj").contains("(?? amount: CNY 50000.00) Tj");
		int length = Integer.parseInt(text.replaceAll("(?s).*/Length (\\d+) >>.*", "$1"));
		assertThat(text.indexOf("endstream") - text.indexOf("stream\n") - "stream\n".length()).isEqualTo(length);
	}
}
