package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The public address: taken as configured, checked for form, and missed loudly only where it matters. */
@ExtendWith(OutputCaptureExtension.class)
class PublicAddressCheckTests {

	private static PortalSettings settings(String baseUrl) {
		return new PortalSettings(Path.of("unused"), Duration.ofSeconds(5), baseUrl, "a@b", "ocds-test", null, null, null,
				null, BigDecimal.ZERO);
	}

	@Test
	void a_real_deployment_without_a_public_address_is_warned_at_start_up(CapturedOutput output) {
		new PublicAddressCheck(settings(null), false).warnWhenUnset();
		assertThat(output.getAll()).contains("yiwang.portal.base-url is not set (yiwang.demo=false)")
			.contains(PortalSettings.LOCAL_BASE_URL);
	}

	@Test
	void a_demo_or_a_configured_address_starts_quietly(CapturedOutput output) {
		new PublicAddressCheck(settings(null), true).warnWhenUnset();
		new PublicAddressCheck(settings("https://ggzy.example.gov.cn"), false).warnWhenUnset();
		new PublicAddressCheck(settings("  "), true).warnWhenUnset();
		assertThat(output.getAll()).doesNotContain("yiwang.portal.base-url is not set");
	}

	@Test
	void the_configured_address_is_used_without_a_trailing_slash_and_a_malformed_one_is_refused() {
		assertThat(settings("https://ggzy.example.gov.cn/portal/").baseUrl()).isEqualTo("https://ggzy.example.gov.cn/portal");
		assertThat(settings(null).baseUrl()).isEqualTo(PortalSettings.LOCAL_BASE_URL);
		assertThat(settings(null).baseUrlConfigured()).isFalse();
		assertThatThrownBy(() -> settings("ggzy.example.gov.cn")).hasMessageContaining("yiwang.portal.base-url");
		assertThatThrownBy(() -> settings("https://ggzy.example.gov.cn/?x=1")).hasMessageContaining("yiwang.portal.base-url");
	}
}
