package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

/**
 * The draw against the real database: commitment before the draw, automatic avoidance, declines redrawn from the
 * same sequence, CommitteeDrawn when every seat accepted, the seal until evaluation begins, and a verification
 * record that recomputes; bad requests refused and audited; another region sees nothing.
 */
@PlatformTest
class ExpertDrawTests {

	@Autowired
	ExpertPool pool;

	@Autowired
	ExpertDraws draws;

	@Autowired
	DrawAvoidances avoidances;

	@Autowired
	TrustStore trustStore;

	@Autowired
	TenderDesk desk;

	@Autowired
	TenderDocuments documents;

	@Autowired
	EntityRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.yiwang.registry.EntityCertificates certificates;

	@TempDir
	Path dir;

	ExpertFixture fixture;

	EntityView tenderer;

	String tendererUser;

	SectionView section;

	static final TestActor YUZHONG = TestActor.districtStaff(TestActor.YUZHONG);

	static final TestActor WANZHOU = TestActor.districtStaff(TestActor.WANZHOU);

	@BeforeEach
	void a_closed_section_and_a_pool() {
		fixture = new ExpertFixture(dir, trustStore, pool);
		tendererUser = "tdr." + fixture.run;
		tenderer = ExpertFixture.approvedTenderer(registry, tendererUser);
		section = ExpertFixture.closedSection(desk, documents, certificates, registry, jdbc, transactions, clock, fixture.run,
				tendererUser, tenderer);
	}

	@Test
	void a_draw_is_committed_then_drawn_declines_are_redrawn_and_once_revealed_anyone_can_recompute_it() {
		String r = fixture.run;
		// B0101 (IT equipment) and B0102 (medical equipment) are this test's own specialties
		List<ExpertView> it = List.of(fixture.expert("it1." + r, "甲" + r, "500103", Set.of("B0101"), null),
				fixture.expert("it2." + r, "乙" + r, "500101", Set.of("B0101"), null),
				fixture.expert("it3." + r, "丙" + r, "500105", Set.of("B0101"), null),
				fixture.expert("it4." + r, "丁" + r, "500103", Set.of("B0101"), null));
		ExpertView employee = fixture.expert("it5." + r, "戊" + r, "500103", Set.of("B0101"), tenderer.creditCode());
		ExpertView unavailable = fixture.expert("it6." + r, "己" + r, "500103", Set.of("B0101"), null);
		ExpertView blacklisted = fixture.expert("it7." + r, "庚" + r, "500103", Set.of("B0101"), null);
		ExpertView elsewhere = fixture.expert("it8." + r, "辛" + r, "500107", Set.of("B0101"), null);
		List<ExpertView> medical = List.of(fixture.expert("md1." + r, "壬" + r, "500103", Set.of("B0102"), null),
				fixture.expert("md2." + r, "癸" + r, "500101", Set.of("B0102"), null));
		ExpertView named = fixture.expert("md3." + r, "子" + r, "500103", Set.of("B0102"), null);
		Instant evaluationAt = clock.instant().plus(Duration.ofDays(2));
		LocalDate day = LocalDate.ofInstant(evaluationAt, ExpertPool.ZONE);
		TestActor.cityStaff().run(() -> pool.addUnavailability(unavailable.id(), day.minusDays(1), day, "出差"));
		TestActor.cityStaff().run(() -> pool.recordCredit(blacklisted.id(), ExpertCreditKind.BLACKLIST, null, "违规",
				day.plusDays(30)));
		TestActor party = TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false);
		party.run(() -> avoidances.addAvoidance(section.id().value(), named.name(), null, "曾为本项目提供咨询"));
		assertThat(party.call(() -> avoidances.avoidances(section.id().value()))).extracting(DrawAvoidance::name)
			.containsExactly(named.name());

		DrawView committed = YUZHONG.call(() -> draws.request(new DrawRequest(section.id().value(), evaluationAt,
				Map.of("B0101", 2, "B0102", 1), Set.of(), Set.of("500107"))));
		assertThat(committed.status()).isEqualTo(DrawStatus.COMMITTED);
		assertThat(committed.seedSha256()).matches("[0-9a-f]{64}");
		assertThat(committed.poolSha256()).matches("[0-9a-f]{64}");
		assertThat(committed.specialties()).extracting(DrawView.SpecialtyCount::eligible).containsExactly(4, 2);
		assertThat(committed.picks()).isEmpty();
		assertThat(committed.seed()).isNull();
		// another district's staff: not found, and the database shows them nothing either
		assertThatThrownBy(() -> WANZHOU.call(() -> draws.view(committed.id()))).isInstanceOf(Refusal.class)
			.hasMessage("evaluation.draw.notFound");
		Integer visible = RegionScopes.callIn(RegionScope.of(org.yiwang.kernel.RegionCode.of(TestActor.WANZHOU)),
				() -> transactions.execute(s -> jdbc.sql("select count(*) from evaluation.draws where id = ?")
					.param(committed.id()).query(Integer.class).single()));
		assertThat(visible).isZero();
		// the tenderer's list is closed once the draw is requested
		assertThatThrownBy(() -> party.run(() -> avoidances.addAvoidance(section.id().value(), "某人", null, "原因")))
			.isInstanceOf(Refusal.class).hasMessage("evaluation.draw.avoidance.afterCommit");

