package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;

/**
 * A demo runner's failure is visible: the demo clock page lists it as failed with its error, and the {@code demo} health
 * contributor is DOWN; the runners of this start are recorded by name with their seconds.
 */
@PlatformTest
class DemoSeedingTests {

	@Autowired
	DemoSeeding seeding;

	@Autowired
	DemoHealth health;

	@Autowired
	MockMvc mvc;

	@Test
	void a_failing_runner_is_shown_as_failed_on_the_demo_page_and_the_demo_health_is_down() throws Exception {
		String runner = "brokenDemo" + UUID.randomUUID().toString().substring(0, 8);
		String reason = "no district 500999 (" + runner + ")";
		try {
			DemoSeeding.Outcome outcome = seeding.run(runner, () -> {
				throw new IllegalStateException(reason);
			});
			assertThat(outcome.ok()).isFalse();
			assertThat(outcome.error()).isEqualTo("IllegalStateException: " + reason);
			assertThat(seeding.run(runner + "ok", () -> {
			}).ok()).as("the next runner still runs").isTrue();

			String page = mvc.perform(get("/admin/demo-clock").with(authentication(TestActor.admin().authentication())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("data-runner=\"" + runner + "\" data-ok=\"false\"", reason, "失败")
				.contains("data-runner=\"" + runner + "ok\" data-ok=\"true\"");

			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.health().getDetails()).containsEntry(runner, outcome.error());
			mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"));
		}
		finally {
			seeding.forget(runner);
			seeding.forget(runner + "ok");
		}
		assertThat(health.health().getStatus()).as("this start's own runners all finished: " + seeding.failures())
			.isEqualTo(Status.UP);
	}

	@Test
	void every_demo_runner_of_this_start_is_recorded_with_its_seconds() {
		seeding.outcomes().forEach(o -> System.out.printf("Demo runner %-18s %s %5.1f s %s%n", o.runner(),
				o.ok() ? "ok    " : "FAILED", o.seconds(), o.error() == null ? "" : o.error()));
		assertThat(seeding.outcomes()).extracting(DemoSeeding.Outcome::runner)
			.contains("demoCaStartup", "demoAccounts", "expertDemo", "tenderingDemo", "demoListings");
		assertThat(seeding.failures()).as("runners that failed at this start").isEmpty();
		assertThat(seeding.outcomes()).allSatisfy(o -> assertThat(o.seconds()).isNotNegative());
	}
}
