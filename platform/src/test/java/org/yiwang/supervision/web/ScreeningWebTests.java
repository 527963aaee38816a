package org.yiwang.supervision.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;

/** CSV screening through the API and the page: regulators only; bad files answered with the line to fix. */
@PlatformTest
class ScreeningWebTests {

	@Autowired
	MockMvc mvc;

	final RequestPostProcessor regulator = authentication(TestActor.regulator().authentication());

	static final String GOOD = "tender,bidder,amount,estimate,winner\nT1,甲,100,120,1\nT1,乙,104,120,0\nT1,丙,109,120,0\nT2,甲,50,,\n";

	@Test
	void theApiAnswersOneCsvRowPerTender() throws Exception {
		mvc.perform(post("/api/supervision/screenings").with(regulator).contentType("text/csv")
			.content(GOOD.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(startsWith("tender,bids,cv,spd,diffp,rd,kurt,skew,kstest,risk\nT1,3,")))
			.andExpect(content().string(containsString("\nT2,1,,,,,,,,")));
	}

	@Test
	void theApiRefusesABadRowWithItsLineNumberInChineseAndEnglish() throws Exception {
		byte[] bad = "tender,bidder,amount\nT1,甲,100\nT1,乙,abc\n".getBytes(StandardCharsets.UTF_8);
		mvc.perform(post("/api/supervision/screenings").with(regulator).contentType("text/csv").content(bad)
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("第 3 行")));
		mvc.perform(post("/api/supervision/screenings").with(regulator).contentType("text/csv").content(bad)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("Line 3")));
		mvc.perform(post("/api/supervision/screenings").with(regulator).contentType("text/csv")
			.content("tender,amount\nT1,5\n"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("bidder")));
		mvc.perform(post("/api/supervision/screenings").with(regulator).contentType("text/csv").content(new byte[0]))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/supervision/screenings").with(regulator).contentType("text/csv")
			.content(new byte[] { 't', 'e', 'n', 'd', 'e', 'r', ',', 'b', 'i', 'd', 'd', 'e', 'r', ',', 'a', 'm', 'o', 'u',
					'n', 't', '\n', (byte) 0xC4, (byte) 0xE3, ',', 'x', ',', '1', '\n' }))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("UTF-8")));
	}

	@Test
	void onlyRegulatorsScreen() throws Exception {
		for (Role role : Role.values()) {
			if (role == Role.REGULATOR) {
				continue;
			}
			mvc.perform(post("/api/supervision/screenings").with(authentication(TestActor.of("x", role, TestActor.CITY, true)
				.authentication())).contentType("text/csv").content(GOOD)).andExpect(status().isForbidden());
		}
		mvc.perform(post("/api/supervision/screenings").contentType("text/csv").content(GOOD))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void thePageShowsTheTableAndADownloadOrTheLineToFix() throws Exception {
		mvc.perform(get("/supervision/screenings").with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("screening-form")));
		mvc.perform(multipart("/supervision/screenings").file(new MockMultipartFile("file", "bids.csv", "text/csv",
				("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8))).with(regulator)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("screening-table")))
			.andExpect(content().string(containsString("data:text/csv")))
			.andExpect(content().string(not(containsString("screening-error"))));
		mvc.perform(multipart("/supervision/screenings").file(new MockMultipartFile("file", "bids.csv", "text/csv",
				"tender,bidder,amount\nT1,甲,-3\n".getBytes(StandardCharsets.UTF_8))).with(regulator)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 2 行")))
			.andExpect(content().string(not(containsString("screening-table"))));
	}
}
