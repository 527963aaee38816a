package org.yiwang.pki;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;

/** The key custodian page, the demo custodian's key download and the public opening key, bad input included. */
@PlatformTest
class CustodianWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OpeningKeys openingKeys;

	@Test
	void theAdministratorSeesTheDemoCustodiansAndBadInputIsRefusedWithAReason() throws Exception {
		var admin = authentication(TestActor.admin().authentication());
		mvc.perform(get("/admin/pki/custodians").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-username=\"staff.yuzhong\"")));
		mvc.perform(get("/admin/pki/custodians").param("lang", "en").with(admin))
			.andExpect(content().string(containsString("Key custodians")));
		mvc.perform(multipart("/admin/pki/custodians").file(new MockMultipartFile("file", "c.pem", "text/plain",
				"not a certificate".getBytes())).param("username", "someone").with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("证书格式无效")));
		mvc.perform(multipart("/admin/pki/custodians").param("username", "someone").with(csrf()).with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择要上传的文件")));
		mvc.perform(post("/admin/pki/custodians/withdraw").param("username", "nobody-" + UUID.randomUUID()).with(csrf())
				.with(admin))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("没有名为")));
	}

	@Test
	void aDemoCustodianDownloadsItsKeyAndOthersCannot() throws Exception {
		mvc.perform(get("/pki/custodian/demo-key.pem")
				.with(authentication(TestActor.of("staff.wanzhou", Role.CENTER_STAFF, TestActor.WANZHOU, false).authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("-----BEGIN PRIVATE KEY-----")))
			.andExpect(content().string(containsString("-----BEGIN CERTIFICATE-----")));
		mvc.perform(get("/pki/custodian/demo-key.pem")
				.with(authentication(TestActor.of("staff.other", Role.CENTER_STAFF, TestActor.CITY, true).authentication())))
			.andExpect(status().isNotFound());
	}

	@Test
	void anOpeningPublicKeyIsPublic() throws Exception {
		OpeningKeyView key = TestActor.cityStaff().call(() -> openingKeys.create("web-" + UUID.randomUUID(), 2));
		mvc.perform(get("/pki/opening-keys/" + key.id() + "/public-key.pem"))
			.andExpect(status().isOk())
			.andExpect(content().string(key.publicKeyPem()));
		mvc.perform(get("/pki/opening-keys/not-a-uuid/public-key.pem")).andExpect(status().isNotFound());
		mvc.perform(get("/pki/opening-keys/" + UUID.randomUUID() + "/public-key.pem")).andExpect(status().isNotFound());
	}
}
