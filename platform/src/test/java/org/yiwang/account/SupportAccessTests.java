package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.ContactDetails;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;

/**
 * Issue 17, item 8: staff never hold a person's credential; acting for a person is support access, announced to the
 * person, limited in time, and traced with both identities on every audit entry.
 */
@PlatformTest
class SupportAccessTests {

	static final String PASSWORD = "Support-pass-2026";

	@Autowired
	AccountManagement accounts;

	@Autowired
	SupportAccess support;

	@Autowired
	TokenLogin tokens;

	@Autowired
	AuthenticationProvider login;

	@Autowired
	EntityRegistry registry;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	private static String name(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	private AccountView bidder() {
		return TestActor.admin().call(() -> accounts.create(new NewAccount(name("bdr"), "投标人员", AccountKind.PERSON,
				Set.of(Role.BIDDER), null, false, Set.of(), PASSWORD)));
	}

	@Test
	void staff_minting_a_token_for_a_bidder_is_refused_and_the_bidder_mints_their_own() {
		AccountView bidder = bidder();
		for (TestActor staff : Set.of(TestActor.admin(), TestActor.cityStaff())) {
			assertThatThrownBy(() -> staff.run(() -> accounts.issueToken(bidder.id(), "代办", 30)))
				.isInstanceOfSatisfying(Refusal.class, r -> {
					assertThat(r.status().value()).isEqualTo(403);
					assertThat(r.messageKey()).isEqualTo("account.token.personOwnOnly");
				});
		}
		assertThat(TestActor.admin().call(() -> accounts.tokens(bidder.id()))).isEmpty();

		IssuedToken own = TestActor.signedIn(login, bidder.username(), PASSWORD,
				() -> accounts.issueOwnToken("投标工具", 30));
		assertThat(tokens.authenticate(own.secret())).hasValueSatisfying(
				a -> assertThat(((Acting) a.getPrincipal()).actor().username()).isEqualTo(bidder.username()));
	}

	@Test
	void an_action_under_support_access_is_audited_with_both_identities_and_the_person_sees_the_notice() throws Exception {
		String member = name("org");
		String code = creditCode();
		EntityView entity = registry.register(new Registration(EntityKind.ORGANIZATION, "支持访问测试公司" + member, code, null,
				"张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区解放碑", "150", TestActor.YUZHONG,
				Set.of(EntityRole.BIDDER), member, PASSWORD));
		AccountView person = TestActor.admin().call(() -> accounts.accounts()).stream()
			.filter(a -> a.username().equals(member)).findFirst().orElseThrow();

		TestActor staff = TestActor.cityStaff();
		assertThatThrownBy(() -> staff.run(() -> support.request(person.id(), "短", 30)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.support.reason"));
		SupportAccess.Grant grant = staff.call(() -> support.request(person.id(), "投标人电话求助：修改联系人", 30));

		// Announced: the person sees who, why and until when.
		assertThat(TestActor.signedIn(login, member, PASSWORD, support::mine)).singleElement().satisfies(g -> {
			assertThat(g.staff()).isEqualTo("staff");
			assertThat(g.reason()).contains("修改联系人");
			assertThat(g.expiresAt()).isAfter(g.grantedAt());
		});

		Authentication supported = staff.call(() -> support.enter(grant.id()));
		assertThat(((Acting) supported.getPrincipal()).actor().username()).isEqualTo(member);
		assertThat(((Acting) supported.getPrincipal()).actor().supportedBy()).isEqualTo("staff");
		as(supported, () -> registry.changeContact(new ContactDetails("王五", "023-87654321", "重庆市渝中区新华路 1 号",
				"new@example.cn")));
		assertThatThrownBy(() -> as(supported, () -> accounts.issueOwnToken("偷拿", 1)))
			.as("no credential of the person, even under support access").isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.messageKey()).isEqualTo("account.support.notAllowed"));

		AuditEntry changed = TestActor.admin().call(() -> audit.latest("entity:" + entity.id(), 50)).stream()
			.filter(e -> e.action().equals("registry.entity.contactChanged")).findFirst().orElseThrow();
		assertThat(changed.actor()).isEqualTo(member);
		assertThat(changed.supportedBy()).isEqualTo("staff");
		AuditEntry started = TestActor.admin().call(() -> audit.latest("account.support.started", 50)).stream()
			.filter(e -> e.target().equals("account:" + person.id())).findFirst().orElseThrow();
		assertThat(started.actor()).isEqualTo(member);
		assertThat(started.supportedBy()).isEqualTo("staff");
		assertThat(audit.verify().intact()).as("the hash chain covers the new field").isTrue();

		// While it runs, the session acts as the person; once the person ends it, the next request ends the session.
		mvc.perform(get("/account").with(authentication(supported))).andExpect(status().isOk());
		TestActor.signedIn(login, member, PASSWORD, () -> {
			support.end(grant.id());
			return null;
		});
		mvc.perform(get("/account").with(authentication(supported)))
			.andExpect(redirectedUrl("/login?error=supportEnded"));
		assertThatThrownBy(() -> staff.run(() -> support.enter(grant.id())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.support.over"));
	}

	@Test
	void support_access_is_refused_for_staff_accounts_and_outside_the_staffs_scope() {
		AccountView colleague = TestActor.admin().call(() -> accounts.create(new NewAccount(name("stf"), "同事",
				AccountKind.PERSON, Set.of(Role.CENTER_STAFF), TestActor.YUZHONG, false, Set.of(), PASSWORD)));
		assertThatThrownBy(() -> TestActor.cityStaff().run(() -> support.request(colleague.id(), "查看同事的工作台", 30)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.support.marketOnly"));
		AccountView bidder = bidder();
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.WANZHOU).run(() -> support.request(bidder.id(),
				"另一区县的工作人员", 30)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(404));
		assertThatThrownBy(() -> TestActor.of("bdr.x", Role.BIDDER, TestActor.CITY, false).run(() -> support.request(
				bidder.id(), "投标人不能申请", 30)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(403));
		assertThatThrownBy(() -> TestActor.cityStaff().run(() -> support.request(bidder.id(), "太长的支持访问", 600)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.support.minutes"));
	}

	private static void as(Authentication authentication, Runnable work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static String creditCode() {
		String body = UUID.randomUUID().toString().replace("-", "").toUpperCase().replaceAll("[^0-9A-H]", "0")
			.substring(0, 9);
		String first17 = "91500103" + body;
		return first17 + CreditCode.checkCharacter(first17);
	}
}
