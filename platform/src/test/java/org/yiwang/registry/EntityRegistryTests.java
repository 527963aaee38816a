package org.yiwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Refusal;

@PlatformTest
class EntityRegistryTests {

	static final String PASSWORD = "Entity-pass-2026";

	@Autowired
	EntityRegistry registry;

	@Autowired
	AuthenticationProvider login;

	/** A valid credit code registered under the given division, unique per call. */
	static String creditCode(String division) {
		return TestActor.creditCode(division);
	}

	static String username() {
		return "org." + UUID.randomUUID().toString().substring(0, 8);
	}

	static Registration organisation(String code, String region, String username, EntityRole... roles) {
		return new Registration(EntityKind.ORGANIZATION, "重庆示范建设有限公司" + username, code, null, "张三", "李四",
				"023-12345678", "contact@example.cn", "重庆市渝中区解放碑", "150", region, Set.of(roles), username, PASSWORD);
	}

	/** Signs in as the entity's administrator, as the login page would. */
	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return signedIn(login, username, work);
	}

	/** Runs work signed in through the real login (password {@link #PASSWORD}), lockout and all. */
	static <T> T signedIn(AuthenticationProvider login, String username, java.util.function.Supplier<T> work) {
		return TestActor.signedIn(login, username, PASSWORD, work);
	}

	@Test
	void registers_once_then_district_staff_approve_and_the_entity_holds_its_roles_everywhere() {
		String user = username();
		EntityView registered = registry.register(organisation(creditCode("500103"), TestActor.YUZHONG, user,
				EntityRole.BIDDER, EntityRole.TRANSFEREE));
		assertThat(registered.status()).isEqualTo(EntityStatus.PENDING);
		assertThat(registered.roles()).isEmpty();
		assertThat(registered.nonLocal()).isFalse();

		assertThat(as(user, registry::myEntity)).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(EntityStatus.PENDING));
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(registry::reviewQueue)).extracting(EntityView::id)
			.doesNotContain(registered.id());
		TestActor yuzhong = TestActor.districtStaff(TestActor.YUZHONG);
		assertThat(yuzhong.call(registry::reviewQueue)).extracting(EntityView::id).contains(registered.id());
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.WANZHOU).run(() -> registry.approve(registered.id(),
				registered.version())))
			.as("another district's staff cannot decide it").isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.status().value()).isEqualTo(404));

		EntityView approved = yuzhong.call(() -> registry.approve(registered.id(), registered.version()));
		assertThat(approved.holds(EntityRole.BIDDER)).isTrue();
		assertThat(approved.holds(EntityRole.TRANSFEREE)).isTrue();
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(() -> registry.entity(registered.id())).approved())
			.as("valid in every district").isTrue();
	}

	@Test
	void a_returned_registration_shows_the_reason_and_goes_back_to_review_when_corrected() {
		String user = username();
		EntityView registered = registry.register(organisation(creditCode("500101"), TestActor.WANZHOU, user, EntityRole.TENDERER));
		TestActor wanzhou = TestActor.districtStaff(TestActor.WANZHOU);
		assertThatThrownBy(() -> wanzhou.run(() -> registry.returnForCorrection(registered.id(), registered.version(), " ")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.review.reason"));
		wanzhou.run(() -> registry.returnForCorrection(registered.id(), registered.version(), "营业执照名称与填写不一致"));
		assertThat(as(user, registry::myEntity)).hasValueSatisfying(e -> {
			assertThat(e.status()).isEqualTo(EntityStatus.RETURNED);
			assertThat(e.returnReason()).isEqualTo("营业执照名称与填写不一致");
		});
		EntityView resubmitted = as(user, () -> registry.resubmit("重庆更正建设有限公司", "张三", "李四", "13800000000", null));
		assertThat(resubmitted.status()).isEqualTo(EntityStatus.PENDING);
		assertThat(wanzhou.call(registry::reviewQueue)).extracting(EntityView::id).contains(registered.id());
		assertThatThrownBy(() -> wanzhou.run(() -> registry.approve(registered.id(), registered.version())))
			.as("approving what was seen before the correction").isInstanceOf(Refusal.class);
	}

	@Test
	void wrong_codes_and_duplicates_are_refused_and_nothing_is_left_behind() {
		String code = creditCode("500103");
		char wrong = code.charAt(17) == '0' ? '1' : '0';
		String user = username();
		assertThatThrownBy(() -> registry.register(organisation(code.substring(0, 17) + wrong, TestActor.YUZHONG, user,
				EntityRole.BIDDER)))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).isEqualTo("registry.creditCode.check");
				assertThat(r.arguments()).containsExactly(String.valueOf(code.charAt(17)));
			});
		assertThatThrownBy(() -> registry.register(organisation("91500103", TestActor.YUZHONG, user, EntityRole.BIDDER)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.creditCode.length"));

		registry.register(organisation(code, TestActor.YUZHONG, user, EntityRole.BIDDER));
		assertThatThrownBy(() -> registry.register(organisation(code, TestActor.YUZHONG, username(), EntityRole.BIDDER)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.creditCode.taken"));
		String unsaved = creditCode("500103");
		assertThatThrownBy(() -> registry.register(organisation(unsaved, TestActor.YUZHONG, user, EntityRole.BIDDER)))
			.as("the username is taken")
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("account.username.taken"));
		assertThat(TestActor.cityStaff().call(() -> registry.findByCreditCode(CreditCode.of(unsaved))))
			.as("nothing half-saved: the entity went with the refused account").isEmpty();
	}

	@Test
	void a_person_registers_by_resident_id_number_and_the_number_is_shown_masked() {
		String first17 = "11010519491231" + String.format("%03d", (int) (Math.random() * 1000));
		String id = first17 + ResidentIdNumber.checkCharacter(first17);
		EntityView person = registry.register(new Registration(EntityKind.PERSON, "王五", null, id, null, "王五",
				"13900000000", "contact@example.cn", null, null, TestActor.YUZHONG, Set.of(EntityRole.TRANSFEREE), username(), PASSWORD));
		assertThat(person.maskedIdNumber()).startsWith("110105").contains("**********").hasSize(18);
		assertThat(person.nonLocal()).as("a Beijing ID number is non-local in Chongqing").isTrue();
		assertThat(ResidentIdNumber.problem("11010519491231002X", LocalDate.of(2026, 1, 1))).isEmpty();
		assertThat(ResidentIdNumber.problem("110105194912310021", LocalDate.of(2026, 1, 1))).contains("registry.idNumber.check");
		assertThat(ResidentIdNumber.problem("110105194902300021", LocalDate.of(2026, 1, 1))).contains("registry.idNumber.birth");
	}

	@Test
	void qualifications_warn_before_they_expire_and_blacklisting_bars_where_it_applies() {
		String user = username();
		EntityView entity = registry.register(organisation(creditCode("500103"), TestActor.YUZHONG, user, EntityRole.BIDDER));
		TestActor.cityStaff().run(() -> registry.approve(entity.id(), entity.version()));
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		QualificationView soon = as(user, () -> registry.addQualification(new NewQualification("建筑业企业资质", "一级",
				"D" + UUID.randomUUID().toString().substring(0, 8), "重庆市住房和城乡建设委员会", today.minusYears(1), today.plusDays(10))));
		assertThat(TestActor.regulator().call(() -> registry.expiringWithin(30))).extracting(QualificationView::id).contains(soon.id());
		assertThatThrownBy(() -> as(user, () -> registry.addQualification(new NewQualification("安全生产许可证", null, "X1",
				"重庆市住建委", today.minusYears(3), today.minusDays(1)))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.qualification.expired"));

		TestActor.cityStaff().run(() -> registry.recordCredit(entity.id(), new NewCreditRecord(CreditKind.BLACKLIST,
				"串通投标", "渝建罚〔2026〕1号", Set.of(TestActor.YUZHONG), Set.of("ENG_BUILDING"), today, today.plusMonths(6))));
		CategoryCode building = CategoryCode.of("ENG_BUILDING");
		assertThat(registry.isBarred(entity.id(), RegionCode.of(TestActor.YUZHONG), building, today)).isTrue();
		assertThat(registry.isBarred(entity.id(), RegionCode.of(TestActor.WANZHOU), building, today)).isFalse();
		assertThat(registry.isBarred(entity.id(), RegionCode.of(TestActor.YUZHONG), CategoryCode.of("GOV_GOODS"), today)).isFalse();
		assertThat(registry.isBarred(entity.id(), RegionCode.of(TestActor.YUZHONG), building, today.plusMonths(7))).isFalse();
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.WANZHOU).run(() -> registry.recordCredit(entity.id(),
				new NewCreditRecord(CreditKind.BAD, "x", "y", Set.of(TestActor.YUZHONG), Set.of(), today, null))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.credit.scope"));
	}

	@Test
	void approved_entities_form_a_consortium_for_one_bid() {
		String leadUser = username();
		EntityView lead = registry.register(organisation(creditCode("500103"), TestActor.YUZHONG, leadUser, EntityRole.BIDDER));
		EntityView partner = registry.register(organisation(creditCode("440300"), TestActor.YUZHONG, username(), EntityRole.BIDDER));
		assertThat(partner.nonLocal()).isTrue();
		TestActor.cityStaff().run(() -> registry.approve(lead.id(), lead.version()));
		assertThatThrownBy(() -> as(leadUser, () -> registry.formConsortium("示范联合体", Set.of(partner.id()), "SECTION-1")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("registry.consortium.memberNotApproved"));
		TestActor.cityStaff().run(() -> registry.approve(partner.id(), partner.version()));
		EntityView consortium = as(leadUser, () -> registry.formConsortium("示范联合体", Set.of(partner.id()), "SECTION-1"));
		assertThat(consortium.kind()).isEqualTo(EntityKind.CONSORTIUM);
		assertThat(consortium.holds(EntityRole.BIDDER)).isTrue();
		assertThat(TestActor.cityStaff().call(() -> registry.consortiumMembers(consortium.id()))).containsExactly(lead.id(), partner.id());
	}
}
