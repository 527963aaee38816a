package org.yiwang.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails a new match of a saved search. Without {@code spring.mail.host} there is no mail sender, and matches are
 * told in the workspace and the feed only.
 */
@Component
class MatchMail {

	private static final Logger log = LoggerFactory.getLogger(MatchMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final PortalSettings settings;

	MatchMail(ObjectProvider<JavaMailSender> sender, PortalSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	/** True when the mail server accepted the message. */
	boolean send(SavedSearchView search, PublicRecord record) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.mailFrom());
		message.setTo(search.email());
		message.setSubject("[一网] 新公告匹配「" + search.name() + "」: " + record.title());
		message.setText("""
				您保存的搜索「%s」有一条新的匹配公告 / A new notice matches your saved search "%s":

				%s
				%s

				%s/notices/%s

				订阅 / Atom feed: %s/portal/feeds/%s
				""".formatted(search.name(), search.name(), record.title(), record.projectName(), settings.baseUrl(),
				record.id(), settings.baseUrl(), search.feedToken()));
		try {
			mail.send(message);
			return true;
		}
		catch (MailException e) {
			log.warn("Saved-search mail to {} not sent: {}", search.email(), e.getMessage());
			return false;
		}
	}
}
