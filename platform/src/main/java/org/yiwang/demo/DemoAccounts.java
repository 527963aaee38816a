package org.yiwang.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewDemoAccount;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.RegionScopes;

/**
 * One demo account per role, so a newcomer can click through at once; the sign-in page and docs/demo.md list them. Made
 * through the account module's {@link AccountManagement#addDemoAccount}, which flags them so that {@code yiwang.demo=false}
 * disables them all at the next start.
 */
@Component
@Order(20)
@DemoOn
public class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** username, display name, role, district (null: the city), city-wide */
	private record Demo(String username, String displayName, Role role, String district, boolean cityWide) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo("admin", "平台管理员", Role.PLATFORM_ADMIN, null, true),
			new Demo("staff", "市中心工作人员", Role.CENTER_STAFF, null, true),
			new Demo("staff.yuzhong", "渝中区分中心工作人员", Role.CENTER_STAFF, "500103", false),
			new Demo("staff.wanzhou", "万州区分中心工作人员", Role.CENTER_STAFF, "500101", false),
			new Demo("tenderer", "示范招标人", Role.TENDERER, null, false),
			new Demo("agency", "示范招标代理机构", Role.AGENCY, null, false),
			new Demo("bidder", "示范投标人", Role.BIDDER, null, false),
			new Demo("bidder2", "示范投标人二", Role.BIDDER, null, false),
			new Demo("bidder3", "示范投标人三", Role.BIDDER, null, false),
			new Demo("expert", "示范评标专家", Role.EXPERT, null, false),
			// more demo experts, so that a draw of 5 across 2 specialties with avoidance has a pool (ExpertDemo)
			new Demo("expert2", "示范专家二", Role.EXPERT, null, false),
			new Demo("expert3", "示范专家三", Role.EXPERT, null, false),
			new Demo("expert4", "示范专家四", Role.EXPERT, null, false),
			new Demo("expert5", "示范专家五", Role.EXPERT, null, false),
			new Demo("expert6", "示范专家六", Role.EXPERT, null, false),
			new Demo("expert7", "示范专家七", Role.EXPERT, null, false),
			new Demo("expert8", "示范专家八", Role.EXPERT, null, false),
			new Demo("expert9", "示范专家九", Role.EXPERT, null, false),
			new Demo("regulator", "示范住建监管人员", Role.REGULATOR, null, true),
			new Demo("issuer", "示范保函出具机构", Role.GUARANTEE_ISSUER, null, false),
			new Demo("intermediary", "示范中介机构", Role.INTERMEDIARY, null, false));

	/** The demo API client's token, documented in docs/demo.md; useless once demo accounts are disabled. */
	public static final String DEMO_TOKEN = "ywt_demo-api-client-token-not-for-production";

	/**
	 * The machine accounts of the demo guarantee issuer's and the demo settlement bank's systems, which call the API
	 * like any issuer's or bank's (docs/bid-security.md): username, description, roles, token.
	 */
	private record DemoClient(String username, String displayName, Set<Role> roles, String token) {
	}

	private static final List<DemoClient> CLIENTS = List.of(
			new DemoClient("api.demo", "示范接口客户端", Set.of(Role.API_CLIENT), DEMO_TOKEN),
			new DemoClient("issuer.api", "示范保函出具机构接口", Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER),
					"ywt_demo-issuer-token-not-for-production"),
			new DemoClient("bank.api", "示范结算银行接口", Set.of(Role.API_CLIENT), "ywt_demo-bank-token-not-for-production"));

	private final AccountManagement accounts;

	private final Catalog catalog;

	private final TransactionTemplate transactions;

	DemoAccounts(AccountManagement accounts, Catalog catalog, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = RegionScopes.callAsPlatform(() -> transactions.execute(status -> createMissing()));
		if (created > 0) {
			log.warn("Created {} demo accounts (password in docs/demo.md). Set yiwang.demo=false in production: "
					+ "it disables them all.", created);
		}
		else {
			log.warn("Demo accounts are enabled (yiwang.demo=true). Set yiwang.demo=false in production.");
		}
	}

	private int createMissing() {
		int created = 0;
		List<RegionView> districts = catalog.regions().stream().filter(r -> !r.isCity()).toList();
		int districtIndex = 0;
		for (Demo listed : DEMOS) {
			Demo d = listed.district() == null ? listed : inThisCity(listed, districts, districtIndex++);
			Set<CategoryCode> industries = d.role() == Role.REGULATOR
					? Set.of(CategoryCode.of("ENG_BUILDING"), CategoryCode.of("BUILDING_MATERIALS")) : Set.of();
			created += accounts.addDemoAccount(new NewDemoAccount(d.username(), d.displayName(), AccountKind.PERSON,
					Set.of(d.role()), d.district() == null ? null : RegionCode.of(d.district()), d.cityWide(), industries,
					null)).isPresent() ? 1 : 0;
		}
		for (DemoClient c : CLIENTS) {
			created += accounts.addDemoAccount(new NewDemoAccount(c.username(), c.displayName(), AccountKind.MACHINE,
					c.roles(), null, false, Set.of(), c.token())).isPresent() ? 1 : 0;
		}
		return created;
	}

	/**
	 * The Chongqing demo districts, or in another city its first districts: {@code staff.<code>}, e.g.
	 * {@code staff.440303} for Shenzhen's 罗湖区.
	 */
	private static Demo inThisCity(Demo listed, List<RegionView> districts, int index) {
		if (districts.stream().anyMatch(r -> r.code().value().equals(listed.district())) || districts.isEmpty()) {
			return districts.isEmpty() ? new Demo(listed.username(), listed.displayName(), listed.role(), null, false)
					: listed;
		}
		RegionView district = districts.get(Math.min(index, districts.size() - 1));
		return new Demo("staff." + district.code().value().toLowerCase(), district.nameZh() + "分中心工作人员", listed.role(),
				district.code().value(), false);
	}
}
