package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.system.Refusal;

@PlatformTest
class CatalogManagementTests {

	@Autowired
	Catalog catalog;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	private static String uniqueCode() {
		return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private CategoryView add(String code) {
		return TestActor.cityStaff().call(() -> catalog.addCategory(
				new NewCategory(code, "测试品类", "Test category", ProcedureFamily.TENDER, "住房城乡建设部门", null)));
	}

	/** A new category of its own for a test, added by city staff. */
	private CategoryCode addedCategory() {
		String code = uniqueCode();
		add(code);
		return CategoryCode.of(code);
	}

	private List<AuditEntry> auditOf(String target) {
		return TestActor.admin().call(() -> audit.latest(target, 50));
	}

	@Test
	void loads_the_city_and_the_reference_catalogue_once() {
		assertThat(catalog.regions()).filteredOn(r -> r.code().value().startsWith("5") || r.code().value().startsWith("X5"))
			.hasSize(41);
		assertThat(catalog.city().nameZh()).isEqualTo("重庆市");
		assertThat(catalog.categories()).extracting(c -> c.code().value()).contains("ENG_BUILDING", "BUILDING_MATERIALS");
		assertThat(catalog.currentTemplate(CategoryCode.of("ENG_BUILDING")).bidPeriodDays()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void city_staff_add_a_category_with_its_family_template_and_the_change_is_audited() {
		String code = uniqueCode();
		CategoryView added = add(code);
		assertThat(added.enabled()).isTrue();
		assertThat(added.templateVersion()).isEqualTo(1);
		assertThat(catalog.enabledCategories()).extracting(CategoryView::code).contains(CategoryCode.of(code));
		assertThat(auditOf("category:" + code)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("catalog.category.added");
			assertThat(entry.actor()).isEqualTo("staff");
		});
	}

	@Test
	void a_template_revision_adds_a_version_and_leaves_the_old_one_as_it_was() {
		String code = uniqueCode();
		add(code);
		CategoryCode category = CategoryCode.of(code);
		ProcedureTemplate v1 = catalog.currentTemplate(category);
		TemplateRevision longer = TemplateRevision.of(v1, "longer bid period for complex works");
		longer = new TemplateRevision(longer.procedure(), 30, longer.documentAvailabilityDays(), longer.amendmentNoticeDays(),
				longer.objectionDeadlineDays(), longer.objectionAnswerDays(), longer.candidatePublicityDays(),
				longer.decryptionWindowMinutes(), null, false, null, 5, true, false, longer.evaluationMethod(),
				longer.securityMaxPercent(), longer.reason(), 1);
		TemplateRevision revision = longer;
		ProcedureTemplate v2 = TestActor.cityStaff().call(() -> catalog.reviseTemplate(category, revision));

		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.bidPeriodDays()).isEqualTo(30);
		assertThat(catalog.template(category, 1)).isEqualTo(v1);
		assertThat(catalog.currentTemplate(category)).isEqualTo(v2);
		assertThat(auditOf("template:" + code + "/2")).extracting(AuditEntry::action).containsExactly("catalog.template.revised");
	}

	@Test
	void a_version_read_in_a_revision_that_rolled_back_is_not_remembered() {
		CategoryCode category = addedCategory();
		TemplateRevision revision = TemplateRevision.of(catalog.currentTemplate(category), "revised, then abandoned");
		TestActor.cityStaff().run(() -> transactions.executeWithoutResult(status -> {
			catalog.reviseTemplate(category, revision);
			assertThat(catalog.template(category, 2).version()).isEqualTo(2); // read, and so remembered, in the transaction
			status.setRollbackOnly();
		}));

		assertThatThrownBy(() -> catalog.template(category, 2)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.messageKey()).isEqualTo("catalog.template.notFound"));
		assertThat(catalog.template(category, 1).version()).isEqualTo(1);
	}

	@Test
	void refuses_a_template_that_undercuts_the_law_and_changes_nothing() {
		String code = uniqueCode();
		add(code);
		CategoryCode category = CategoryCode.of(code);
		ProcedureTemplate v1 = catalog.currentTemplate(category);
		TemplateRevision tooShort = new TemplateRevision(v1.procedure(), 10, 5, 15, 10, 3, 3, 30, null, false, null, 3,
				false, false, v1.evaluationMethod(), v1.securityMaxPercent(), "shorter", 1);
		assertThatThrownBy(() -> TestActor.cityStaff().run(() -> catalog.reviseTemplate(category, tooShort)))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.field()).isEqualTo("bidPeriodDays");
				assertThat(r.messageKey()).isEqualTo("template.law.atLeast");
			});
		assertThat(catalog.templateHistory(category)).hasSize(1);
	}

	@Test
	void refuses_a_revision_based_on_an_outdated_version() {
		CategoryCode category = addedCategory();
		TemplateRevision first = TemplateRevision.of(catalog.currentTemplate(category), "first");
		TestActor.cityStaff().run(() -> catalog.reviseTemplate(category, first));
		assertThatThrownBy(() -> TestActor.admin().run(() -> catalog.reviseTemplate(category, first)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("catalog.template.changedMeanwhile"));
	}

	@Test
	void district_staff_and_regulators_may_not_change_the_shared_catalogue() {
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.YUZHONG).run(() -> catalog.addCategory(
				new NewCategory(uniqueCode(), "区县品类", "District category", ProcedureFamily.TENDER, null, null))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("catalog.cityWideOnly"));
		assertThatThrownBy(() -> TestActor.regulator().run(() -> catalog.setCategoryEnabled(CategoryCode.of("ENG_BUILDING"), false)))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void renaming_checks_the_version_the_editor_saw_and_a_duplicate_code_is_refused() {
		String code = uniqueCode();
		CategoryView added = add(code);
		CategoryView renamed = TestActor.cityStaff().call(() -> catalog.renameCategory(added.code(),
				new CategoryName("新名称", "New name", added.version())));
		assertThat(renamed.nameZh()).isEqualTo("新名称");
		assertThatThrownBy(() -> TestActor.cityStaff().run(() -> catalog.renameCategory(added.code(),
				new CategoryName("再改", "Again", added.version()))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("problem.changedMeanwhile"));
		assertThatThrownBy(() -> add(code))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("catalog.code.taken"));
	}

	@Test
	void disabling_a_category_hides_it_from_new_business_but_keeps_its_templates() {
		String code = uniqueCode();
		CategoryView added = add(code);
		TestActor.cityStaff().run(() -> catalog.setCategoryEnabled(added.code(), false));
		assertThat(catalog.enabledCategories()).extracting(CategoryView::code).doesNotContain(added.code());
		assertThat(catalog.category(added.code()).enabled()).isFalse();
		assertThat(catalog.templateHistory(added.code())).hasSize(1);
		assertThat(auditOf("category:" + code)).extracting(AuditEntry::action).contains("catalog.category.disabled");
	}
}
