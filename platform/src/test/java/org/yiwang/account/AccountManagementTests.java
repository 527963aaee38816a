package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.Refusal;

@PlatformTest
class AccountManagementTests {

	static final String PASSWORD = "Strong-pass-2026";

	@Autowired
	AccountManagement accounts;

	@Autowired
	PasswordLogin login;

	@Autowired
	TokenLogin tokens;

	private static String uniqueName(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	private AccountView createPerson(TestActor by, String username, Role role, String region, boolean cityWide) {
		return by.call(() -> accounts.create(new NewAccount(username, "测试人员", AccountKind.PERSON, Set.of(role), region,
				cityWide, Set.of(), PASSWORD)));
	}

	@Test
	void district_staff_see_and_manage_only_their_own_district() {
		AccountView yuzhong = createPerson(TestActor.admin(), uniqueName("yz"), Role.CENTER_STAFF, TestActor.YUZHONG, false);
		AccountView wanzhou = createPerson(TestActor.admin(), uniqueName("wz"), Role.CENTER_STAFF, TestActor.WANZHOU, false);
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);

		assertThat(staff.call(accounts::accounts)).extracting(AccountView::id).contains(yuzhong.id()).doesNotContain(wanzhou.id());
		assertThat(staff.call(accounts::accounts)).allSatisfy(a -> assertThat(a.region().value()).isEqualTo(TestActor.YUZHONG));
		assertThatThrownBy(() -> staff.run(() -> accounts.account(wanzhou.id())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> staff.run(() -> accounts.setEnabled(wanzhou.id(), false))).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> staff.run(() -> accounts.issueToken(wanzhou.id(), "x", 1))).isInstanceOf(Refusal.class);
		assertThat(TestActor.admin().call(() -> accounts.account(wanzhou.id())).enabled()).isTrue();
	}

	@Test
	void district_staff_cannot_create_accounts_elsewhere_or_administrators_or_city_wide_scope() {
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		assertThatThrownBy(() -> createPerson(staff, uniqueName("x"), Role.CENTER_STAFF, TestActor.WANZHOU, false))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.grant.region"));
		assertThatThrownBy(() -> createPerson(staff, uniqueName("x"), Role.PLATFORM_ADMIN, TestActor.YUZHONG, false))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.grant.admin"));
		assertThatThrownBy(() -> createPerson(staff, uniqueName("x"), Role.CENTER_STAFF, TestActor.YUZHONG, true))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.grant.cityWide"));
		AccountView own = createPerson(staff, uniqueName("own"), Role.CENTER_STAFF, TestActor.YUZHONG, false);
		assertThat(own.region().value()).isEqualTo(TestActor.YUZHONG);
	}

	@Test
	void market_participants_are_filed_under_the_city_and_usernames_are_unique_across_regions() {
		String name = uniqueName("bidder");
		AccountView bidder = createPerson(TestActor.admin(), name, Role.BIDDER, null, false);
		assertThat(bidder.region().value()).isEqualTo(TestActor.CITY);
		assertThatThrownBy(() -> createPerson(TestActor.districtStaff(TestActor.YUZHONG), name, Role.CENTER_STAFF,
				TestActor.YUZHONG, false))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.username.taken"));
	}

