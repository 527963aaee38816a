package org.yiwang.demo.security;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.GuaranteeIssuance;
import org.yiwang.guarantee.NewRequirement;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Refusal;

/**
 * The demo data of bid security, made once after the demo entities: city staff register the demo issuer (its entity,
 * acted for by the machine account {@code issuer.api}) and the demo settlement bank ({@code bank.api}), and set a demo
 * trade whose beneficiary is the demo tenderer's entity, so a newcomer signed in as {@code bidder} can apply at once.
 */
@Component
@DemoOn
@Order(46)
class DemoSecurityData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSecurityData.class);

	static final String ISSUER_CLIENT = "issuer.api";

	static final String BANK_CLIENT = "bank.api";

	private final DemoSettings settings;

	private final BidSecurity security;

	private final GuaranteeIssuance issuance;

	private final CashDeposits deposits;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final Clock clock;

	DemoSecurityData(DemoSettings settings, BidSecurity security, GuaranteeIssuance issuance, CashDeposits deposits,
			EntityRegistry registry, Catalog catalog, Clock clock) {
		this.settings = settings;
		this.security = security;
		this.issuance = issuance;
		this.deposits = deposits;
		this.registry = registry;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The demo trade's code in this city, e.g. {@code YW-DEMO-500000-0001}. */
	static String tradeCode(Catalog catalog) {
		return "YW-DEMO-" + catalog.city().code().value() + "-0001";
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.enabled()) {
			return;
		}
		RegionCode city = catalog.city().code();
		EntityView tenderer = entityOf("tenderer", Role.TENDERER, city);
		EntityView issuer = entityOf(ISSUER_CLIENT, Role.GUARANTEE_ISSUER, city);
		if (tenderer == null || issuer == null) {
			log.warn("Demo bid security not set up: the demo entities are missing (yiwang.demo.entities=false?)");
			return;
		}
		DemoActor.cityStaff(city).call(() -> {
			if (issuance.issuers().stream().noneMatch(i -> i.entity().equals(issuer.id()))) {
				issuance.registerIssuer(issuer.creditCode(), ISSUER_CLIENT);
			}
			try {
				deposits.registerBank(BANK_CLIENT, "示范结算银行（演示）");
			}
			catch (Refusal registered) {
				// registered at an earlier start
			}
			String trade = tradeCode(catalog);
			if (security.requirements().stream().noneMatch(r -> r.tradeCode().value().equals(trade))) {
				security.require(new NewRequirement(trade, "示范办公楼施工总承包（演示标段）", city.value(), "ENG_BUILDING",
						tenderer.id().toString(), null, new BigDecimal("50000.00"),
						LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).plusDays(120)));
				log.info("Demo trade {} set: bidders apply for an e-guarantee or pay a cash deposit at /guarantees/my", trade);
			}
			return null;
		});
	}

	private EntityView entityOf(String username, Role role, RegionCode city) {
		return DemoActor.member(username, role, city).call(() -> registry.myEntity().orElse(null));
	}
}
