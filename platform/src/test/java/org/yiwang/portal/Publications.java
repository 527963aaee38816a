package org.yiwang.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

/**
 * Publishes notices as the tendering module will: a NoticePublished event, signed with the platform key, inside
 * the publishing transaction (the portal receives it after commit).
 */
public class Publications {

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final PlatformKeys platformKeys;

	private final Clock clock;

	public Publications(org.springframework.context.ApplicationContext context) {
		this(context, context.getBean(TransactionTemplate.class), context.getBean(PlatformKeys.class),
				context.getBean(Clock.class));
	}

	Publications(ApplicationEventPublisher events, TransactionTemplate transactions, PlatformKeys platformKeys,
			Clock clock) {
		this.events = events;
		this.transactions = transactions;
		this.platformKeys = platformKeys;
		this.clock = clock;
	}

	public NoticePublished notice(NoticeType type, String region, String category, String title, String body,
			String amount) {
		UUID id = UUID.randomUUID();
		String trade = "CQ-" + region + "-2026-" + id.toString().substring(0, 8).toUpperCase();
		return notice(id, type, trade, region, category, title, body, amount);
	}

	public NoticePublished notice(UUID id, NoticeType type, String tradeCode, String region, String category, String title,
			String body, String amount) {
		Instant now = clock.instant();
		String signed = "YIWANG-NOTICE-V1\nnoticeId=" + id + "\ntradeCode=" + tradeCode + "\ntype=" + type + "\ntitle="
				+ title + "\n" + body + "\n";
		String signature = Base64.getEncoder().encodeToString(platformKeys.sign(signed.getBytes(StandardCharsets.UTF_8)));
		return new NoticePublished(new Actor("staff", "CENTER_STAFF", region), id, type, TradeCode.of(tradeCode),
				"重庆市" + title + "项目", title + "一标段", RegionCode.of(region), CategoryCode.of(category), title, body,
				Money.of("1000000.00"), amount == null ? null : Money.of(amount), "重庆市城市建设投资有限公司",
				CreditCode.of(TestActor.creditCode("500000")), "重庆招标代理有限公司",
				type == NoticeType.TENDER ? now.plusSeconds(20 * 86400) : null, signed, signature, now);
	}

	/** Publishes the event in a transaction of its own, as the platform; returns once it committed. */
	public NoticePublished publish(NoticePublished notice) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(notice)));
		return notice;
	}
}
