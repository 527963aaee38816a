package org.yiwang.procurement;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;

/** The procurement pages: bad form input comes back with the reason, other districts find nothing, pages render. */
@PlatformTest
class ProcurementPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void bad_form_input_returns_to_the_form_with_the_reason_naming_the_field() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		var purchaser = authentication(f.purchaserActor().authentication());
		String codes = String.join("\n", f.codes(3));
		mvc.perform(post("/procurement").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("method", "COMPETITIVE_NEGOTIATION").param("title", "打印机")
			.param("requirements", "10 台").param("budget", "一万").param("suppliers", codes))
			.andExpect(redirectedUrl("/procurement/new")).andExpect(flash().attribute("refused", "input.number.format"));
		mvc.perform(post("/procurement").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("method", "COMPETITIVE_NEGOTIATION").param("title", "打印机")
			.param("requirements", "10 台").param("budget", "10000").param("suppliers", f.codes(2).get(0)))
			.andExpect(redirectedUrl("/procurement/new")).andExpect(flash().attribute("refused", "procurement.suppliers.tooFew"));
		mvc.perform(post("/procurement").with(purchaser).with(csrf()).param("method", "NO_SUCH"))
			.andExpect(redirectedUrl("/procurement/new")).andExpect(flash().attribute("refused", "procurement.method.required"));
		mvc.perform(post("/procurement").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("method", "COMPETITIVE_NEGOTIATION").param("title", "打印机")
			.param("requirements", "10 台").param("budget", "10000").param("suppliers", codes).param("responseDays", "三"))
			.andExpect(redirectedUrl("/procurement/new")).andExpect(flash().attribute("refused", "procurement.number.form"));
		mvc.perform(get("/procurement/new").with(purchaser)).andExpect(status().isOk())
			.andExpect(content().string(containsString("竞争性谈判"))).andExpect(content().string(containsString("单一来源")));
	}

	@Test
	void another_districts_staff_find_nothing_and_the_public_page_shows_the_notice() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView registered = f.purchaserActor().call(() -> f.desk.register(
				f.request("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "90000", 3)));
		var wanzhou = authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication());
		mvc.perform(post("/procurement/" + registered.id() + "/publish").with(wanzhou).with(csrf())
			.param("version", String.valueOf(registered.version()))).andExpect(status().isNotFound());
		mvc.perform(get("/procurement/" + registered.id())).andExpect(status().isNotFound());
		var yuzhong = authentication(ProcurementFixture.staff().authentication());
		mvc.perform(get("/procurement/" + registered.id()).with(yuzhong)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"publish\"")));
		mvc.perform(post("/procurement/" + registered.id() + "/publish").with(yuzhong).with(csrf())
			.param("version", String.valueOf(registered.version()))).andExpect(redirectedUrl("/procurement/" + registered.id()))
			.andExpect(flash().attribute("saved", "procurement.saved.published"));
		mvc.perform(get("/procurement/" + registered.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString("竞争性谈判采购公告")))
			.andExpect(content().string(containsString("北京时间")));
		mvc.perform(get("/procurement")).andExpect(status().isOk())
			.andExpect(content().string(containsString(registered.tradeCode().value())));
		var supplier = authentication(f.supplier(1).authentication());
		mvc.perform(post("/procurement/" + registered.id() + "/responses").with(supplier).with(csrf())
			.param("response", "响应").param("offer", "-3")).andExpect(redirectedUrl("/procurement/" + registered.id()))
			.andExpect(flash().attribute("refused", "procurement.amount.positive"));
		mvc.perform(post("/procurement/" + registered.id() + "/final-offers/call").with(authentication(f.purchaserActor()
			.authentication())).with(csrf()).param("deadline", "明天")).andExpect(flash().attribute("refused",
					"procurement.finalOffers.deadline"));
	}

	@Test
	void a_sealed_offer_is_uploaded_on_the_case_page_and_bad_files_and_shares_are_refused_with_the_reason()
			throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.published("GOV_GOODS", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "100000", 3);
		String page = "/procurement/" + c.id();
		mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"opening-key\"")))
			.andExpect(content().string(containsString("BEGIN PUBLIC KEY")));
		f.supplier(1).call(() -> f.room.respond(c.id(), "响应", null));
		var supplier = authentication(f.supplier(1).authentication());
		mvc.perform(get(page).with(supplier)).andExpect(content().string(containsString("id=\"sealed-offer-form\"")));
		mvc.perform(multipart(page + "/sealed-offers").with(supplier).with(csrf()))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute("refused", "procurement.envelope.empty"));
		mvc.perform(multipart(page + "/sealed-offers")
			.file(new MockMultipartFile("envelope", "quote.ywenv", "application/octet-stream", "not an envelope".getBytes()))
			.with(supplier).with(csrf())).andExpect(flash().attribute("refused", "pki.envelope.notAnEnvelope"));
		mvc.perform(multipart(page + "/sealed-offers")
			.file(new MockMultipartFile("envelope", "quote.ywenv", "application/octet-stream",
					Files.readAllBytes(f.seal(c, 1, "95000"))))
			.with(supplier).with(csrf())).andExpect(flash().attribute("saved", "procurement.saved.sealedOffer"));
		var custodian = authentication(ProcurementFixture.custodian(ProcurementFixture.CUSTODIANS.get(0)).authentication());
		mvc.perform(post(page + "/shares").with(custodian).with(csrf()).param("share", "AQID"))
			.andExpect(flash().attribute("refused", "procurement.shares.beforeDeadline"));
		mvc.perform(post(page + "/shares").with(authentication(TestActor.of("staff.x" + f.run, org.yiwang.kernel.Role.CENTER_STAFF,
				ProcurementFixture.REGION, false).authentication()))
			.with(csrf()).param("share", "AQID")).andExpect(status().isForbidden());
		mvc.perform(get(page).with(custodian)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sealed-offers\"")));
	}
}
