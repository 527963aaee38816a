package org.yiwang.demo;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.servicedesk.NewRating;
import org.yiwang.servicedesk.NewServiceRequest;
import org.yiwang.servicedesk.Satisfaction;
import org.yiwang.servicedesk.ServiceDesk;
import org.yiwang.servicedesk.ServiceRequestView;

/**
 * With demo data on: the demo tenderer's service requests in Yuzhong, one finished and rated 非常满意, one finished
 * and rated 不满意 whose rectification Yuzhong's staff have answered (the revisit is left for {@code staff.yuzhong}),
 * one still open; and a walk-in's request filed at Yuzhong's counter. Everything goes through the service desk's
 * entry points as the people would act; once the demo tenderer has requests, nothing is added again.
 */
@Component
@DemoOn
@Order(150)
class ServiceDeskDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ServiceDeskDemo.class);

	private static final String YUZHONG = "500103";

	private final ServiceDesk desk;

	private final Satisfaction satisfaction;

	private final String command;

	ServiceDeskDemo(ServiceDesk desk, Satisfaction satisfaction, @Value("${yiwang.command:}") String command) {
		this.desk = desk;
		this.satisfaction = satisfaction;
		this.command = command;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!command.isBlank()) {
			return;
		}
		DemoActing tenderer = DemoActing.party("tenderer", Role.TENDERER);
		tenderer = new DemoActing(tenderer.actor(), "示范招标人", tenderer.roles(), tenderer.regionScope(),
				tenderer.industries());
		DemoActing user = tenderer;
		if (!user.call(desk::mine).isEmpty()) {
			return;
		}
		DemoActing staff = new DemoActing(new Actor("staff.yuzhong", Role.CENTER_STAFF.name(), YUZHONG),
				"渝中区分中心工作人员", Set.of(Role.CENTER_STAFF), RegionScope.of(RegionCode.of(YUZHONG)), Set.of());

		ServiceRequestView good = user.call(() -> desk.file(new NewServiceRequest(YUZHONG, "TRADE_CERTIFICATE",
				"渝中区某学校改扩建工程交易见证书", "用于向住建部门办理合同备案。", null)));
		ServiceRequestView goodDone = staff.call(() -> desk.finish(good.id(), "已出具交易见证书（电子件已推送）", good.version()));
		user.run(() -> satisfaction.rate(goodDone.id(), new NewRating("VERY_SATISFIED", Set.of("FAST", "ONE_VISIT"),
				"当天就拿到了见证书。")));

		ServiceRequestView bad = user.call(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY",
				"2025 年渝中区某道路工程交易档案复制", "复制开标记录和评标报告。", null)));
		ServiceRequestView claimed = staff.call(() -> desk.claim(bad.id(), bad.version()));
		ServiceRequestView badDone = staff.call(() -> desk.finish(bad.id(), "已复制档案 18 页", claimed.version()));
		user.run(() -> satisfaction.rate(badDone.id(), new NewRating("DISSATISFIED",
				Set.of("NOT_TOLD_AT_ONCE", "MANY_VISITS"), "第一次没有告知要带授权委托书，跑了两趟。")));
		staff.run(() -> satisfaction.reply(badDone.id(), "已在窗口和网上公布档案查阅一次性告知清单，并对承办人进行了业务培训。"));

		user.run(() -> desk.file(new NewServiceRequest(YUZHONG, "VENUE_BOOKING", "企业自主招标项目开标室预约",
				"拟于下周三上午开标，需一间可容纳 20 人的开标室。", null)));
		staff.run(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY", "窗口代办：成交确认书复印",
				null, "重庆示范建材有限公司")));
		log.info("Service desk demo: requests of tenderer in Yuzhong (rated 非常满意 and 不满意 with a rectification "
				+ "answered, one open) and a counter request; staff.yuzhong revisits the rectification");
	}
}
