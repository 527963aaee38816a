package org.yiwang.guarantee;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;

/**
 * The exact bytes an issuer signs for a guarantee letter: UTF-8, one {@code name=value} per line, each line ended by
 * a single LF (also the last), in this order and nothing else:
 *
 * <pre>
 * YIWANG-GUARANTEE-LETTER-V1
 * letterNumber=BH-2026-000123
 * tradeCode=CQ-500103-2026-00017-01
 * beneficiaryCreditCode=91500103MA5U1234X1
 * applicantCreditCode=91500000MA5U5678Y2
 * amount=80000.00
 * validFrom=2026-11-27
 * validUntil=2027-03-31
 * pdfSha256=&lt;64 lower-case hex digits of the PDF's SHA-256&gt;
 * </pre>
 *
 * The amount is written with exactly two decimals and no grouping; dates are ISO-8601 ({@code yyyy-MM-dd}). No value
 * may hold a line break (the fields' forms exclude it), so the text reads back unambiguously.
 */
public record CanonicalLetter(String letterNumber, TradeCode tradeCode, String beneficiaryCreditCode,
		String applicantCreditCode, Money amount, LocalDate validFrom, LocalDate validUntil, String pdfSha256) {

	public static final String HEADER = "YIWANG-GUARANTEE-LETTER-V1";

	public byte[] bytes() {
		String text = HEADER + "\n" + "letterNumber=" + letterNumber + "\n" + "tradeCode=" + tradeCode.value() + "\n"
				+ "beneficiaryCreditCode=" + beneficiaryCreditCode + "\n" + "applicantCreditCode=" + applicantCreditCode
				+ "\n" + "amount=" + amount + "\n" + "validFrom=" + validFrom + "\n" + "validUntil=" + validUntil + "\n"
				+ "pdfSha256=" + pdfSha256 + "\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
