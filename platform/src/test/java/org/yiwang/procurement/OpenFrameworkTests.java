package org.yiwang.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.portal.Portal;
import org.yiwang.portal.RecordType;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.SearchRequest;
import org.yiwang.system.Refusal;

/**
 * Open framework agreements (开放式): in force from the call, suppliers join at the fixed price and leave during the
 * term, the member list re-signed each time, the call republished, orders only to members; the rules refused with the
 * field to fix; another district's staff find nothing.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class OpenFrameworkTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	OpenFrameworks open;

	@Autowired
	FrameworkAgreements agreements;

	@Autowired
	FrameworkOrders orders;

	@Autowired
	MockMvc mvc;

	@Autowired
	Portal portal;

	// a one-month term: the test moves the shared clock past it, and other tests share that clock
	private static NewFramework request(ProcurementFixture f, SecondStage stage, Integer cap) {
		return new NewFramework(ProcurementFixture.REGION, "GOV_GOODS", "车辆维修开放式框架协议 " + f.run,
				"一类维修资质，市内 2 小时到场。", "工时", new BigDecimal("180"), FrameworkEvaluation.PRICE_FIRST, stage, cap, 1,
				null);
	}

	@Test
	void suppliers_join_and_leave_during_the_term_at_the_fixed_price_and_orders_go_to_members_only() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		FrameworkView registered = f.purchaserActor().call(() -> open.register(request(f, SecondStage.ROTATION, null)));
		assertThat(open.isOpen(registered.id())).isTrue();
		refused(() -> ProcurementFixture.staff().call(() -> agreements.publish(registered.id(), registered.version())),
				"procurement.framework.open.publishOpen");
		FrameworkView fw = ProcurementFixture.staff().call(() -> open.publish(registered.id(), registered.version()));
		assertThat(fw.status()).isEqualTo(FrameworkStatus.IN_FORCE);
		assertThat(fw.noticeText()).contains("开放式").contains("确定价格：180.00 元/工时").contains(fw.tradeCode().value());
		assertThat(fw.validUntil()).isAfter(clock.instant().plus(Duration.ofDays(27)));
		// nobody yet: a rotation order has nobody to go to
		refused(() -> f.purchaserActor().call(() -> orders.order(fw.id(), new NewFrameworkOrder(5, null, null, null))),
				"procurement.framework.noMembers");

		FrameworkSupplierView one = f.supplier(1).call(() -> open.join(fw.id(), "具备一类维修资质"));
		assertThat(one.entered()).isTrue();
		assertThat(one.unitPrice().yuan()).isEqualByComparingTo("180");
		f.supplier(2).call(() -> open.join(fw.id(), "具备一类维修资质"));
		refused(() -> f.supplier(1).call(() -> open.join(fw.id(), "再次加入")), "procurement.framework.open.member");
		refused(() -> f.supplier(1).call(() -> agreements.respond(fw.id(), "封闭式响应", new BigDecimal("170"))),
				"procurement.respond.closed");
		FrameworkView listed = ProcurementFixture.staff().call(() -> agreements.get(fw.id()));
		assertThat(listed.entryText()).contains("当前入围供应商 2 家").contains(f.suppliers.get(0).name())
			.contains(f.suppliers.get(1).name());

		FrameworkOrderView first = f.purchaserActor().call(() -> orders.order(fw.id(), new NewFrameworkOrder(5, null,
				null, null)));
		assertThat(first.unitPrice().yuan()).as("the fixed price").isEqualByComparingTo("180");
		assertThat(first.supplierName()).isEqualTo(f.suppliers.get(0).name());

		FrameworkSupplierView left = f.supplier(2).call(() -> open.exit(fw.id(), "产能不足"));
		assertThat(left.entered()).isFalse();
		refused(() -> f.supplier(2).call(() -> open.exit(fw.id(), "再次退出")), "procurement.framework.open.notMember");
		refused(() -> f.supplier(3).call(() -> open.exit(fw.id(), "未加入")), "procurement.framework.open.notMember");
		assertThat(ProcurementFixture.staff().call(() -> agreements.get(fw.id())).entryText())
			.contains("当前入围供应商 1 家").doesNotContain(f.suppliers.get(1).name());
		// each change of the member list is a portal record of its own, naming the members then (the fixed price is no
		// secret: nothing was sealed for it)
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> portal.history(fw.tradeCode().value()).stream()
			.filter(r -> r.type() == RecordType.AWARD_RESULT).count() == 3);
		List<PublicRecord> lists = portal.history(fw.tradeCode().value()).stream()
			.filter(r -> r.type() == RecordType.AWARD_RESULT)
			.sorted(java.util.Comparator.comparing(PublicRecord::title)).toList();
		assertThat(lists).extracting(PublicRecord::title).containsExactly(
				"开放式框架协议入围供应商名单（第 1 次更新）：" + fw.title(), "开放式框架协议入围供应商名单（第 2 次更新）：" + fw.title(),
				"开放式框架协议入围供应商名单（第 3 次更新）：" + fw.title());
		assertThat(lists.get(1).parties()).filteredOn(p -> p.role().equals("winner")).extracting(p -> p.name())
			.containsExactlyInAnyOrder(f.suppliers.get(0).name(), f.suppliers.get(1).name());
		assertThat(lists.get(2).parties()).filteredOn(p -> p.role().equals("winner")).extracting(p -> p.name())
			.containsExactly(f.suppliers.get(0).name());
		assertThat(lists.get(2).body()).contains("第 3 次更新").contains("当前入围供应商 1 家");
		FrameworkOrderView second = f.purchaserActor().call(() -> orders.order(fw.id(), new NewFrameworkOrder(3, null,
				null, null)));
		assertThat(second.supplierName()).as("the supplier that left gets nothing").isEqualTo(f.suppliers.get(0).name());

		FrameworkView again = ProcurementFixture.staff().call(() -> open.republish(fw.id()));
		assertThat(again.noticeText()).contains("第 1 次重新发布");
		// the portal keeps the first call and adds the republication beside it
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> portal.search(SearchRequest.of(
				fw.tradeCode().value())).hits().stream().map(h -> h.record().title()).filter(t -> t.startsWith(
						"框架协议采购征集公告")).count() == 2);
		refused(() -> f.purchaserActor().call(() -> open.join(fw.id(), "征集人自己")), "procurement.supplierOnly");

		// after the term nobody joins and the call is not republished
		clock.advanceTo(fw.validUntil().plusSeconds(1));
		refused(() -> f.supplier(3).call(() -> open.join(fw.id(), "期满后加入")), "procurement.framework.open.closed");
		refused(() -> ProcurementFixture.staff().call(() -> open.republish(fw.id())), "procurement.framework.open.closed");
	}

	@Test
	void bad_open_frameworks_and_other_districts_are_refused_with_the_field_to_fix() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 2);
		refusedOn(() -> f.purchaserActor().call(() -> open.register(request(f, SecondStage.RE_COMPETITION, null))),
				"secondStage", "procurement.framework.open.noReCompetition");
		refusedOn(() -> f.purchaserActor().call(() -> open.register(request(f, SecondStage.DIRECT_SELECTION, 3))),
				"entryCap", "procurement.framework.open.noCap");
		FrameworkView closed = f.purchaserActor().call(() -> agreements.register(request(f, SecondStage.ROTATION, null)));
		refused(() -> ProcurementFixture.staff().call(() -> open.publish(closed.id(), closed.version())),
				"procurement.framework.open.notOpen");
		FrameworkView registered = f.purchaserActor()
			.call(() -> open.register(request(f, SecondStage.DIRECT_SELECTION, null)));
		refused(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> open.publish(registered.id(),
				registered.version())), "procurement.framework.notFound");
		FrameworkView fw = ProcurementFixture.staff().call(() -> open.publish(registered.id(), registered.version()));
		refusedOn(() -> f.supplier(1).call(() -> open.join(fw.id(), " ")), "response", "procurement.text.required");
		refusedOn(() -> f.supplier(1).call(() -> open.exit(fw.id(), null)), "reason", "procurement.text.required");
		refused(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> open.republish(fw.id())),
				"procurement.framework.notFound");

		// the pages: registering an open framework from the form, joining, the republish button for staff only
		var purchaser = authentication(f.purchaserActor().authentication());
		mvc.perform(post("/procurement/frameworks").with(purchaser).with(csrf()).param("region", ProcurementFixture.REGION)
			.param("category", "GOV_GOODS").param("title", "开放式 " + f.run).param("requirements", "要求")
			.param("unit", "次").param("maxUnitPrice", "100").param("evaluation", "PRICE_FIRST")
			.param("secondStage", "RE_COMPETITION").param("termMonths", "6").param("form", "OPEN"))
			.andExpect(flash().attribute("refused", "procurement.framework.open.noReCompetition"))
			.andExpect(flash().attribute("refusedField", "secondStage"));
		var supplier = authentication(f.supplier(1).authentication());
		mvc.perform(post("/procurement/frameworks/" + fw.id() + "/join").with(supplier).with(csrf()).param("response", ""))
			.andExpect(flash().attribute("refused", "procurement.text.required"))
			.andExpect(flash().attribute("refusedField", "response"));
		mvc.perform(post("/procurement/frameworks/" + fw.id() + "/join").with(supplier).with(csrf())
			.param("response", "具备资质")).andExpect(flash().attribute("saved", "procurement.framework.open.saved.joined"));
		mvc.perform(get("/procurement/frameworks/" + fw.id()).with(supplier))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("open-exit-form")));
		mvc.perform(get("/procurement/frameworks/" + fw.id()).with(authentication(ProcurementFixture.staff().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("open-republish")));
		mvc.perform(post("/procurement/frameworks/" + fw.id() + "/republish")
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())).with(csrf()))
			.andExpect(status().isNotFound());
	}

	private static void refused(Supplier<?> work, String key) {
		assertThatThrownBy(work::get).isInstanceOf(Refusal.class).hasMessage(key);
	}

	private static void refusedOn(Supplier<?> work, String field, String key) {
		assertThatThrownBy(work::get).isInstanceOf(Refusal.class).hasMessage(key)
			.satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo(field));
	}
}
