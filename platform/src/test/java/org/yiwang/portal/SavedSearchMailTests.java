package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/** With an SMTP server configured (a local GreenMail here), a new match of a saved search is mailed once. */
@PlatformTest
class SavedSearchMailTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		SMTP.stop();
	}

	@Autowired
	SavedSearches savedSearches;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_new_matching_notice_is_mailed_once_and_a_non_matching_one_not_at_all() throws Exception {
		TestActor bidder = TestActor.of("mail.bidder." + UUID.randomUUID().toString().substring(0, 6), Role.BIDDER,
				TestActor.CITY, false);
		SavedSearchView search = bidder.call(() -> savedSearches.save(new NewSavedSearch("万州桥梁", "桥梁",
				TestActor.WANZHOU, null, null, "bidder@example.com")));
		Publications publications = new Publications(context);
		publications.publish(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区桥梁检测招标公告", "桥梁。", null));
		NoticePublished match = publications.publish(publications.notice(NoticeType.TENDER, TestActor.WANZHOU,
				"ENG_TRANSPORT", "万州区长江桥梁维修招标公告", "桥梁维修。", null));

		assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("bidder@example.com");
		assertThat(mail.getSubject()).contains("万州桥梁").contains("万州区长江桥梁维修招标公告");
		assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select emailed_at is not null from portal.saved_search_matches where saved_search_id = ? and record_id = ?")
			.params(search.id(), match.noticeId()).query(Boolean.class).optional().orElse(false));

		// the same event delivered again matches nothing new and mails nobody
		context.getBean(Portal.class).receive(NoticeListener.record(match), "tendering");
		Thread.sleep(500);
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
		assertThat(bidder.call(() -> savedSearches.unseen())).isEqualTo(1);
	}
}
