package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;

/**
 * Issue 18: after the bid deadline the tender stays in its bidders' list with its state (here: failed with two bids),
 * the bid table's times say they are Beijing time, and withdrawing a bid asks first.
 */
@PlatformTest
class BidderListWebTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	OpeningHall hall;

	@TempDir
	Path dir;

	@Test
	void a_bidder_keeps_the_tender_it_bid_in_after_the_deadline_with_its_state() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		OpeningFixture f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.bidder("b1");
		f.bidder("b2");
		f.bidder("b3");
		SectionView section = f.published("0");
		String code = section.tradeCode().value();
		f.bid(section, "b1", "900000.00");
		f.bid(section, "b2", "950000.00");

		String open = page("/tenders", f, "b1");
		assertThat(open).contains(code, "渝中区").doesNotContain(">500103<");
		String sectionPage = page("/tenders/sections/" + section.id().value(), f, "b1");
		assertThat(sectionPage).contains("接收时间（北京时间）", "data-confirm=\"撤回这份投标文件吗？");

		f.deadlinePassed(section, Duration.ofMillis(1));
		assertThat(hall.openDue()).isPositive();

		String afterwards = page("/tenders", f, "b1");
		assertThat(afterwards).as("the failed tender stays in the bidder's list, with its state").contains(code, "已流标");
		assertThat(page("/tenders", f, "b3")).as("a bidder that did not bid sees only tenders open for bids")
			.doesNotContain(code);
	}

	private String page(String path, OpeningFixture f, String bidder) throws Exception {
		return mvc.perform(get(path).with(authentication(f.as(bidder).authentication())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}
}
