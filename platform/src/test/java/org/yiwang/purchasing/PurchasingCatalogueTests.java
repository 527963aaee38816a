package org.yiwang.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.registry.EntityRole;
import org.yiwang.system.Refusal;

/**
 * The product catalogue and listing prices on PostgreSQL: registration and insurance numbers checked for shape per
 * category, declarations with evidence streamed to the blob store, the comparison with the lowest other-province
 * price imported from CSV (bad rows refused with their line, nothing imported), and city staff's approval (a reason
 * when flagged) or refusal (always a reason); an approved price is on the public catalogue page.
 */
@PlatformTest
class PurchasingCatalogueTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	PurchasingFixture f;

	@BeforeEach
	void a_manufacturer() {
		f = new PurchasingFixture(context);
		f.entity("maker", "医疗器械生产公司", TestActor.YUZHONG, EntityRole.BIDDER);
	}

	private Refusal refusal(Runnable action) {
		try {
			action.run();
		}
		catch (Refusal refusal) {
			return refusal;
		}
		throw new AssertionError("not refused");
	}

	@Test
	void refuses_registration_and_insurance_numbers_of_the_wrong_shape_naming_the_field() {
		Refusal device = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("MEDICAL_CONSUMABLES", "一次性使用输液器", "国械注准2019313012", "0.7mm", null))));
		assertThat(device.field()).isEqualTo("registrationNumber");
		assertThat(device.messageKey()).isEqualTo("purchasing.registration.device");
		Refusal classOne = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("MEDICAL_CONSUMABLES", "医用棉签", "国械注准20191130123", "10cm", null))));
		assertThat(classOne.messageKey()).as("class I devices are filed, not registered").isEqualTo("purchasing.registration.device");
		Refusal drug = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("DRUGS", "阿莫西林胶囊", "国药准字Q20203012", "0.25g×24粒", null))));
		assertThat(drug.messageKey()).isEqualTo("purchasing.registration.drug");
		Refusal missing = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("MEDICAL_CONSUMABLES", "输液器", " ", "0.7mm", null))));
		assertThat(missing.messageKey()).isEqualTo("purchasing.registration.required");
		Refusal insurance = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(new NewProduct("MEDICAL_CONSUMABLES",
				"输液器", PurchasingFixture.deviceNumber(), "0.7mm", "C1407070390100101352000000"))));
		assertThat(insurance.field()).isEqualTo("insuranceCode");
		Refusal buildingInsurance = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("BUILDING_MATERIALS", "螺纹钢", null, "HRB400 Φ16", "C14070703901001013520000001"))));
		assertThat(buildingInsurance.messageKey()).isEqualTo("purchasing.insurance.none");
		Refusal category = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("ENG_BUILDING", "螺纹钢", null, "HRB400", null))));
		assertThat(category.field()).isEqualTo("category");
		Refusal name = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("BUILDING_MATERIALS", " ", null, "HRB400", null))));
		assertThat(name.field()).isEqualTo("name");

		ProductView ok = f.as("maker", () -> f.catalogue.addProduct(new NewProduct("MEDICAL_CONSUMABLES", "一次性使用输液器",
				"国械注准２０１９３１３０１２３", "0.7mm", "c14070703901001013520000001")));
		assertThat(ok.registrationNumber()).as("full-width digits read as ASCII").isEqualTo("国械注准20193130123");
		assertThat(ok.insuranceCode()).isEqualTo("C14070703901001013520000001");
		assertThat(ok.listed()).isFalse();
		Refusal twice = refusal(() -> f.as("maker", () -> f.catalogue.addProduct(new NewProduct("MEDICAL_CONSUMABLES",
				"一次性使用输液器", "国械注准20193130123", "0.7mm", null))));
		assertThat(twice.status().value()).isEqualTo(409);
		ProductView steel = f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("BUILDING_MATERIALS", "螺纹钢", null, "HRB400 Φ16", null)));
		assertThat(steel.registrationNumber()).isNull();
	}

	@Test
	void flags_a_price_above_the_lowest_other_province_price_and_approves_it_only_with_a_reason() throws Exception {
		String number = PurchasingFixture.deviceNumber();
		String csv = ReferencePriceFile.HEADER + "\n" + number + ",0.7mm,四川,12.50,2026-10-01\n" + number
				+ ",0.7mm,广东省,11.80,2026-09-01\n" + number + ",0.7mm,50,9.00,2026-09-01\n";
		ImportReport imported = TestActor.cityStaff()
			.call(() -> f.catalogue.importReferencePrices(PurchasingFixture.evidence(csv)));
		assertThat(imported.accepted()).isTrue();
		assertThat(imported.imported()).isEqualTo(3);

		ProductView product = f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("MEDICAL_CONSUMABLES", "一次性使用输液器", number, "0.7mm", null)));
		ListingPriceView declared = f.as("maker", () -> f.catalogue.declarePrice(product.id(), new BigDecimal("13.00"),
				"四川中标通知.pdf", PurchasingFixture.evidence("四川省中标通知书")));
		assertThat(declared.flag()).isEqualTo(PriceFlag.ABOVE_LOWEST);
		assertThat(declared.referencePrice().toString()).as("Chongqing's own 9.00 is not another province's")
			.isEqualTo("11.80");
		assertThat(declared.referenceProvince()).isEqualTo("广东");
		assertThat(declared.percentAbove()).isEqualByComparingTo("10.2");
		assertThat(declared.evidenceSha256()).hasSize(64);

		Refusal pending = refusal(() -> f.as("maker", () -> f.catalogue.declarePrice(product.id(), BigDecimal.TEN, "b.pdf",
				PurchasingFixture.evidence("again"))));
		assertThat(pending.messageKey()).isEqualTo("purchasing.price.pending");
		Refusal district = refusal(() -> TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> f.catalogue.approve(declared.id(), declared.version(), "核对")));
		assertThat(district.messageKey()).isEqualTo("purchasing.cityStaffOnly");
		Refusal noReason = refusal(() -> TestActor.cityStaff().call(() -> f.catalogue.approve(declared.id(),
				declared.version(), " ")));
		assertThat(noReason.field()).isEqualTo("reason");
		assertThat(noReason.messageKey()).isEqualTo("purchasing.price.reasonFlagged");
		assertThat(f.catalogue.listedProducts(null)).noneMatch(p -> p.id().equals(product.id()));

		mvc.perform(get("/purchasing/prices/" + declared.id() + "/evidence")
				.with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isOk())
			.andExpect(content().bytes("四川省中标通知书".getBytes(StandardCharsets.UTF_8)));
		f.entity("other", "其他生产公司", TestActor.YUZHONG, EntityRole.BIDDER);
		Refusal otherEvidence = refusal(() -> f.as("other", () -> f.catalogue.evidence(declared.id())));
		assertThat(otherEvidence.status().value()).isEqualTo(404);
		Refusal otherDeclares = refusal(() -> f.as("other", () -> f.catalogue.declarePrice(product.id(), BigDecimal.ONE,
				"x.pdf", PurchasingFixture.evidence("x"))));
		assertThat(otherDeclares.status().value()).isEqualTo(404);

		ListingPriceView approved = TestActor.cityStaff()
			.call(() -> f.catalogue.approve(declared.id(), declared.version(), "该产品含配套附件，价格差异合理"));
		assertThat(approved.status()).isEqualTo(PriceStatus.APPROVED);
		assertThat(f.catalogue.product(product.id()).approvedPrice().toString()).isEqualTo("13.00");
		mvc.perform(get("/catalogue")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(number)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("13.00")));

		// a second, lower price replaces the first on the catalogue
		ListingPriceView lower = f.as("maker", () -> f.catalogue.declarePrice(product.id(), new BigDecimal("11.50"),
				"降价.pdf", PurchasingFixture.evidence("降价说明")));
		assertThat(lower.flag()).isEqualTo(PriceFlag.WITHIN);
		TestActor.cityStaff().run(() -> f.catalogue.approve(lower.id(), lower.version(), null));
		assertThat(f.catalogue.product(product.id()).approvedPrice().toString()).isEqualTo("11.50");
		assertThat(f.catalogue.priceHistory(product.id())).extracting(ListingPriceView::status)
			.containsExactly(PriceStatus.SUPERSEDED, PriceStatus.APPROVED);
	}

	@Test
	void a_refusal_needs_a_reason_and_a_price_without_reference_is_flagged() {
		ProductView steel = f.as("maker", () -> f.catalogue.addProduct(
				new NewProduct("BUILDING_MATERIALS", "螺纹钢", null, "HRB400 Φ" + f.run, null)));
		Refusal noEvidence = refusal(() -> f.as("maker", () -> f.catalogue.declarePrice(steel.id(), BigDecimal.TEN, null,
				null)));
		assertThat(noEvidence.field()).isEqualTo("evidence");
		Refusal empty = refusal(() -> f.as("maker", () -> f.catalogue.declarePrice(steel.id(), BigDecimal.TEN, "e.pdf",
				PurchasingFixture.evidence(""))));
		assertThat(empty.messageKey()).isEqualTo("purchasing.evidence.required");
		Refusal decimals = refusal(() -> f.as("maker", () -> f.catalogue.declarePrice(steel.id(),
				new BigDecimal("4.123"), "e.pdf", PurchasingFixture.evidence("x"))));
		assertThat(decimals.field()).isEqualTo("price");
		Refusal zero = refusal(() -> f.as("maker", () -> f.catalogue.declarePrice(steel.id(), BigDecimal.ZERO, "e.pdf",
				PurchasingFixture.evidence("x"))));
		assertThat(zero.messageKey()).isEqualTo("purchasing.amount.positive");
		ListingPriceView declared = f.as("maker", () -> f.catalogue.declarePrice(steel.id(), new BigDecimal("4200.00"),
				"报价.pdf", PurchasingFixture.evidence("报价单")));
		assertThat(declared.flag()).isEqualTo(PriceFlag.NO_REFERENCE);
		Refusal noReason = refusal(() -> TestActor.cityStaff().call(() -> f.catalogue.refuse(declared.id(),
				declared.version(), null)));
		assertThat(noReason.messageKey()).isEqualTo("purchasing.price.reasonRefusal");
		ListingPriceView refused = TestActor.cityStaff()
			.call(() -> f.catalogue.refuse(declared.id(), declared.version(), "证明材料不是近一年的中标价"));
		assertThat(refused.status()).isEqualTo(PriceStatus.REFUSED);
		assertThat(f.as("maker", () -> f.catalogue.myPrices())).anyMatch(p -> p.id().equals(declared.id())
				&& "证明材料不是近一年的中标价".equals(p.reason()));
		Refusal again = refusal(() -> TestActor.cityStaff().call(() -> f.catalogue.approve(declared.id(),
				declared.version(), "x")));
		assertThat(again.status().value()).isEqualTo(409);
	}

	@Test
	void a_reference_file_with_bad_rows_imports_nothing_and_names_each_bad_row() {
		long before = TestActor.cityStaff().call(() -> f.catalogue.referencePriceCount());
		String csv = ReferencePriceFile.HEADER + "\n" + "国械注准20193130123,0.7mm,四川,12.50,2026-10-01\n"
				+ "国械注准20193130123,0.7mm,火星,12.50,2026-10-01\n" + "国械注准20193130123,0.7mm,四川,-1,2026-10-01\n"
				+ "国械注准20193130123,0.7mm,四川,1.234,2026-10-01\n" + "国械注准20193130123,0.7mm,四川,12,2026-13-01\n"
				+ "\"国械注准20193130123\",\"0.7mm, 带针\",四川\n" + ",0.7mm,四川,1,2026-10-01\n";
		ImportReport report = TestActor.cityStaff().call(() -> f.catalogue.importReferencePrices(PurchasingFixture.evidence(csv)));
		assertThat(report.accepted()).isFalse();
		assertThat(report.imported()).isZero();
		assertThat(report.errors()).extracting(ImportReport.RowError::line, ImportReport.RowError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "province"), org.assertj.core.groups.Tuple.tuple(4, "price"),
					org.assertj.core.groups.Tuple.tuple(5, "price"), org.assertj.core.groups.Tuple.tuple(6, "effective_date"),
					org.assertj.core.groups.Tuple.tuple(7, "row"), org.assertj.core.groups.Tuple.tuple(8, "registration_number"));
		assertThat(TestActor.cityStaff().call(() -> f.catalogue.referencePriceCount())).isEqualTo(before);

		Refusal header = refusal(() -> TestActor.cityStaff().call(() -> f.catalogue.importReferencePrices(
				PurchasingFixture.evidence("注册证号,规格,省份,价格,日期\n"))));
		assertThat(header.field()).isEqualTo("file");
		assertThat(header.messageKey()).isEqualTo("purchasing.reference.header");
		Refusal notUtf8 = refusal(() -> TestActor.cityStaff().call(() -> f.catalogue.importReferencePrices(
				new java.io.ByteArrayInputStream((ReferencePriceFile.HEADER + "\nA,B,四川,1,2026-01-01\n")
					.getBytes(java.nio.charset.Charset.forName("GBK"))))));
		assertThat(notUtf8.messageKey()).isEqualTo("purchasing.reference.encoding");
		Refusal district = refusal(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> f.catalogue
			.importReferencePrices(PurchasingFixture.evidence(ReferencePriceFile.HEADER + "\n"))));
		assertThat(district.status().value()).isEqualTo(403);
	}

	@Test
	void the_pages_explain_bad_input_in_the_persons_language() throws Exception {
		var maker = authentication(f.as("maker", () -> org.springframework.security.core.context.SecurityContextHolder
			.getContext().getAuthentication()));
		mvc.perform(post("/purchasing/products").with(maker).with(csrf()).param("category", "MEDICAL_CONSUMABLES")
				.param("name", "输液器").param("registrationNumber", "沪械注准123").param("specification", "0.7mm"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "purchasing.registration.device"));
		mvc.perform(get("/purchasing/supplier").with(maker)).andExpect(status().isOk());
		mvc.perform(multipart("/purchasing/reference-prices")
				.file(new MockMultipartFile("file", "p.csv", "text/csv",
						(ReferencePriceFile.HEADER + "\nX,Y,火星,1,2026-01-01\n").getBytes(StandardCharsets.UTF_8)))
				.with(authentication(TestActor.cityStaff().authentication())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "purchasing.reference.rejected"));
		mvc.perform(get("/purchasing/prices").with(authentication(TestActor.cityStaff().authentication()))
				.flashAttr("importReport", new ImportReport(java.util.UUID.randomUUID(), 0,
						java.util.List.of(new ImportReport.RowError(2, "province", "purchasing.reference.province", "火星")))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("省份“火星”不认识")));
		mvc.perform(multipart("/purchasing/products/" + java.util.UUID.randomUUID() + "/prices").with(maker).with(csrf())
				.param("price", "abc"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "purchasing.evidence.required"));
	}
}
