package org.yiwang.supervision.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.supervision.alert.AlertView;
import org.yiwang.supervision.alert.Alerts;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * The read-only JSON for regulators: workspace, complaints, alerts. Regulators only (every other role forbidden,
 * anonymous unauthorised); a regulator of another district or industry does not find an alert; bad ids are 400 with
 * the field named, unknown ones 404 — never a 500.
 */
@PlatformTest
class SupervisionApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Alerts alerts;

	@Autowired
	Clock clock;

	final RequestPostProcessor regulator = authentication(TestActor.regulator().authentication());

	static final TestActor WANZHOU_REGULATOR = new TestActor(new Actor("reg.wanzhou.api", "REGULATOR", TestActor.WANZHOU),
			"万州监管", Set.of(Role.REGULATOR), RegionScope.of(RegionCode.of(TestActor.WANZHOU)),
			Set.of(CategoryCode.of("ENG_BUILDING")));

	static final List<String> READS = List.of("/api/supervision/workspace", "/api/supervision/complaints",
			"/api/supervision/alerts", "/api/supervision/complaints/" + UUID.randomUUID(),
			"/api/supervision/alerts/" + UUID.randomUUID());

	/** An alert in Yuzhong (identical prices at an opening). */
	AlertView alert() {
		String trade = "CQ-500103-2026-API" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		List<OpenedBid> bids = List.of("700000.00", "700000.00", "750000.00").stream()
			.map(p -> new OpenedBid(UUID.randomUUID(), EntityId.random(), "接口" + p + trade, null, Money.of(p), 300, "合格",
					List.of(), OpenedBid.Decryption.BY_BIDDER))
			.toList();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(new BidsOpened(
				Actor.SYSTEM, new SectionId(UUID.randomUUID()), TradeCode.of(trade), 1, RegionCode.of(TestActor.YUZHONG),
				CategoryCode.of("ENG_BUILDING"), EntityId.random(), Money.of("1000000.00"), bids, UUID.randomUUID(),
				clock.instant()))));
		return Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> TestActor.regulator().call(() -> alerts.visible()).stream()
				.filter(a -> a.tradeCode().equals(trade) && a.rule().equals("IDENTICAL_PRICES")).findFirst(),
					java.util.Optional::isPresent)
			.get();
	}

	@Test
	void aRegulatorReadsItsAlertsWithNamesAndAnotherDistrictFindsNothing() throws Exception {
		AlertView a = alert();
		mvc.perform(get("/api/supervision/alerts").with(regulator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].alert.id", hasItem(a.id().toString())));
		mvc.perform(get("/api/supervision/alerts/" + a.id()).with(regulator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alert.rule").value("IDENTICAL_PRICES"))
			.andExpect(jsonPath("$.rule.nameZh").value("不同投标人报价相同"))
			.andExpect(jsonPath("$.rule.nameEn").value("Identical prices from different bidders"))
			.andExpect(jsonPath("$.alert.evidence", containsString("700000")))
			.andExpect(jsonPath("$.followUps").isArray());
		RequestPostProcessor wanzhou = authentication(WANZHOU_REGULATOR.authentication());
		mvc.perform(get("/api/supervision/alerts/" + a.id()).with(wanzhou)).andExpect(status().isNotFound());
		mvc.perform(get("/api/supervision/alerts").with(wanzhou))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].alert.id", not(hasItem(a.id().toString()))));
	}

	@Test
	void theWorkspaceAndComplaintsAnswerInScope() throws Exception {
		mvc.perform(get("/api/supervision/workspace").with(regulator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.departments[*].code", hasItem("HOUSING_CONSTRUCTION")))
			.andExpect(jsonPath("$.industries[*].code", hasItem("ENG_BUILDING")))
			.andExpect(jsonPath("$.sections").isArray());
		mvc.perform(get("/api/supervision/complaints").with(regulator)).andExpect(status().isOk())
			.andExpect(jsonPath("$").isArray());
		mvc.perform(get("/api/supervision/complaints/" + UUID.randomUUID()).with(regulator))
			.andExpect(status().isNotFound());
	}

	@Test
	void badIdsAreRefusedNamingTheFieldNotAnswered500() throws Exception {
		for (String path : List.of("/api/supervision/alerts/not-an-id", "/api/supervision/complaints/12")) {
			mvc.perform(get(path).with(regulator).header("Accept-Language", "zh-CN"))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void onlyRegulatorsRead() throws Exception {
		for (Role role : Role.values()) {
			if (role == Role.REGULATOR) {
				continue;
			}
			RequestPostProcessor other = authentication(TestActor.of("x", role, TestActor.CITY, true).authentication());
			for (String path : READS) {
				mvc.perform(get(path).with(other)).andExpect(status().isForbidden());
			}
		}
		for (String path : READS) {
			mvc.perform(get(path)).andExpect(status().isUnauthorized());
		}
	}
}
