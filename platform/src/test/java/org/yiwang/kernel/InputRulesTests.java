package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The three input rules on their own: numbers, names and other text, dates. */
class InputRulesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "１２３４５６７．８９|1234567.89", "1,234,567.89|1234567.89",
			"１，２３４，５６７．８９|1234567.89", "－１０|-10", " 80000 |80000", "0.5|0.5", "+3|3" })
	void fullWidthDigitsAndSeparatorsAreReadAsAscii(String typed, String read) {
		assertThat(InputRules.number(typed)).isEqualByComparingTo(new BigDecimal(read));
		assertThat(Money.of(typed).yuan()).isEqualByComparingTo(new BigDecimal(read));
	}

	/** {@code new BigDecimal} read every one of these as a number; the rule refuses them and says the form. */
	@ParameterizedTest
	@ValueSource(strings = { "١٢٣", "१२३", "1e5", "12 345", "1,23,456", "12,3456", "1.2.3", "一百", "100。50", "", " ",
			"0x10", "1,234.", ".5" })
	void anythingElseIsRefusedWithTheAcceptedForm(String typed) {
		assertThatThrownBy(() -> InputRules.number(typed)).isInstanceOfSatisfying(InputRefused.class, e -> {
			assertThat(e.messageKey()).isEqualTo("input.number.format");
			assertThat(e.arguments()).containsExactly(typed);
		});
		assertThatThrownBy(() -> Money.of(typed)).isInstanceOf(InputRefused.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
			0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0xE0041 })
	void namesHoldNoInvisibleFormatCharacterAndTheRefusalNamesItsPosition(int c) {
		String name = "重庆" + new String(Character.toChars(c)) + "建设公司";
		assertThatThrownBy(() -> InputRules.name("name", name)).isInstanceOfSatisfying(InputRefused.class, e -> {
			assertThat(e.messageKey()).isEqualTo("input.name.formatCharacter");
			assertThat(e.arguments()).containsExactly("name", "3", String.format("U+%04X", c), Character.getName(c));
		});
		assertThat(InputRules.name("name", "重庆市渝中区建设有限公司 (A-1)")).isEqualTo("重庆市渝中区建设有限公司 (A-1)");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x202E, 0x2067, 0x200F })
	void otherTextHoldsNoBidiControl(int c) {
		assertThatThrownBy(() -> InputRules.text("body", "ab" + new String(Character.toChars(c))))
			.isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.messageKey()).isEqualTo("input.text.bidiControl"));
		// a zero-width joiner in free text (an emoji sequence) is not a name's business
		assertThat(InputRules.text("body", "👨\u200D👩")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "userName", "nameZh", "nameEn", "projectName", "title", "contactName", "legalRepresentative",
			"items.name" })
	void namesAndTitlesAreKnownByTheirField(String field) {
		assertThat(InputRules.isNameField(field)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "body", "reason", "amount", "q" })
	void otherFieldsAreText(String field) {
		assertThat(InputRules.isNameField(field)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+10000-01-01", "1899-12-31", "3000-01-01", "0001-01-01" })
	void datesOutsideTheYearRangeAreRefusedWithTheRange(String typed) {
		assertThatThrownBy(() -> InputRules.date(typed)).isInstanceOfSatisfying(InputRefused.class, e -> {
			assertThat(e.messageKey()).isEqualTo("input.date.year");
			assertThat(e.arguments()).containsExactly(Integer.toString(LocalDate.parse(typed).getYear()), "1900", "2999");
		});
		assertThatThrownBy(() -> InputRules.dateTime(typed + "T09:30")).isInstanceOf(InputRefused.class);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2026-12-06|2026-12-06", "２０２６-１２-０６|2026-12-06", "1900-01-01|1900-01-01",
			"2999-12-31|2999-12-31" })
	void datesInRangeAreRead(String typed, String read) {
		assertThat(InputRules.date(typed)).isEqualTo(LocalDate.parse(read));
		assertThat(InputRules.dateTime(typed + "T09:30")).isEqualTo(LocalDateTime.parse(read + "T09:30"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026/12/06", "06-12-2026", "明天", "" })
	void otherDateFormsAreRefusedWithTheForm(String typed) {
		assertThatThrownBy(() -> InputRules.date(typed)).isInstanceOfSatisfying(InputRefused.class,
				e -> assertThat(e.messageKey()).isEqualTo("input.date.format"));
	}
}
