package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.pki.TrustStore;
import org.yiwang.procurement.NegotiationTeams;
import org.yiwang.procurement.ProcurementFixture;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementStatus;
import org.yiwang.procurement.ProcurementView;
import org.yiwang.procurement.TeamRequest;
import org.yiwang.procurement.TeamView;
import org.yiwang.system.Refusal;

/**
 * A procurement case's team (政府采购法 第三十八条/第四十条) drawn from the expert pool by the verifiable draw: the
 * purchaser's and the invited suppliers' employees avoided, the composition rules refused with the field to fix, the
 * responses opened only once every expert accepted, then the names in the result notice and the draw's record public.
 * Here (not in procurement) because the expert fixture with its OpenSSL certificates is evaluation's.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class NegotiationTeamTests {

	// A0106 (building automation and M&E): no other test registers experts of it
	static final String SPECIALTY = "A0106";

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	ExpertPool pool;

	@Autowired
	ExpertDraws draws;

	@Autowired
	TrustStore trustStore;

	@Autowired
	NegotiationTeams teams;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path dir;

	@Test
	void the_team_is_drawn_with_avoidance_opens_only_when_seated_and_its_record_is_public_after() {
		ExpertFixture experts = new ExpertFixture(dir, trustStore, pool);
		ProcurementFixture f = new ProcurementFixture(context, 3);
		String r = experts.run;
		ExpertView one = experts.expert("pt1." + r, "甲" + r, "500103", Set.of(SPECIALTY), null);
		ExpertView two = experts.expert("pt2." + r, "乙" + r, "500101", Set.of(SPECIALTY), null);
		ExpertView supplierEmployee = experts.expert("pt3." + r, "丙" + r, "500103", Set.of(SPECIALTY),
				f.suppliers.get(1).creditCode());
		ExpertView purchaserEmployee = experts.expert("pt4." + r, "丁" + r, "500103", Set.of(SPECIALTY),
				f.purchaser.creditCode());
		ProcurementView c = f.published("GOV_GOODS", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "300000", 3);
		Instant sits = c.responseDeadline().plus(Duration.ofHours(2));

		TeamView team = ProcurementFixture.staff()
			.call(() -> teams.request(c.id(), new TeamRequest(List.of("采购人代表" + r), Map.of(SPECIALTY, 2), sits)));
		assertThat(team.size()).isEqualTo(3);
		assertThat(team.drawStatus()).isEqualTo(DrawStatus.COMMITTED);
		assertThat(team.expertNames()).as("sealed").isEmpty();
		DrawView committed = ProcurementFixture.staff().call(() -> draws.view(team.draw()));
		assertThat(committed.seedSha256()).matches("[0-9a-f]{64}");
		assertThat(committed.specialties()).extracting(DrawView.SpecialtyCount::eligible)
			.as("the supplier's and the purchaser's employees are avoided").containsExactly(2);
		// the public sees no sealed team; the purchaser (on the team) sees counts only
		assertThat(teams.team(c.id())).isEmpty();
		assertThat(f.purchaserActor().call(() -> teams.team(c.id()))).get().extracting(TeamView::revealed)
			.isEqualTo(false);
		refused(() -> ProcurementFixture.staff().call(() -> teams.request(c.id(),
				new TeamRequest(List.of(), Map.of(SPECIALTY, 3), sits))), "procurement.team.exists");

		ProcurementFixture.staff().run(() -> draws.draw(team.draw()));
		for (ExpertView e : List.of(one, two)) {
			TestActor.of(e.username(), org.yiwang.kernel.Role.EXPERT, TestActor.CITY, false)
				.run(() -> draws.respond(team.draw(), true));
		}
		for (int i = 0; i < 3; i++) {
			int n = i;
			f.supplier(i + 1).run(() -> f.room.respond(c.id(), "按要求供货", new BigDecimal(250000 + n * 1000)));
		}
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		ProcurementView concluded = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(concluded.status()).isEqualTo(ProcurementStatus.CONCLUDED);
		assertThat(concluded.resultText()).contains("采购人代表" + r).contains(one.name()).contains(two.name())
			.doesNotContain(supplierEmployee.name()).doesNotContain(purchaserEmployee.name());
		TeamView seen = teams.team(c.id()).orElseThrow();
		assertThat(seen.revealed()).isTrue();
		assertThat(seen.expertNames()).containsExactlyInAnyOrder(one.name(), two.name());
		Map<String, Object> record = draws.verification(team.draw());
		assertThat(record.get("tradeCode")).isEqualTo(c.tradeCode().value());
		assertThat((String) record.get("pool")).contains(one.id().toString()).contains(two.id().toString())
			.doesNotContain(supplierEmployee.id().toString()).doesNotContain(purchaserEmployee.id().toString());
	}

	@Test
	void a_team_that_breaks_the_rules_or_is_not_seated_is_refused_with_the_field_to_fix() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.published("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "300000", 3);
		Instant sits = c.responseDeadline().plus(Duration.ofHours(2));
		TestActor staff = ProcurementFixture.staff();
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of("甲", "乙"), Map.of(SPECIALTY, 2),
				sits))), "expertSeats", "procurement.team.size");
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of("甲", "乙"), Map.of(SPECIALTY, 3),
				sits))), "expertSeats", "procurement.team.experts.share");
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of(), Map.of(), sits))),
				"expertSeats", "procurement.team.experts.required");
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of("甲", "甲"), Map.of(SPECIALTY, 5),
				sits))), "representatives", "procurement.team.representatives.twice");
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of(), Map.of(SPECIALTY, 3),
				c.responseDeadline().minusSeconds(60)))), "sitsAt", "procurement.team.sitsAt.early");
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of(), Map.of("Z9999", 3), sits))),
				"seats", "evaluation.expert.specialty.unknown");
		refusedOn(() -> staff.call(() -> teams.request(c.id(), new TeamRequest(List.of(), Map.of(SPECIALTY, 29), sits))),
				"seats", "evaluation.draw.poolTooSmall");
		refused(() -> f.purchaserActor().call(() -> teams.request(c.id(), new TeamRequest(List.of(),
				Map.of(SPECIALTY, 3), sits))), "procurement.staffOnly");
		refused(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> teams.request(c.id(),
				new TeamRequest(List.of(), Map.of(SPECIALTY, 3), sits))), "procurement.notFound");
		ProcurementView single = f.published("GOV_GOODS", ProcurementMethod.SINGLE_SOURCE, "300000", 1);
		refused(() -> staff.call(() -> teams.request(single.id(), new TeamRequest(List.of(), Map.of(SPECIALTY, 3),
				single.responseDeadline().plus(Duration.ofHours(1))))), "procurement.team.singleSource");

		// the form: a malformed pair and a missing time name their field; another district gets 404
		var asStaff = authentication(staff.authentication());
		mvc.perform(post("/procurement/" + c.id() + "/team").with(asStaff).with(csrf()).param("expertSeats", "A0106-3")
			.param("sitsAt", "2030-01-01T10:00"))
			.andExpect(flash().attribute("refused", "procurement.team.seats.form"))
			.andExpect(flash().attribute("refusedField", "expertSeats"));
		mvc.perform(post("/procurement/" + c.id() + "/team").with(asStaff).with(csrf()).param("expertSeats", "A0106:3")
			.param("sitsAt", "tomorrow"))
			.andExpect(flash().attribute("refused", "procurement.team.sitsAt.form"))
			.andExpect(flash().attribute("refusedField", "sitsAt"));
		mvc.perform(post("/procurement/" + c.id() + "/team")
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())).with(csrf())
			.param("expertSeats", "A0106:3").param("sitsAt", "2030-01-01T10:00"))
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