	@Test
	void refuses_weak_passwords_and_regulators_without_industries() {
		assertThatThrownBy(() -> TestActor.admin().run(() -> accounts.create(new NewAccount(uniqueName("weak"), "弱密码",
				AccountKind.PERSON, Set.of(Role.BIDDER), null, false, Set.of(), "short1"))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.password.short"));
		assertThatThrownBy(() -> TestActor.admin().run(() -> accounts.create(new NewAccount(uniqueName("weak"), "无数字",
				AccountKind.PERSON, Set.of(Role.BIDDER), null, false, Set.of(), "onlyletterspassword"))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.password.mix"));
		assertThatThrownBy(() -> TestActor.admin().run(() -> accounts.create(new NewAccount(uniqueName("reg"), "监管",
				AccountKind.PERSON, Set.of(Role.REGULATOR), TestActor.YUZHONG, false, Set.of(), PASSWORD))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.industries.required"));
	}

	@Test
	void five_wrong_passwords_back_off_the_name_and_staff_can_end_the_back_off() {
		String name = uniqueName("lock");
		AccountView person = createPerson(TestActor.admin(), name, Role.TENDERER, null, false);
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> login.authenticate(new UsernamePasswordAuthenticationToken(name, "wrong-password-1")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> login.authenticate(new UsernamePasswordAuthenticationToken(name, PASSWORD)))
			.as("backed off even with the right password").isInstanceOf(LockedException.class);
		assertThat(TestActor.admin().call(() -> accounts.account(person.id())).backedOffUntil()).isNotNull();

		TestActor.cityStaff().run(() -> accounts.unlock(person.id()));
		Authentication signedIn = login.authenticate(new UsernamePasswordAuthenticationToken(name, PASSWORD));
		assertThat(((Acting) signedIn.getPrincipal()).roles()).containsExactly(Role.TENDERER);
	}

	@Test
	void an_unknown_name_and_a_disabled_account_do_not_sign_in() {
		assertThatThrownBy(() -> login.authenticate(new UsernamePasswordAuthenticationToken("nobody.here", PASSWORD)))
			.isInstanceOf(BadCredentialsException.class);
		String name = uniqueName("off");
		AccountView person = createPerson(TestActor.admin(), name, Role.AGENCY, null, false);
		TestActor.admin().run(() -> accounts.setEnabled(person.id(), false));
		assertThatThrownBy(() -> login.authenticate(new UsernamePasswordAuthenticationToken(name, PASSWORD)))
			.hasMessage("disabled");
	}

	@Test
	void a_token_authenticates_its_machine_client_until_revoked() {
		AccountView client = TestActor.admin().call(() -> accounts.create(new NewAccount(uniqueName("bank"), "示范银行接口",
				AccountKind.MACHINE, Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), null, false, Set.of(), null)));
		IssuedToken issued = TestActor.admin().call(() -> accounts.issueToken(client.id(), "production", 30));
		assertThat(issued.secret()).startsWith("ywt_").hasSizeGreaterThan(40);
		assertThat(tokens.authenticate(issued.secret())).hasValueSatisfying(a ->
				assertThat(((Acting) a.getPrincipal()).roles()).contains(Role.GUARANTEE_ISSUER));
		assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
		TestActor.admin().run(() -> accounts.revokeToken(client.id(), issued.token().id()));
		assertThat(tokens.authenticate(issued.secret())).isEmpty();
	}

	@Test
	void a_token_is_marked_used_to_the_minute_not_written_on_every_call() {
		AccountView client = TestActor.admin().call(() -> accounts.create(new NewAccount(uniqueName("issuer"), "示范担保接口",
				AccountKind.MACHINE, Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), null, false, Set.of(), null)));
		IssuedToken issued = TestActor.admin().call(() -> accounts.issueToken(client.id(), "production", 30));
		String hash = AccountManagement.hash(issued.secret());
		Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		assertThat(lastUsed(client)).isNull();
		assertThat(useAt(hash, first)).isPresent();
		assertThat(lastUsed(client)).isEqualTo(first);
		assertThat(useAt(hash, first.plusSeconds(59))).isPresent();
		assertThat(lastUsed(client)).as("not written again within the minute").isEqualTo(first);
		assertThat(useAt(hash, first.plusSeconds(61))).isPresent();
		assertThat(lastUsed(client)).isEqualTo(first.plusSeconds(61));
		assertThat(useAt(hash + "0", first.plusSeconds(62))).isEmpty();
	}

	@Autowired
	Accounts rows;

	/** As a bearer call reads a token: one statement, no transaction of the application, no scope set before it. */
	private java.util.Optional<Accounts.TokenHolder> useAt(String hash, Instant now) {
		return rows.tokenHolder(hash, now);
	}

	private Instant lastUsed(AccountView client) {
		return TestActor.admin().call(() -> accounts.tokens(client.id())).get(0).lastUsedAt();
	}
}
