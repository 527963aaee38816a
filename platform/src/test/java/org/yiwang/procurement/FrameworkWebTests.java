package org.yiwang.procurement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;

/**
 * The framework pages and the procurement and purchasing JSON reads: bad form input comes back with the reason naming
 * the field, another district's staff and outsiders find nothing, the JSON answers what the reader may see.
 */
@PlatformTest
class FrameworkWebTests {

	@Autowired
	FrameworkSealedOffers sealed;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	FrameworkAgreements agreements;

	@Test
	void bad_form_input_returns_to_the_form_with_the_reason_naming_the_field() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 1);
		var purchaser = authentication(f.purchaserActor().authentication());
		mvc.perform(post("/procurement/frameworks").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("title", "打印纸").param("requirements", "A4").param("unit", "箱")
			.param("maxUnitPrice", "一百").param("evaluation", "PRICE_FIRST").param("secondStage", "ROTATION")
			.param("termMonths", "12"))
			.andExpect(redirectedUrl("/procurement/frameworks/new")).andExpect(flash().attribute("refused", "input.number.format"));
		mvc.perform(post("/procurement/frameworks").with(purchaser).with(csrf()).param("evaluation", "CHEAPEST"))
			.andExpect(redirectedUrl("/procurement/frameworks/new"))
			.andExpect(flash().attribute("refused", "procurement.framework.evaluation.required"));
		mvc.perform(post("/procurement/frameworks").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("title", "打印纸").param("requirements", "A4").param("unit", "箱")
			.param("maxUnitPrice", "100").param("evaluation", "PRICE_FIRST").param("secondStage", "ROTATION")
			.param("termMonths", "三十"))
			.andExpect(redirectedUrl("/procurement/frameworks/new")).andExpect(flash().attribute("refused", "procurement.number.form"));
		mvc.perform(post("/procurement/frameworks").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("title", "打印纸").param("requirements", "A4").param("unit", "箱")
			.param("maxUnitPrice", "100").param("evaluation", "PRICE_FIRST").param("secondStage", "ROTATION")
			.param("termMonths", "36"))
			.andExpect(redirectedUrl("/procurement/frameworks/new")).andExpect(flash().attribute("refused", "procurement.framework.term"));
		mvc.perform(get("/procurement/frameworks/new").with(purchaser)).andExpect(status().isOk())
			.andExpect(content().string(containsString("质量优先法"))).andExpect(content().string(containsString("顺序轮候")));
	}

	@Test
	void another_districts_staff_find_nothing_and_the_public_reads_the_call_as_page_and_json() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 1);
		FrameworkView registered = f.purchaserActor().call(() -> agreements.register(new NewFramework(
				ProcurementFixture.REGION, "GOV_SERVICES", "物业服务框架协议 " + f.run, "办公楼物业服务", "月",
				new BigDecimal("30000"), FrameworkEvaluation.QUALITY_FIRST, SecondStage.DIRECT_SELECTION, 5, 12, 30)));
		String page = "/procurement/frameworks/" + registered.id();
		var wanzhou = authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication());
		mvc.perform(post(page + "/publish").with(wanzhou).with(csrf()).param("version", String.valueOf(registered.version())))
			.andExpect(status().isNotFound());
		mvc.perform(get(page)).andExpect(status().isNotFound());
		mvc.perform(get("/api/procurement/frameworks/" + registered.id())).andExpect(status().isNotFound());
		var yuzhong = authentication(ProcurementFixture.staff().authentication());
		mvc.perform(post(page + "/publish").with(yuzhong).with(csrf()).param("version", String.valueOf(registered.version())))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute("saved", "procurement.saved.published"));
		mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("框架协议采购征集公告")))
			.andExpect(content().string(containsString("质量优先法"))).andExpect(content().string(not(containsString("QUALITY_FIRST"))));
		mvc.perform(get("/procurement/frameworks")).andExpect(status().isOk())
			.andExpect(content().string(containsString(registered.tradeCode().value())));
		var supplier = authentication(f.supplier(1).authentication());
		// the unit price is sealed by the supplier: a typed one is refused, the response goes without it
		mvc.perform(post(page + "/responses").with(supplier).with(csrf()).param("response", "响应").param("unitPrice", "29000"))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute("refused", "procurement.framework.sealUnitPrice"))
			.andExpect(flash().attribute("refusedField", "unitPrice"));
		mvc.perform(post(page + "/responses").with(supplier).with(csrf()).param("response", "响应"))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute("saved", "procurement.saved.responded"));
		mvc.perform(get(page).with(supplier)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sealed-response-form\"")))
			.andExpect(content().string(containsString("id=\"response-opening-key\"")))
			.andExpect(content().string(not(containsString("id=\"unitPrice\""))));
		mvc.perform(multipart(page + "/sealed-responses").with(supplier).with(csrf()))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute("refused", "procurement.envelope.empty"));
		mvc.perform(multipart(page + "/sealed-responses")
			.file(new MockMultipartFile("envelope", "price.ywenv", "application/octet-stream", "not an envelope".getBytes()))
			.with(supplier).with(csrf())).andExpect(flash().attribute("refused", "pki.envelope.notAnEnvelope"));
		String key = f.supplier(1).call(() -> sealed.responses(registered.id())).orElseThrow().publicKeyPem();
		mvc.perform(multipart(page + "/sealed-responses")
			.file(new MockMultipartFile("envelope", "price.ywenv", "application/octet-stream", java.nio.file.Files
				.readAllBytes(f.seal(registered.tradeCode().value(), 1, "29000", f.suppliers.get(0).name(), key))))
			.with(supplier).with(csrf())).andExpect(flash().attribute("saved", "procurement.saved.sealedOffer"));
		var custodian = authentication(ProcurementFixture.custodian(ProcurementFixture.CUSTODIANS.get(0)).authentication());
		mvc.perform(post(page + "/shares").with(custodian).with(csrf()).param("share", "AQID"))
			.andExpect(flash().attribute("refused", "procurement.shares.beforeDeadline"));
		mvc.perform(post(page + "/shares").with(supplier).with(csrf()).param("share", "AQID"))
			.andExpect(status().isForbidden());
		mvc.perform(get(page).with(custodian)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"response-sealed-offers\"")));
		mvc.perform(get("/api/procurement/frameworks/" + registered.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.tradeCode").value(registered.tradeCode().value()))
			.andExpect(jsonPath("$.suppliers.length()").value(0));
		mvc.perform(get("/api/procurement/frameworks/" + registered.id()).with(supplier)).andExpect(status().isOk())
			.andExpect(jsonPath("$.suppliers.length()").value(1))
			.andExpect(jsonPath("$.suppliers[0].unitPrice").doesNotExist());
		mvc.perform(get("/api/procurement/frameworks/" + registered.id() + "/orders")).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/procurement/frameworks")).andExpect(status().isOk());
	}

	@Test
	void the_json_reads_refuse_bad_input_and_keep_unpublished_cases_to_their_team() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView registered = f.purchaserActor().call(() -> f.desk.register(
				f.request("GOV_GOODS", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "90000", 3)));
		mvc.perform(get("/api/procurement/cases/" + registered.id())).andExpect(status().isNotFound());
		mvc.perform(get("/api/procurement/cases/" + registered.id()).with(authentication(f.purchaserActor().authentication())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.suppliers.length()").value(3));
		mvc.perform(get("/api/procurement/cases/" + registered.id())
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/procurement/cases/not-a-uuid")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/procurement/mine").with(authentication(f.supplier(1).authentication()))).andExpect(status().isOk())
			.andExpect(content().string(containsString(registered.id().toString())));
		mvc.perform(get("/api/purchasing/catalogue").param("category", "GOV_GOODS")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("category")));
		mvc.perform(get("/api/purchasing/catalogue").param("category", "MEDICAL_CONSUMABLES")).andExpect(status().isOk());
		mvc.perform(get("/api/purchasing/rounds")).andExpect(status().isOk());
		mvc.perform(get("/api/purchasing/rounds/" + java.util.UUID.randomUUID())).andExpect(status().isNotFound());
	}
}
