package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditLog;

/**
 * The demo clock in the context whose time tests move ({@link AdjustableClock}'s: moving it in the plain context would
 * move every other test's time): the administrator moves the platform's time forward, audited; zero, backwards, too far
 * and non-numbers are refused with a reason and move nothing.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class DemoClockTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	AuditLog audit;

	@Test
	void the_administrator_moves_the_platform_time_forward_and_nothing_else_moves_it() throws Exception {
		assertThat(clock).isInstanceOf(DemoClock.class);
		DemoClock demo = (DemoClock) clock;
		var admin = authentication(TestActor.admin().authentication());
		mvc.perform(get("/admin/demo-clock").with(admin)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("演示时钟")));

		Instant before = clock.instant();
		Duration start = demo.offset();
		Duration moved = start.plus(Duration.ofDays(20).plusHours(1).plusMinutes(30));
		mvc.perform(post("/admin/demo-clock").param("days", "20").param("hours", "1").param("minutes", "30").with(csrf())
			.with(admin)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("平台时间已向前拨动 20 天 1 小时 30 分钟")));
		assertThat(demo.offset()).isEqualTo(moved);
		assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(20).plusHours(1).plusMinutes(30)));
		assertThat(TestActor.admin().call(() -> audit.latest("clock:platform", 10))).first()
			.satisfies(e -> assertThat(e.action()).isEqualTo("system.demoClock.moved"));

		for (String[] bad : new String[][] { { "0", "0", "0" }, { "-1", "0", "0" }, { "401", "0", "0" },
				{ "abc", "0", "0" }, { "1.5", "0", "0" }, { "99999999999999999999", "0", "0" } }) {
			mvc.perform(post("/admin/demo-clock").param("days", bad[0]).param("hours", bad[1]).param("minutes", bad[2])
				.with(csrf()).with(admin)).andExpect(status().isBadRequest());
		}
		assertThat(demo.offset()).as("a refused step moves nothing").isEqualTo(moved);

		mvc.perform(post("/admin/demo-clock").param("days", "1").with(csrf())
			.with(authentication(TestActor.cityStaff().authentication()))).andExpect(status().isForbidden());
		assertThat(demo.offset()).isEqualTo(moved);
	}

	@Autowired
	DemoTime demoTime;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void the_offset_survives_a_restart_never_goes_back_and_a_jump_back_is_refused_with_both_times() {
		DemoClock demo = (DemoClock) clock;
		TestActor.cityStaff().run(() -> demoTime.jumpTo(clock.instant().plus(Duration.ofDays(3))));
		Duration offset = demo.offset();
		Instant shown = clock.instant();

		// The clock the next start makes reads the stored offset (as kept: to the millisecond).
		DemoClock restarted = new DemoClockStore(jdbc).attach(new DemoClock(Clock.systemUTC()));
		assertThat(restarted.offset()).isBetween(Duration.ofMillis(offset.toMillis()), offset);
		assertThat(restarted.instant()).isAfterOrEqualTo(shown.minusMillis(1));
		// A start a year back applies to a fresh database only: with an offset stored, the next start resumes it.
		assertThat(new DemoClockStore(jdbc).attach(new DemoClock(Clock.systemUTC()), Duration.ofDays(365)).offset())
			.isBetween(Duration.ofMillis(offset.toMillis()), offset);
		DemoClock fresh = new DemoClock(Clock.systemUTC());
		fresh.startBack(Duration.ofDays(365));
		assertThat(fresh.offset()).isEqualTo(Duration.ofDays(-365));
		assertThatThrownBy(() -> fresh.startBack(Duration.ofDays(401))).isInstanceOf(IllegalArgumentException.class);
		// A host clock set back an hour meanwhile: the platform still does not read earlier than the time its last move
		// produced (as stored).
		Instant storedShown = jdbc.sql("select shown_at from system.demo_clock").query(java.sql.Timestamp.class).single()
			.toInstant();
		DemoClock behind = new DemoClockStore(jdbc)
			.attach(new DemoClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1))));
		assertThat(behind.instant()).isAfterOrEqualTo(storedShown);
		assertThat(behind.offset()).isGreaterThan(offset.plus(Duration.ofMinutes(59)));

		Instant earlier = clock.instant().minusSeconds(60);
		assertThatThrownBy(() -> TestActor.cityStaff().run(() -> demoTime.jumpTo(earlier)))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).isEqualTo("system.demoClock.backwards");
				assertThat(r.arguments()).hasSize(2);
			});
		assertThatThrownBy(() -> TestActor.of("someone", org.yiwang.kernel.Role.BIDDER, TestActor.CITY, false)
			.run(() -> demoTime.jumpTo(clock.instant().plusSeconds(60)))).isInstanceOf(Refusal.class);
		assertThat(demo.offset()).as("refusals move nothing").isEqualTo(offset);
		Long stored = jdbc.sql("select offset_millis from system.demo_clock").query(Long.class).single();
		assertThat(stored).isEqualTo(offset.toMillis());
	}
}
