package org.yiwang.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.guarantee.ArrivalReport;
import org.yiwang.guarantee.ArrivalView;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.DepositAccountView;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * Sets up listings and auctions through the platform's own services, as the people would: entities registered and
 * approved, a listing submitted and published, transferees registered, their deposits paid through a real bank
 * machine account, and qualified by the district's staff.
 */
final class AuctionFixture {

	static final String PASSWORD = "Auction-pass-2026";

	static final String REGION = TestActor.YUZHONG;

	final AuctionHall hall;

	final EntityRegistry registry;

	final CashDeposits deposits;

	final AccountManagement accounts;

	final AuthenticationProvider login;

	/** The platform's clock: deposits arrive and auctions open at its time, which an AdjustableClock context moves. */
	final Clock clock;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String bank = "bank." + run;

	AuctionFixture(ApplicationContext context) {
		this.hall = context.getBean(AuctionHall.class);
		this.registry = context.getBean(EntityRegistry.class);
		this.deposits = context.getBean(CashDeposits.class);
		this.accounts = context.getBean(AccountManagement.class);
		this.login = context.getBean(AuthenticationProvider.class);
		this.clock = context.getBean(Clock.class);
		TestActor.admin().call(() -> accounts.create(new NewAccount(bank, "结算银行 " + run, AccountKind.MACHINE,
				Set.of(Role.API_CLIENT), null, false, Set.of(), null)));
		TestActor.cityStaff().run(() -> deposits.registerBank(bank, "演示结算银行 " + run));
	}

	EntityView entity(String user, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "竞价测试公司" + user,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", REGION, Set.of(role),
				user, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	<T> T as(String user, Supplier<T> work) {
		return TestActor.signedIn(login, user, PASSWORD, work);
	}

	static TestActor staff() {
		return TestActor.districtStaff(REGION);
	}

	NewListing listing(String tradeCode, String category, String starting, String reserve, String increment,
			String security, int days) {
		return new NewListing(tradeCode, REGION, category, "某国有企业 51% 股权 " + tradeCode,
				"标的为某国有企业 51% 股权。\n审计基准日 2026-06-30。", "受让方须为依法存续的企业法人。", null,
				new BigDecimal(starting), new BigDecimal(reserve), new BigDecimal(increment), new BigDecimal(security), days,
				false, category.equals("CONFISCATED_GOODS") || category.equals("STATE_ASSET") ? "3" : "9",
				new BigDecimal(starting));
	}

	/** A state-equity listing submitted by a new transferor and published by the district's staff. */
	ListingView published(String suffix, String starting, String reserve, String increment, String security) {
		String transferor = ("tf" + suffix + "." + run).toLowerCase();
		entity(transferor, EntityRole.TRANSFEROR);
		ListingView submitted = as(transferor, () -> hall.submit(listing(tradeCode(suffix), "STATE_EQUITY", starting, reserve,
				increment, security, 20)));
		return staff().call(() -> hall.publish(submitted.id(), submitted.version()));
	}

	/** A listing of another category (so of its template's auction kind), submitted by a new transferor and published. */
	ListingView published(String suffix, String category, String starting, String reserve, String increment,
			String security) {
		String transferor = ("tf" + suffix + "." + run).toLowerCase();
		entity(transferor, EntityRole.TRANSFEROR);
		ListingView submitted = as(transferor, () -> hall.submit(listing(tradeCode(suffix), category, starting, reserve,
				increment, security, 20)));
		return staff().call(() -> hall.publish(submitted.id(), submitted.version()));
	}

	String tradeCode(String suffix) {
		return ("CQ-500103-GQ-" + run + "-" + suffix).toUpperCase();
	}

	/** A transferee that registered, paid its deposit (reported by the bank) and was qualified; its username. */
	String qualified(ListingView listing, String name) {
		String user = registered(listing, name);
		pay(listing, user);
		staff().run(() -> hall.qualify(hall_registration(listing, user)));
		return user;
	}

	String registered(ListingView listing, String name) {
		String user = ("te" + name + "." + run).toLowerCase();
		entity(user, EntityRole.TRANSFEREE);
		as(user, () -> hall.register(listing.id()));
		return user;
	}

	void pay(ListingView listing, String user) {
		EntityView entity = as(user, () -> registry.myEntity().orElseThrow());
		arrival(listing, user, listing.security().yuan(), entity.name(), "pay-" + user);
	}

	/** The bank reports an arrival on the user's sub-account for the listing (opened if need be), under the key. */
	ArrivalView arrival(ListingView listing, String user, BigDecimal amount, String payerName, String key) {
		DepositAccountView account = as(user, () -> deposits.openAccount(listing.tradeCode().value()));
		return TestActor.of(bank, Role.API_CLIENT, TestActor.CITY, false).call(() -> deposits.report(key,
				new ArrivalReport(account.accountNumber(), amount, "6222000011112222", payerName,
						clock.instant().minus(1, ChronoUnit.MINUTES), "REF-" + key)));
	}

	UUID hall_registration(ListingView listing, String user) {
		return as(user, () -> hall.myRegistration(listing.id())).orElseThrow().id();
	}

	/** Concludes the listing as of the end of its period, opening an auction that starts now. */
	ListingView concludeAfterPeriod(ListingView listing, int freeMinutes) {
		Instant periodEnd = staff().call(() -> hall.listing(listing.id())).periodEnd();
		return staff().call(() -> hall.concludeAsOf(listing.id(), clock.instant(), freeMinutes, null, periodEnd));
	}
}
