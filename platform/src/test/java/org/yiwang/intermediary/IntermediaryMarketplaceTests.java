package org.yiwang.intermediary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Sha256;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace on PostgreSQL with the platform's clock moved past deadlines: each selection method from
 * publication to result, the draw recomputed by the independent verifier (docs/expert-draw-verify.py), quotes
 * sealed until the deadline, the refusals (over the tender threshold, unqualified, barred, related parties, after the
 * deadline, direct selection without a reason or beyond the rotation), the service through rating into the public
 * score, and another district's staff finding nothing.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
@RecordApplicationEvents
class IntermediaryMarketplaceTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JsonMapper json;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.yiwang.portal.Portal portal;

	IntermediaryFixture f;

	@BeforeEach
	void fixture() {
		f = new IntermediaryFixture(context);
	}

	private void pastDeadline(RequestView r) {
		clock.advanceTo(r.deadline().plusSeconds(1));
	}

	private static String key(Throwable t) {
		return ((Refusal) t).messageKey();
	}

	@Test
	void draws_at_random_among_qualified_sign_ups_and_the_independent_verifier_recomputes_the_draw() throws Exception {
		String owner = f.owner();
		RequestView r = f.publish(owner, "COST_CONSULTING", "RANDOM_DRAW", IntermediaryFixture.inTwoHours(clock.instant()));
		assertThat(r.seedSha256()).matches("[0-9a-f]{64}");
		assertThat(r.tradeCode().value()).startsWith("CQ-ZJ-500103-");
		List<String> firms = List.of(f.intermediary("COST_CONSULTING"), f.intermediary("COST_CONSULTING"),
				f.intermediary("COST_CONSULTING"));
		for (String firm : firms) {
			f.as(firm, () -> f.desk.signUp(r.id(), null));
		}
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.select(r.id())))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.select.beforeDeadline"));
		mvc.perform(get("/intermediary/requests/" + r.id() + "/draw.json")).andExpect(status().isNotFound());

		pastDeadline(r);
		RequestView selected = f.as(owner, () -> f.desk.select(r.id()));
		assertThat(selected.status()).isEqualTo(RequestStatus.SELECTED);
		assertThat(firms.stream().map(u -> f.entityOf(u).id().value())).contains(selected.selected());

		mvc.perform(get("/intermediary/requests/" + r.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString("draw.json")));
		String json = mvc.perform(get("/intermediary/requests/" + r.id() + "/draw.json")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var record = this.json.readTree(json);
		byte[] seed = HexFormat.of().parseHex(record.get("seed").asString());
		assertThat(Sha256.hex(seed)).as("the revealed seed is the one committed at publication").isEqualTo(r.seedSha256());
		assertThat(record.get("pool").asString()).startsWith("yiwang-intermediary-draw-pool/1\nCOST_CONSULTING 1 3\n");

		// the request and its result are public records on the portal, signed by the platform
		assertThat(portalTypes(r.tradeCode().value(), 2)).contains(org.yiwang.portal.RecordType.INTERMEDIARY_REQUEST,
				org.yiwang.portal.RecordType.INTERMEDIARY_RESULT);
		assertThat(portal.verifySignature(r.id()).valid()).isTrue();

		Path file = Files.createTempFile("intermediary-draw", ".json");
		Files.writeString(file, json);
		Verified ok = verify(file);
		assertThat(ok.exit()).as(ok.output()).isZero();
		assertThat(ok.output()).contains("OK");
		// a record naming another intermediary than the seed picks is caught by the verifier
		String other = firms.stream().map(u -> f.entityOf(u).id().value().toString())
			.filter(id -> !id.equals(selected.selected().toString())).findFirst().orElseThrow();
		Files.writeString(file, json.replace(selected.selected().toString() + "\"}", other + "\"}"));
		Verified tampered = verify(file);
		assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
		assertThat(tampered.output()).contains("NOT OK");
	}

	/** The portal's record types of the trade code once it holds at least {@code count} (its listener is asynchronous). */
	private java.util.Set<org.yiwang.portal.RecordType> portalTypes(String tradeCode, int count) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			var history = portal.history(tradeCode);
			if (history.size() >= count) {
				return history.stream().map(org.yiwang.portal.PublicRecord::type).collect(java.util.stream.Collectors.toSet());
			}
			Thread.sleep(200);
		}
		return java.util.Set.copyOf(portal.history(tradeCode).stream().map(org.yiwang.portal.PublicRecord::type).toList());
	}

	record Verified(int exit, String output) {
	}

	private static Verified verify(Path record) throws Exception {
		Process python = new ProcessBuilder("python3", Path.of("..", "docs", "expert-draw-verify.py").toString(),
				record.toString()).redirectErrorStream(true).start();
		String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Verified(python.waitFor(), output);
	}

	@Test
	void lowest_price_keeps_quotes_sealed_until_the_deadline_and_refuses_a_quote_after_it() {
		String owner = f.owner();
		RequestView r = f.publish(owner, "AUDIT", "LOWEST_PRICE", IntermediaryFixture.inTwoHours(clock.instant()));
		String one = f.intermediary("AUDIT");
		String two = f.intermediary("AUDIT");
		String late = f.intermediary("AUDIT");
		f.as(one, () -> f.desk.signUp(r.id(), new BigDecimal("150000.00")));
		f.as(two, () -> f.desk.signUp(r.id(), new BigDecimal("123456.78")));
		assertThatThrownBy(() -> f.as(late, () -> f.desk.signUp(r.id(), new BigDecimal("250000.00"))))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.quote.aboveCeiling"));
		assertThatThrownBy(() -> f.as(late, () -> f.desk.signUp(r.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.quote.form"));

		// before the deadline nobody reads a quote: not the page, not the database
		assertThat(f.desk.signups(r.id())).allSatisfy(s -> {
			assertThat(s.quote()).isNull();
			assertThat(s.quoteSha256()).matches("[0-9a-f]{64}");
		});
		List<byte[]> stored = RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc
			.sql("select quote_sealed from intermediary.signups where request_id = ?").param(r.id()).query(byte[].class)
			.list()));
		assertThat(stored).hasSize(2).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
			.doesNotContain("123456.78").doesNotContain("150000.00"));

		pastDeadline(r);
		assertThatThrownBy(() -> f.as(late, () -> f.desk.signUp(r.id(), new BigDecimal("1000.00"))))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.closed"));
		RequestView selected = f.as(owner, () -> f.desk.select(r.id()));
		assertThat(selected.selected()).isEqualTo(f.entityOf(two).id().value());
		assertThat(selected.selectedPrice()).isEqualByComparingTo("123456.78");
		assertThat(f.desk.signups(r.id())).extracting(SignupView::quote).containsExactlyInAnyOrder(
				new BigDecimal("150000.00"), new BigDecimal("123456.78"));
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.select(r.id())))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.select.done"));
	}

	@Test
	void price_and_quality_weighs_the_price_score_against_the_public_rating_score() {
		assertThat(SelectionDesk.priceQualityScore(new BigDecimal("80000"), new BigDecimal("100000"),
				new BigDecimal("4.50"), 60)).isEqualByComparingTo("84.00"); // 80 × 0.6 + 90 × 0.4
		String owner = f.owner();
		// a firm with a rating of 5/5/5 from an earlier engagement, and an unrated one (counted as 3)
		String rated = f.intermediary("DESIGN");
		String unrated = f.intermediary("DESIGN");
		RequestView earlier = f.publish(owner, "DESIGN", "LOWEST_PRICE", IntermediaryFixture.inTwoHours(clock.instant()));
		f.as(rated, () -> f.desk.signUp(earlier.id(), new BigDecimal("90000.00")));
		pastDeadline(earlier);
		f.as(owner, () -> f.desk.select(earlier.id()));
		f.as(rated, () -> f.delivery.confirmContract(earlier.id()));
		f.as(rated, () -> f.delivery.deliver(earlier.id(), "设计文件已交付。"));
		f.as(owner, () -> f.delivery.accept(earlier.id()));
		f.as(owner, () -> f.delivery.rate(earlier.id(), new NewRating(5, 5, 5, "按期高质量交付。")));

		RequestView r = f.publish(owner, "DESIGN", "PRICE_QUALITY", IntermediaryFixture.inTwoHours(clock.instant()));
		f.as(rated, () -> f.desk.signUp(r.id(), new BigDecimal("100000.00")));
		f.as(unrated, () -> f.desk.signUp(r.id(), new BigDecimal("90000.00")));
		pastDeadline(r);
		RequestView selected = f.as(owner, () -> f.desk.select(r.id()));
		// rated: 90 × 0.6 + 100 × 0.4 = 94; unrated: 100 × 0.6 + 60 × 0.4 = 84
		assertThat(selected.selected()).isEqualTo(f.entityOf(rated).id().value());
		assertThat(f.desk.signups(r.id())).extracting(SignupView::score)
			.containsExactlyInAnyOrder(new BigDecimal("94.00"), new BigDecimal("84.00"));
		assertThat(selected.selectionNote()).contains("价格分 × 60%");
	}

	@Test
	void direct_selection_needs_a_basis_and_a_reason_is_flagged_to_the_regulator_and_rotates() {
		String owner = f.owner();
		String firm = f.intermediary("LEGAL");
		String code = f.entityOf(firm).creditCode();
		NewServiceRequest base = f.request("LEGAL", "DIRECT", "50000.00", null, null);
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(direct(base, "SINGLE_SOURCE", " ", code))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("directReason"));
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(direct(base, null, "原法律顾问熟悉全部诉讼材料。", code))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("directBasis"));
		String reason = "原法律顾问代理本案一审，二审须由同一律师事务所继续代理以保证连续性。";
		RequestView first = f.as(owner, () -> f.desk.publish(direct(base, "ORIGINAL_PROVIDER", reason, code)));
		assertThat(first.status()).isEqualTo(RequestStatus.SELECTED);
		assertThat(first.selected()).isEqualTo(f.entityOf(firm).id().value());
		assertThat(events.stream(DirectSelectionMade.class).filter(e -> e.request().equals(first.id())))
			.singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
		assertThat(TestActor.regulator().call(() -> f.desk.directSelections())).extracting(RequestView::id)
			.contains(first.id());
		f.as(owner, () -> f.desk.publish(direct(base, "ORIGINAL_PROVIDER", reason, code)));
		// the rotation: at most twice a year for the same owner and intermediary
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(direct(base, "ORIGINAL_PROVIDER", reason, code))))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.direct.rotation"));
	}

	private static NewServiceRequest direct(NewServiceRequest r, String basis, String reason, String creditCode) {
		return new NewServiceRequest(r.region(), r.serviceType(), r.title(), r.scope(), r.feeCeiling(), r.requiredGrade(),
				null, "DIRECT", null, basis, reason, creditCode);
	}

	@Test
	void refuses_requests_above_the_tender_threshold_and_bad_input_naming_the_field() {
		String owner = f.owner();
		var deadline = IntermediaryFixture.inTwoHours(clock.instant());
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(f.request("SUPERVISION", "RANDOM_DRAW", "1000000.01",
				deadline, null))))
			.satisfies(t -> {
				assertThat(key(t)).isEqualTo("intermediary.fee.mustTender");
				assertThat(((Refusal) t).field()).isEqualTo("feeCeiling");
			});
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(f.request("SUPERVISION", "RANDOM_DRAW", "1000.00",
				clock.instant().plus(Duration.ofMinutes(10)), null))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("deadline"));
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(f.request("SUPERVISION", "CHEAPEST", "1000.00",
				deadline, null))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("method"));
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(f.request("PLUMBING", "RANDOM_DRAW", "1000.00",
				deadline, null))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("serviceType"));
		assertThatThrownBy(() -> f.as(owner, () -> f.desk.publish(f.request("SUPERVISION", "PRICE_QUALITY", "1000.00",
				deadline, 95))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("priceWeight"));
	}

	@Test
	void refuses_unqualified_related_and_barred_sign_ups_and_drops_expired_qualifications_at_selection() {
		String owner = f.owner();
		RequestView r = f.publish(owner, "SURVEYING", "RANDOM_DRAW", IntermediaryFixture.inTwoHours(clock.instant()));
		// unqualified: offers the type but holds the qualification of another kind
		String unqualified = f.intermediary("APPRAISAL");
		f.as(unqualified, () -> f.market.offer(Set.of("APPRAISAL", "SURVEYING")));
		assertThatThrownBy(() -> f.as(unqualified, () -> f.desk.signUp(r.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.unqualified"));
		// grade: 丙级 does not meet 乙级
		RequestView graded = f.as(owner, () -> f.desk.publish(new NewServiceRequest(IntermediaryFixture.REGION,
				"SURVEYING", "分级项目 " + f.run, "测绘。", new BigDecimal("1000.00"), "乙级",
				IntermediaryFixture.inTwoHours(clock.instant()), "RANDOM_DRAW", null, null, null, null)));
		String low = f.intermediary("SURVEYING", "丙级", LocalDate.of(2030, 1, 1));
		assertThatThrownBy(() -> f.as(low, () -> f.desk.signUp(graded.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.unqualified"));
		// related to the owner: the same legal representative
		EntityView ownerEntity = f.entityOf(owner);
		String sibling = f.entity("im", org.yiwang.registry.EntityRole.INTERMEDIARY, ownerEntity.legalRepresentative());
		f.as(sibling, () -> f.registry.addQualification(new org.yiwang.registry.NewQualification("工程勘察", "甲级",
				"Q-" + sibling, "发证机关", LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1))));
		f.as(sibling, () -> f.market.offer(Set.of("SURVEYING")));
		assertThatThrownBy(() -> f.as(sibling, () -> f.desk.signUp(r.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.relatedToOwner"));
		// related to a firm already signed up: a person on both staff lists
		String first = f.intermediary("SURVEYING", "甲级", LocalDate.now(clock.withZone(IntermediaryMarket.CHINA)).plusDays(1));
		String second = f.intermediary("SURVEYING");
		String person = idNumber();
		f.as(first, () -> f.market.addStaff("王工", person, "注册测绘师"));
		f.as(second, () -> f.market.addStaff("王工", person, "注册测绘师"));
		assertThatThrownBy(() -> f.as(first, () -> f.market.addStaff("王工", person, "注册测绘师")))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.staff.duplicate"));
		assertThatThrownBy(() -> f.as(first, () -> f.market.addStaff("李工", "12345", "测绘员")))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("idNumber"));
		f.as(first, () -> f.desk.signUp(r.id(), null));
		assertThatThrownBy(() -> f.as(second, () -> f.desk.signUp(r.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.relatedToSignup"));
		assertThatThrownBy(() -> f.as(first, () -> f.desk.signUp(r.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.twice"));

		// the only sign-up's qualification expires before the selection: it drops out and the request fails
		clock.advanceTo(r.deadline().plus(Duration.ofDays(2)));
		RequestView failed = f.as(owner, () -> f.desk.select(r.id()));
		assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
		assertThat(f.desk.signups(r.id())).singleElement()
			.satisfies(s -> assertThat(s.excludedReason()).isEqualTo("qualification"));
	}

	/** A valid resident ID number, different at every call. */
	private static String idNumber() {
		String first17 = "11010119900307" + String.format("%03d", (int) (Math.random() * 1000));
		return first17 + org.yiwang.registry.ResidentIdNumber.checkCharacter(first17);
	}

	@Test
	void takes_a_direct_selection_through_contract_delivery_acceptance_rating_and_a_breach_that_bars() throws Exception {
		String owner = f.owner();
		String firm = f.intermediary("APPRAISAL");
		String stranger = f.intermediary("APPRAISAL");
		RequestView r = f.as(owner, () -> f.desk.publish(direct(f.request("APPRAISAL", "DIRECT", "80000.00", null, null),
				"EMERGENCY", "防汛抢险需立即评估受损资产价值，不能等待公开选取。", f.entityOf(firm).creditCode())));
		assertThatThrownBy(() -> f.as(stranger, () -> f.delivery.confirmContract(r.id())))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.selectedOnly"));
		assertThatThrownBy(() -> f.as(owner, () -> f.delivery.accept(r.id())))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.accept.notDelivered"));
		f.as(firm, () -> f.delivery.confirmContract(r.id()));
		assertThat(portalTypes(r.tradeCode().value(), 3)).contains(org.yiwang.portal.RecordType.INTERMEDIARY_CONTRACT);
		assertThatThrownBy(() -> f.as(firm, () -> f.delivery.deliver(r.id(), " ")))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("deliveryNote"));
		f.as(firm, () -> f.delivery.deliver(r.id(), "评估报告已交付。"));
		f.as(owner, () -> f.delivery.accept(r.id()));
		assertThatThrownBy(() -> f.as(owner, () -> f.delivery.rate(r.id(), new NewRating(6, 4, 4, "好"))))
			.satisfies(t -> assertThat(((Refusal) t).field()).isEqualTo("quality"));
		f.as(owner, () -> f.delivery.rate(r.id(), new NewRating(4, 5, 3, "报告扎实，沟通一般。")));
		assertThat(f.desk.request(r.id()).status()).isEqualTo(RequestStatus.RATED);
		ProviderView profile = f.market.profile(f.entityOf(firm).id());
		assertThat(profile.score().ratings()).isEqualTo(1);
		assertThat(profile.score().overall()).isEqualByComparingTo("4.00");
		assertThat(profile.score().outOfHundred()).isEqualByComparingTo("80.0");
		assertThat(profile.record()).extracting(RequestView::id).contains(r.id());
		mvc.perform(get("/intermediary/providers/" + f.entityOf(firm).id().value())).andExpect(status().isOk());

		// another district's staff find nothing; the district's staff record a blacklisting that bars new sign-ups
		mvc.perform(post("/intermediary/requests/" + r.id() + "/breach").with(csrf())
				.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication()))
				.param("kind", "BLACKLIST").param("description", "x").param("endsOn", "2099-01-01"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/intermediary/requests/" + r.id() + "/selection").with(csrf())
				.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isNotFound());
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(() -> f.desk.directSelections()))
			.extracting(RequestView::id).doesNotContain(r.id());
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> f.delivery.recordBreach(r.id(), "BLACKLIST",
				"出具虚假评估报告。", LocalDate.now(clock.withZone(IntermediaryMarket.CHINA)).plusYears(1)));
		String other = f.owner();
		RequestView next = f.publish(other, "APPRAISAL", "RANDOM_DRAW", IntermediaryFixture.inTwoHours(clock.instant()));
		assertThatThrownBy(() -> f.as(firm, () -> f.desk.signUp(next.id(), null)))
			.satisfies(t -> assertThat(key(t)).isEqualTo("intermediary.signup.barred"));
	}

	@Test
	void pages_show_bad_input_next_to_the_form_and_never_fail() throws Exception {
		String owner = f.owner();
		var asOwner = authentication(TestActor.of(owner, org.yiwang.kernel.Role.TENDERER, IntermediaryFixture.REGION,
				false).authentication());
		mvc.perform(post("/intermediary/requests").with(csrf()).with(asOwner).param("region", IntermediaryFixture.REGION)
				.param("serviceType", "COST_CONSULTING").param("title", "页面测试").param("scope", "范围")
				.param("feeCeiling", "很多").param("method", "RANDOM_DRAW").param("deadline", "2099-01-01T10:00"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "input.number.format"));
		mvc.perform(post("/intermediary/requests").with(csrf()).with(asOwner).param("region", IntermediaryFixture.REGION)
				.param("serviceType", "COST_CONSULTING").param("title", "页面测试").param("scope", "范围")
				.param("feeCeiling", "5000000").param("method", "RANDOM_DRAW").param("deadline", "tomorrow"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "intermediary.deadline.form"));
		mvc.perform(post("/intermediary/requests/" + UUID.randomUUID() + "/rating").with(csrf()).with(asOwner)
				.param("quality", "five")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "input.number.format"));
		// the catalogue's thresholds: a number, above 0, set by city-wide staff only
		var cityStaff = authentication(TestActor.cityStaff().authentication());
		mvc.perform(post("/intermediary/service-types/COST_CONSULTING").with(csrf()).with(cityStaff)
				.param("tenderThreshold", "abc")).andExpect(flash().attribute("refused", "input.number.format"));
		mvc.perform(post("/intermediary/service-types/COST_CONSULTING").with(csrf()).with(cityStaff)
				.param("tenderThreshold", "-5")).andExpect(flash().attribute("refused", "intermediary.threshold.form"));
		mvc.perform(post("/intermediary/service-types/COST_CONSULTING").with(csrf())
				.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication()))
				.param("tenderThreshold", "5")).andExpect(status().isForbidden());
		mvc.perform(post("/intermediary/service-types/COST_CONSULTING").with(csrf()).with(cityStaff)
				.param("tenderThreshold", "1000000.00")).andExpect(flash().attribute("saved", "intermediary.saved.threshold"));
		// an intermediary must offer at least one known service type
		String firm = f.intermediary("AUDIT");
		var asFirm = authentication(TestActor.of(firm, org.yiwang.kernel.Role.INTERMEDIARY, IntermediaryFixture.REGION,
				false).authentication());
		mvc.perform(post("/intermediary/mine/services").with(csrf()).with(asFirm))
			.andExpect(flash().attribute("refused", "intermediary.serviceTypes.required"));
		mvc.perform(post("/intermediary/mine/services").with(csrf()).with(asFirm).param("serviceTypes", "PLUMBING"))
			.andExpect(flash().attribute("refused", "intermediary.serviceType.unknown"));
		mvc.perform(get("/intermediary/mine").with(asFirm)).andExpect(status().isOk());
		for (String page : List.of("/intermediary", "/intermediary/providers", "/intermediary/service-types")) {
			mvc.perform(get(page)).andExpect(status().isOk());
		}
		mvc.perform(get("/intermediary/requests/new").with(asOwner)).andExpect(status().isOk());
		mvc.perform(get("/intermediary/mine").with(asOwner)).andExpect(status().isOk());
		mvc.perform(get("/intermediary/requests/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}
}
