package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class CreditCodesTests {

	@Test
	void accepts_codes_with_a_correct_check_digit_only() {
		assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
		assertThat(CreditCodes.isValid("91350100M000100Y4")).isFalse();
	}

	@Test
	void finds_the_code_wherever_chinese_cas_put_it() {
		assertThat(CreditCodes.find(new X500Name("CN=Acme,serialNumber=91350100M000100Y43"))).isEqualTo("91350100M000100Y43");
		assertThat(CreditCodes.find(new X500Name("CN=Acme,2.5.4.97=NTRCN-91500000MA5U000010"))).isEqualTo("91500000MA5U000010");
		assertThat(CreditCodes.find(new X500Name("CN=Acme,OU=91440300MA5F000007"))).isEqualTo("91440300MA5F000007");
		assertThat(CreditCodes.find(new X500Name("CN=Acme 91350100M000100Y44,O=Acme"))).isNull();
	}
}
