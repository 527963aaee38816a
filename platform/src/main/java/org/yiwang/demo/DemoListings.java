package org.yiwang.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.auction.AssetClass;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingView;
import org.yiwang.auction.NewListing;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.ArrivalReport;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.DepositAccountView;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;

/**
 * Demo data with {@code yiwang.demo=true}: a demo transferor and two demo transferees (password as the demo accounts),
 * one state-equity listing published today, and one whose listing period has passed, with both transferees
 * registered and their deposits paid through the demo settlement bank — so a newcomer can qualify them as
 * {@code staff.yuzhong}, open the auction and bid in two windows at once.
 */
@Component
@Order(46)
@DemoOn
public class DemoListings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoListings.class);

	public static final String PASSWORD = "Demo@2026yw";

	/** 渝中区; in another city the first district (its staff are staff.<code>). */
	public static final String YUZHONG = "500103";

	public static final String OPEN_TRADE = "CQ-500103-2026-GQ-DEMO01";

	public static final String READY_TRADE = "CQ-500103-2026-GQ-DEMO02";

	/** 罚没物资处置: its template sells by a Dutch (降价) auction. */
	public static final String DUTCH_TRADE = "CQ-500103-2026-FM-DEMO03";

	/** 特许经营权: its template takes one sealed price per bidder (一次报价). */
	public static final String SEALED_TRADE = "CQ-500103-2026-TX-DEMO04";

	/**
	 * The demo settlement bank's machine account ({@code DemoAccounts}): the deposits come through the bank the demo
	 * bank stand-in serves, so their refunds reach it, execute, and show its reference to the transferees.
	 */
	static final String BANK = "bank.api";

	private final AuctionHall hall;

	private final Catalog catalog;

	private String region = YUZHONG;

	private final EntityRegistry registry;

	private final CashDeposits deposits;

	private final Clock clock;

	DemoListings(AuctionHall hall, Catalog catalog, EntityRegistry registry, CashDeposits deposits, Clock clock) {
		this.hall = hall;
		this.catalog = catalog;
		this.registry = registry;
		this.deposits = deposits;
		this.clock = clock;
	}

	private DemoActing as(String username, Role role, RegionScope scope) {
		return new DemoActing(new Actor(username, role.name(), region), username, Set.of(role), scope, Set.of());
	}

	private static DemoActing staff() {
		return DemoActing.startUp();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (registry.findByCreditCode(CreditCode.of(code(1))).isPresent()) {
			return;
		}
		region = catalog.region(RegionCode.of(YUZHONG)).map(r -> YUZHONG).orElseGet(() -> catalog.regions().stream()
			.filter(r -> !r.isCity()).findFirst().orElseThrow().code().value());
		EntityView transferor = entity("demo.transferor", "重庆演示国有资产经营有限公司", 1, EntityRole.TRANSFEROR);
		entity("demo.transferee1", "重庆演示受让甲有限公司", 2, EntityRole.TRANSFEREE);
		entity("demo.transferee2", "重庆演示受让乙有限公司", 3, EntityRole.TRANSFEREE);
		try {
			staff().call(() -> deposits.registerBank(BANK, "示范结算银行（演示）"));
		}
		catch (Refusal registered) {
			// the demo bid security data registered it already
		}

		ListingView open = submit(OPEN_TRADE, "重庆演示机械制造有限公司 40% 股权");
		staff().call(() -> hall.publish(open.id(), open.version()));

		ready(submit(READY_TRADE, "重庆演示物流有限公司 100% 股权"));
		ready(submit(DUTCH_TRADE, "CONFISCATED_GOODS", "罚没车辆一批（轿车 12 辆）", "200000.00", "100000.00", "10000.00",
				"20000.00"));
		ready(submit(SEALED_TRADE, "PUBLIC_CONCESSION", "解放碑步行街户外广告位五年经营权", "500000.00", "550000.00",
				"10000.00", "50000.00"));
		log.warn("Created the demo listings {} (open) and {} (English), {} (Dutch) and {} (sealed-price round), their "
				+ "periods over, two transferees with deposits waiting for qualification by staff.yuzhong; transferor {}",
				OPEN_TRADE, READY_TRADE, DUTCH_TRADE, SEALED_TRADE, transferor.name());
	}

	/**
	 * Publishes a listing as of a month ago and has both demo transferees register and pay their deposits. The deposits
	 * arrive now, on sub-accounts opened now: a value date is never back-dated (interest runs as the demo clock moves).
	 */
	private void ready(ListingView ready) {
		Instant monthAgo = clock.instant().minus(Duration.ofDays(35));
		ListingView published = staff().call(() -> hall.publishAsOf(ready.id(), ready.version(), monthAgo));
		String trade = ready.tradeCode().value();
		for (String user : new String[] { "demo.transferee1", "demo.transferee2" }) {
			DemoActing transferee = as(user, Role.BIDDER, RegionScope.none());
			transferee.call(() -> hall.registerAsOf(published.id(), monthAgo.plus(Duration.ofDays(1))));
			DepositAccountView account = transferee.call(() -> deposits.openAccount(trade));
			EntityView entity = transferee.call(() -> registry.myEntity().orElseThrow());
			as(BANK, Role.API_CLIENT, RegionScope.none()).call(() -> deposits.report("demo-" + trade + "-" + user,
					new ArrivalReport(account.accountNumber(), published.security().yuan(), "6222000011110000",
							entity.name(), clock.instant(), "DEMO-" + trade + "-" + user)));
		}
	}

	private ListingView submit(String trade, String title) {
		return submit(trade, "STATE_EQUITY", title, "3000000.00", "3000000.00", "50000.00", "300000.00");
	}

	private ListingView submit(String trade, String category, String title, String starting, String reserve,
			String increment, String security) {
		return as("demo.transferor", Role.TENDERER, RegionScope.none()).call(() -> hall.submit(new NewListing(trade,
				region, category, title, "转让标的为" + title + "。评估基准日 2026-06-30，评估值以评估报告为准。",
				"意向受让方须为依法设立并有效存续的企业法人，具有良好的财务状况和商业信用。", null, new BigDecimal(starting),
				new BigDecimal(reserve), new BigDecimal(increment), new BigDecimal(security), 20, true,
				demoAssetClass(category).code(), new BigDecimal(starting))));
	}

	/** The demo listings' asset classes: vehicles are equipment, an advertising concession and shares intangible. */
	private static AssetClass demoAssetClass(String category) {
		return switch (category) {
			case "CONFISCATED_GOODS" -> AssetClass.EQUIPMENT;
			default -> AssetClass.INTANGIBLE;
		};
	}

	private EntityView entity(String username, String name, int n, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name, code(n), null, "张演示",
				"李演示", "023-63000000", username + "@demo.yiwang.cn", "重庆市渝中区解放碑", "150", region, Set.of(role), username,
				PASSWORD));
		return staff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	/** Fixed demo credit codes under 渝中区 (500103), with their check characters. */
	static String code(int n) {
		String first17 = "91500103MA6DEM00" + n;
		return first17 + CreditCode.checkCharacter(first17);
	}
}
