package org.yiwang.guarantee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;

/** The canonical form is a contract with every issuer's system: these exact bytes, as the README documents them. */
class CanonicalLetterTests {

	@Test
	void writes_the_documented_lines_in_order_each_ended_by_a_line_feed() {
		CanonicalLetter letter = new CanonicalLetter("BH-2026-000123", TradeCode.of("CQ-500103-2026-00017-01"),
				"91500103MA5U1234X1", "91500000MA5U5678Y2", Money.of("80000"), LocalDate.of(2026, 11, 27),
				LocalDate.of(2027, 3, 31), Sha256.hex("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
		assertThat(new String(letter.bytes(), StandardCharsets.UTF_8)).isEqualTo("""
				YIWANG-GUARANTEE-LETTER-V1
				letterNumber=BH-2026-000123
				tradeCode=CQ-500103-2026-00017-01
				beneficiaryCreditCode=91500103MA5U1234X1
				applicantCreditCode=91500000MA5U5678Y2
				amount=80000.00
				validFrom=2026-11-27
				validUntil=2027-03-31
				pdfSha256=%s
				""".formatted(Sha256.hex("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));
		assertThat(letter.pdfSha256()).hasSize(64).matches("[0-9a-f]+");
	}
}