		DrawView drawn = YUZHONG.call(() -> draws.draw(committed.id()));
		assertThat(drawn.status()).isEqualTo(DrawStatus.DRAWN);
		assertThat(drawn.picks()).as("sealed: staff see counts only").isEmpty();
		assertThat(drawn.specialties()).extracting(DrawView.SpecialtyCount::invited).containsExactly(2, 1);
		assertThatThrownBy(() -> YUZHONG.call(() -> draws.draw(committed.id()))).isInstanceOf(Refusal.class)
			.hasMessage("evaluation.draw.notCommitted");

		// the experts answer; the first invited declines and is redrawn
		List<ExpertView> everyone = new java.util.ArrayList<>(it);
		everyone.addAll(medical);
		boolean declined = false;
		for (int round = 0; round < 10 && drawStatus(committed.id()) == DrawStatus.DRAWN; round++) {
			for (ExpertView e : everyone) {
				TestActor expert = TestActor.of(e.username(), Role.EXPERT, TestActor.CITY, false);
				var open = expert.call(() -> draws.myInvitations()).stream()
					.filter(i -> i.draw().equals(committed.id()) && i.outcome() == DrawOutcome.INVITED).findFirst();
				if (open.isPresent()) {
					boolean accept = declined;
					declined = true;
					DrawInvitation answered = expert.call(() -> draws.respond(committed.id(), accept));
					assertThat(answered.outcome()).isEqualTo(accept ? DrawOutcome.ACCEPTED : DrawOutcome.DECLINED);
				}
			}
		}
		DrawView complete = YUZHONG.call(() -> draws.view(committed.id()));
		assertThat(complete.status()).isEqualTo(DrawStatus.COMPLETE);
		assertThat(complete.specialties()).extracting(DrawView.SpecialtyCount::accepted).containsExactly(2, 1);
		assertThat(complete.specialties()).extracting(DrawView.SpecialtyCount::redrawn).containsExactly(
				complete.specialties().get(0).redrawn(), complete.specialties().get(1).redrawn());
		assertThat(complete.picks()).isEmpty();
		assertThat(audited("evaluation.committee.drawn", "section:" + section.id() + "/round:1")).isEqualTo(1);
		assertThat(draws.revealed(committed.id())).isFalse();
		assertThatThrownBy(() -> draws.verification(committed.id())).isInstanceOf(Refusal.class);
		assertThat(serviceRows(committed.id())).isEqualTo(3);

