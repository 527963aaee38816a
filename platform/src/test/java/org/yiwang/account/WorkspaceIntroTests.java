package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.yiwang.kernel.Role;

/**
 * Issue 18: the workspace tells each role what it can do today, in both languages, and promises no module "to come"
 * that is already there (tendering, guarantees, evaluation, registry all are).
 */
class WorkspaceIntroTests {

	@Test
	void every_role_is_told_what_it_can_do_and_nothing_that_exists_is_promised_for_later() throws IOException {
		for (String file : new String[] { "/messages.properties", "/messages_en.properties" }) {
			Properties messages = new Properties();
			try (var in = new InputStreamReader(getClass().getResourceAsStream(file), StandardCharsets.UTF_8)) {
				messages.load(in);
			}
			for (Role role : Role.values()) {
				String intro = messages.getProperty("workspace.intro." + role.name());
				assertThat(intro).as(file + " workspace.intro." + role).isNotBlank();
				assertThat(intro).as(file + " workspace.intro." + role)
					.doesNotContain("将随", "后续模块", "随后续", "尚未开放", "come with", "later module", "coming later", "not open yet");
			}
		}
	}
}
