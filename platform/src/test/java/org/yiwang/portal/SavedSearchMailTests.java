package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.TestMailServer;
import org.yiwang.kernel.Role;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/**
 * With an SMTP server configured (the test JVM's GreenMail, {@link TestMailServer}, which every test context mails to),
 * a new match of a saved search is mailed once. Other tests' mail lands in the same server: this one reads only the
 * mail to a domain of its own.
 */
@PlatformTest
class SavedSearchMailTests {

	@Autowired
	SavedSearches savedSearches;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_new_matching_notice_is_mailed_once_and_a_non_matching_one_not_at_all() throws Exception {
		GreenMail smtp = TestMailServer.get();
		String run = UUID.randomUUID().toString().substring(0, 6);
		String domain = "mail-" + run + ".example.com";
		TestActor bidder = TestActor.of("mail.bidder." + run, Role.BIDDER, TestActor.CITY, false);
		SavedSearchView search = bidder.call(() -> savedSearches.save(new NewSavedSearch("万州桥梁", "桥梁",
				TestActor.WANZHOU, null, null, "bidder@" + domain)));
		Publications publications = new Publications(context);
		publications.publish(publications.notice(NoticeType.TENDER, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区桥梁检测招标公告", "桥梁。", null));
		NoticePublished match = publications.publish(publications.notice(NoticeType.TENDER, TestActor.WANZHOU,
				"ENG_TRANSPORT", "万州区长江桥梁维修招标公告", "桥梁维修。", null));

		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
			.until(() -> smtp.getReceivedMessagesForDomain(domain).length > 0);
		MimeMessage mail = smtp.getReceivedMessagesForDomain(domain)[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("bidder@" + domain);
		assertThat(mail.getSubject()).contains("万州桥梁").contains("万州区长江桥梁维修招标公告");
		assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"select emailed_at is not null from portal.saved_search_matches where saved_search_id = ? and record_id = ?")
			.params(search.id(), match.noticeId()).query(Boolean.class).optional().orElse(false));

		// the same event delivered again matches nothing new and mails nobody
		context.getBean(Portal.class).receive(NoticeListener.record(match), "tendering");
		Thread.sleep(500);
		assertThat(smtp.getReceivedMessagesForDomain(domain)).hasSize(1);
		assertThat(bidder.call(() -> savedSearches.unseen())).isEqualTo(1);
	}
}