		// evaluation begins: the seal is lifted and the record recomputes from seed and pool alone
		DrawView revealed = YUZHONG.call(() -> draws.evaluationBegun(committed.id()));
		assertThat(draws.revealed(committed.id())).isTrue();
		assertThat(revealed.picks()).hasSize(4);
		Map<String, Object> record = draws.verification(committed.id());
		byte[] seed = HexFormat.of().parseHex((String) record.get("seed"));
		assertThat(Sha256.hex(seed)).isEqualTo(committed.seedSha256());
		String poolText = (String) record.get("pool");
		assertThat(DrawAlgorithm.poolSha256(poolText)).isEqualTo(committed.poolSha256());
		for (ExpertView avoided : List.of(employee, unavailable, blacklisted, elsewhere, named)) {
			assertThat(poolText).doesNotContain(avoided.id().toString());
		}
		List<DrawAlgorithm.Specialty> specialties = DrawAlgorithm.parsePool(poolText);
		DrawAlgorithm.Sequence sequence = new DrawAlgorithm.Sequence(seed, specialties);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> picks = (List<Map<String, Object>>) record.get("picks");
		for (Map<String, Object> pick : picks) {
			assertThat(sequence.next((String) pick.get("specialty")).toString()).isEqualTo(pick.get("expert"));
		}
		assertThat(picks).extracting(p -> p.get("outcome")).containsOnlyOnce("DECLINED");
	}

	@Test
	void bad_draw_requests_are_refused_with_their_reason_and_audited() {
		Instant later = clock.instant().plus(Duration.ofDays(1));
		UUID id = section.id().value();
		refused(() -> draws.request(new DrawRequest(id, clock.instant().minusSeconds(60), Map.of("A0101", 1), null, null)),
				"evaluation.draw.evaluationAt.past");
		refused(() -> draws.request(new DrawRequest(id, later, Map.of("Z99", 1), null, null)),
				"evaluation.expert.specialty.unknown");
		refused(() -> draws.request(new DrawRequest(id, later, Map.of("A0101", 0), null, null)),
				"evaluation.draw.seats.range");
		refused(() -> draws.request(new DrawRequest(id, later, Map.of("C0103", 30), null, null)),
				"evaluation.draw.poolTooSmall");
		refused(() -> draws.request(new DrawRequest(id, later, Map.of("A0101", 1), Set.of("599999"), null)),
				"account.region.unknown");
		refused(() -> draws.request(new DrawRequest(id, later, Map.of("A0101", 1), Set.of("500103"), Set.of("500103"))),
				"evaluation.draw.regions.both");
		refused(() -> draws.request(new DrawRequest(id, later, Map.of(), null, null)), "evaluation.draw.seats.required");
		refused(() -> draws.request(new DrawRequest(null, later, Map.of("A0101", 1), null, null)),
				"evaluation.draw.section.required");
		assertThatThrownBy(() -> WANZHOU.call(() -> draws.request(new DrawRequest(id, later, Map.of("A0101", 1), null,
				null)))).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).status().value()).isEqualTo(404);
		assertThatThrownBy(() -> TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false)
			.call(() -> draws.request(new DrawRequest(id, later, Map.of("A0101", 1), null, null))))
			.isInstanceOf(Refusal.class).hasMessage("evaluation.draw.staffOnly");
		Integer kept = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from evaluation.draws where section_id = ?").param(id).query(Integer.class).single()));
		assertThat(kept).isZero();
		assertThat(audited("evaluation.draw.request.refused", "section:" + id)).isGreaterThanOrEqualTo(5);
	}

	@Test
	void the_pool_refuses_bad_details_and_staff_of_other_regions() {
		String r = fixture.run;
		NewExpert good = new NewExpert("pool." + r, "池" + r, ExpertFixture.idNumber("500103"), "023-1234567", "500103",
				"单位", null, Set.of("C0101"));
		refused(() -> pool.register(withIdNumber(good, "500103198001010000")), "evaluation.expert.idNumber.check");
		refused(() -> pool.register(withIdNumber(good, "12345")), "evaluation.expert.idNumber.form");
		refused(() -> pool.register(new NewExpert(good.username(), good.name(), good.idNumber(), good.phone(), "500103",
				good.employerName(), null, Set.of("Q123"))), "evaluation.expert.specialty.unknown");
		refused(() -> pool.register(new NewExpert(good.username(), good.name(), good.idNumber(), good.phone(), "599999",
				good.employerName(), null, good.specialties())), "account.region.unknown");
		refused(() -> pool.register(new NewExpert(good.username(), good.name(), good.idNumber(), good.phone(), "500103",
				good.employerName(), "91500103MA5YWT0010", good.specialties())), "evaluation.expert.employerCreditCode.check");
		refused(() -> pool.register(new NewExpert(good.username(), "", good.idNumber(), good.phone(), "500103",
				good.employerName(), null, good.specialties())), "evaluation.expert.name.required");
		assertThatThrownBy(() -> WANZHOU.call(() -> pool.register(good))).isInstanceOf(Refusal.class)
			.hasMessage("evaluation.expert.regionNotCovered");
		assertThatThrownBy(() -> TestActor.of("someone", Role.BIDDER, TestActor.CITY, false).call(() -> pool.register(good)))
			.isInstanceOf(Refusal.class).hasMessage("evaluation.expert.staffOnly");
		ExpertView registered = YUZHONG.call(() -> pool.register(good));
		assertThat(registered.maskedIdNumber()).contains("********");
		refused(() -> pool.register(new NewExpert("pool2." + r, good.name(), good.idNumber(), good.phone(), "500103",
				good.employerName(), null, good.specialties())), "evaluation.expert.idNumber.taken");
		// maintained by the staff covering its home region only; others read it but may not change it
		assertThat(WANZHOU.call(() -> pool.expert(registered.id())).id()).isEqualTo(registered.id());
		assertThatThrownBy(() -> WANZHOU.call(() -> pool.addUnavailability(registered.id(), LocalDate.now(),
				LocalDate.now(), "x"))).isInstanceOf(Refusal.class).hasMessage("evaluation.expert.regionNotCovered");
		refused(() -> pool.addUnavailability(registered.id(), LocalDate.now(), LocalDate.now().minusDays(1), "x"),
				"evaluation.expert.until.beforeFrom");
		refused(() -> pool.addUnavailability(registered.id(), LocalDate.now(), LocalDate.now(), " "),
				"evaluation.expert.reason.required");
		refused(() -> pool.recordCredit(registered.id(), ExpertCreditKind.RATING, 6, "好", null),
				"evaluation.expert.credit.rating");
		refused(() -> pool.recordCredit(registered.id(), ExpertCreditKind.WARNING, 3, "好", null),
				"evaluation.expert.credit.rating");
		refused(() -> pool.recordCredit(registered.id(), ExpertCreditKind.BLACKLIST, null, "违规", null),
				"evaluation.expert.credit.until");
		refused(() -> pool.bindCertificate(registered.id(), "not a certificate".getBytes()),
				"pki.failure.malformedCertificate");
		refused(() -> pool.bindCertificate(registered.id(), fixture.read("ca.pem")),
				"evaluation.expert.certificate.authority");
		refused(() -> pool.bindCertificate(registered.id(), fixture.certificate("old." + r, true)), "pki.failure.expired");
		ExpertView rated = YUZHONG.call(() -> pool.recordCredit(registered.id(), ExpertCreditKind.RATING, 5, "认真", null));
		assertThat(rated.credit()).extracting(ExpertView.CreditRecord::rating).containsExactly(5);
		assertThat(audited("evaluation.expert.credit.refused", "expert:" + registered.id())).isEqualTo(3);
	}

	@Test
	void the_pages_and_the_api_refuse_bad_input_with_the_reason() throws Exception {
		mvc.perform(post("/experts").with(csrf()).with(authentication(YUZHONG.authentication()))
			.param("username", "page." + fixture.run).param("name", "页").param("idNumber", "500103198001010000")
			.param("phone", "023-1234567").param("homeRegion", "500103").param("employerName", "单位")
			.param("specialties", "C0101"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("校验位")));
		mvc.perform(post("/api/experts").with(authentication(YUZHONG.authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"api." + fixture.run + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").exists());
		mvc.perform(post("/api/draws").with(authentication(YUZHONG.authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"section\":\"" + section.id() + "\",\"seats\":{\"A0101\":1}}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/draws").with(csrf()).with(authentication(YUZHONG.authentication()))
			.param("section", section.id().toString()).param("evaluationAt", "tomorrow").param("seats", "A0101:1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("tomorrow")));
		mvc.perform(post("/draws").with(csrf()).with(authentication(YUZHONG.authentication()))
			.param("section", section.id().toString()).param("evaluationAt", "2099-01-01T09:00").param("seats", "A0101=1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("A0101=1")));
		mvc.perform(get("/experts").with(authentication(YUZHONG.authentication()))).andExpect(status().isOk());
		mvc.perform(get("/draws").with(authentication(TestActor.regulator().authentication()))).andExpect(status().isOk());
		mvc.perform(get("/draws/" + UUID.randomUUID() + "/verification.json")).andExpect(status().isNotFound());
		mvc.perform(get("/draws/avoidances").param("section", section.id().toString())
			.with(authentication(TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false).authentication())))
			.andExpect(status().isOk());
		mvc.perform(get("/draws/avoidances").param("section", section.id().toString())
			.with(authentication(TestActor.of("other.tenderer", Role.TENDERER, TestActor.CITY, false).authentication())))
			.andExpect(status().isNotFound());
	}

	private static NewExpert withIdNumber(NewExpert e, String idNumber) {
		return new NewExpert(e.username(), e.name(), idNumber, e.phone(), e.homeRegion(), e.employerName(),
				e.employerCreditCode(), e.specialties());
	}

	private static void refused(Supplier<?> work, String key) {
		assertThatThrownBy(() -> YUZHONG.call(work)).isInstanceOf(Refusal.class).hasMessage(key);
	}

	private DrawStatus drawStatus(UUID draw) {
		return YUZHONG.call(() -> draws.view(draw)).status();
	}

	private long serviceRows(UUID draw) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from evaluation.expert_service where draw_id = ?").param(draw).query(Long.class)
			.single()));
	}

	private long audited(String action, String target) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from audit.entries where action = ? and target = ?")
			.params(action, target).query(Long.class).single()));
	}
}
