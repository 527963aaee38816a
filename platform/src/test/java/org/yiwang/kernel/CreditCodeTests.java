package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class CreditCodeTests {

	@Test
	void accepts_the_standards_example_and_reads_its_division() {
		CreditCode code = CreditCode.of("91350100M000100Y43");
		assertThat(code.division()).isEqualTo("350100");
	}

	@Test
	void names_what_is_wrong() {
		assertThat(CreditCode.problem("91350100M000100Y44")).hasValueSatisfying(p -> assertThat(p).startsWith("check").endsWith("3"));
		assertThat(CreditCode.problem("91350100M000100Y4")).hasValueSatisfying(p -> assertThat(p).startsWith("length"));
		assertThat(CreditCode.problem("91350100M0001O0Y43")).hasValueSatisfying(p -> assertThat(p).startsWith("character: position 14"));
		assertThat(CreditCode.problem("913501A0M000100Y43")).hasValueSatisfying(p -> assertThat(p).startsWith("division"));
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.of("not a code"));
	}

	@Property
	void the_check_character_completes_any_seventeen_characters(
			@ForAll @StringLength(6) @NumericChars String division,
			@ForAll @StringLength(9) @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'H') String body) {
		String first17 = "91" + division + body;
		String code = first17 + CreditCode.checkCharacter(first17);
		assertThat(CreditCode.problem(code)).isEmpty();
		char wrong = CreditCode.CHARSET.charAt((CreditCode.CHARSET.indexOf(code.charAt(17)) + 1) % 31);
		assertThat(CreditCode.problem(first17 + wrong)).isPresent();
	}
}
