package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.system.Refusal;

/**
 * The working calendar on the real database: the 2026 schedule as seeded, staff adding and removing exceptions
 * (audited), every bad input refused with its reason, and the page in both languages. Tests that change the calendar
 * use years far from any listing's period (2090s) and put it back.
 */
@PlatformTest
class WorkingCalendarTests {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	private static Refusal refusal(Runnable action) {
		try {
			action.run();
		}
		catch (Refusal r) {
			return r;
		}
		throw new AssertionError("not refused");
	}

	private static Refusal staffAdds(WorkingCalendar calendar, String date, String kind, String name) {
		return refusal(() -> TestActor.cityStaff().call(() -> calendar.add(new NewCalendarDay(date, kind, name))));
	}

	@Test
	void the_2026_state_council_schedule_is_seeded_as_announced() {
		CalendarYear y2026 = calendar.year(2026);
		assertThat(y2026.scheduled()).isTrue();
		assertThat(y2026.days()).extracting(d -> d.day() + " " + d.kind())
			.containsExactlyInAnyOrderElementsOf(Holidays2026.days().stream().map(d -> d.day() + " " + d.kind()).toList());
		WorkingDaySchedule schedule = calendar.schedule();
		assertThat(schedule.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆节").isFalse();
		assertThat(schedule.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday worked").isTrue();
		assertThat(schedule.isWorkingDay(LocalDate.of(2026, 2, 23))).as("春节, a Monday").isFalse();
		assertThat(schedule.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday worked").isTrue();
		// 261 weekdays, 19 of the holiday days fall on weekdays, 6 weekend days are worked.
		assertThat(y2026.workingDays()).isEqualTo(261 - 19 + 6);
	}

	@Test
	void a_year_without_entries_says_it_has_no_schedule_on_the_page_in_both_languages() throws Exception {
		assertThat(calendar.year(2091).scheduled()).isFalse();
		var staff = authentication(TestActor.cityStaff().authentication());
		String zh = mvc.perform(get("/admin/calendar").param("year", "2091").param("lang", "zh_CN").with(staff))
			.andReturn().getResponse().getContentAsString();
		assertThat(zh).contains("id=\"unscheduled-warning\"").contains("2091 年尚无节假日安排");
		String en = mvc.perform(get("/admin/calendar").param("year", "2091").param("lang", "en").with(staff))
			.andReturn().getResponse().getContentAsString();
		assertThat(en).contains("There is no holiday schedule for 2091 yet");
		String y2026 = mvc.perform(get("/admin/calendar").param("year", "2026").param("lang", "zh_CN").with(staff))
			.andReturn().getResponse().getContentAsString();
		assertThat(y2026).doesNotContain("unscheduled-warning").contains("data-date=\"2026-10-10\"").contains("调休上班")
			.contains("国庆节");
	}

	@Test
	void anyone_reads_a_year_as_json_and_a_bad_year_is_refused_with_a_reason() throws Exception {
		mvc.perform(get("/api/calendar/2026"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2026))
			.andExpect(jsonPath("$.scheduled").value(true))
			.andExpect(jsonPath("$.workingDays").value(261 - 19 + 6))
			.andExpect(jsonPath("$.days[?(@.day == '2026-10-10')].kind").value("MAKEUP_WORKDAY"))
			.andExpect(jsonPath("$.days[?(@.day == '2026-10-01')].name").value("国庆节"));
		mvc.perform(get("/api/calendar/2091")).andExpect(jsonPath("$.scheduled").value(false))
			.andExpect(jsonPath("$.days").isEmpty());
		String refused = mvc.perform(get("/api/calendar/1999").header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(refused).contains("2000").contains("2099");
		mvc.perform(get("/api/calendar/next-year"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void staff_add_and_remove_an_exception_and_both_are_audited() {
		CalendarDay added = TestActor.cityStaff()
			.call(() -> calendar.add(new NewCalendarDay(" 2093-10-01 ", "HOLIDAY", " 国庆节 ")));
		assertThat(added.name()).isEqualTo("国庆节");
		assertThat(calendar.year(2093).scheduled()).isTrue();
		assertThat(calendar.schedule().isWorkingDay(LocalDate.of(2093, 10, 1))).isFalse();
		CalendarDay makeup = TestActor.cityStaff()
			.call(() -> calendar.add(new NewCalendarDay("2093-10-10", "MAKEUP_WORKDAY", "国庆节调休上班")));
		assertThat(calendar.schedule().isWorkingDay(makeup.day())).as("a Saturday worked").isTrue();

		TestActor.cityStaff().call(() -> calendar.remove("2093-10-01"));
		TestActor.cityStaff().call(() -> calendar.remove("2093-10-10"));
		assertThat(calendar.year(2093).scheduled()).isFalse();
		assertThat(calendar.schedule().isWorkingDay(LocalDate.of(2093, 10, 1))).as("a Thursday again").isTrue();
		List<AuditEntry> entries = TestActor.admin().call(() -> audit.latest("calendar:2093-10-01", 10));
		assertThat(entries).extracting(AuditEntry::action).containsExactly("catalog.calendar.removed", "catalog.calendar.added");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.actor()).isEqualTo("staff");
			assertThat(e.payload()).contains("国庆节").contains("HOLIDAY");
		});
	}

	@Test
	void bad_input_is_refused_with_a_reason_and_changes_nothing() {
		int before = calendar.schedule().unscheduledYears(LocalDate.of(2090, 1, 1), LocalDate.of(2099, 1, 1)).size();
		assertThat(staffAdds(calendar, "2093-02-30", "HOLIDAY", "春节").messageKey()).isEqualTo("calendar.date.invalid");
		assertThat(staffAdds(calendar, "10/01/2093", "HOLIDAY", "国庆节").messageKey()).isEqualTo("calendar.date.invalid");
		assertThat(staffAdds(calendar, "", "HOLIDAY", "国庆节").messageKey()).isEqualTo("calendar.date.required");
		assertThat(staffAdds(calendar, "2193-10-01", "HOLIDAY", "国庆节").messageKey()).isEqualTo("calendar.year.range");
		assertThat(staffAdds(calendar, "2093-10-01", "HOLIDAYS", "国庆节").messageKey()).isEqualTo("calendar.kind.required");
		assertThat(staffAdds(calendar, "2093-10-01", "HOLIDAY", "  ").messageKey()).isEqualTo("calendar.name.size");
		assertThat(staffAdds(calendar, "2093-10-01", "HOLIDAY", "国".repeat(31)).messageKey()).isEqualTo("calendar.name.size");
		// 2093-10-01 is a Thursday: working anyway, so it cannot be a make-up workday.
		Refusal weekday = staffAdds(calendar, "2093-10-01", "MAKEUP_WORKDAY", "调休");
		assertThat(weekday.messageKey()).isEqualTo("calendar.makeup.notWeekend");
		assertThat(weekday.status().value()).isEqualTo(400);
		// A date already marked: a holiday on a holiday, a holiday on a make-up workday.
		Refusal twice = staffAdds(calendar, "2026-10-01", "HOLIDAY", "国庆节");
		assertThat(twice.messageKey()).isEqualTo("calendar.duplicate.holiday");
		assertThat(twice.arguments()).containsExactly("2026-10-01", "国庆节");
		assertThat(twice.status().value()).isEqualTo(409);
		assertThat(staffAdds(calendar, "2026-10-10", "HOLIDAY", "国庆节").messageKey()).isEqualTo("calendar.duplicate.makeup");
		assertThat(refusal(() -> TestActor.cityStaff().call(() -> calendar.remove("2093-10-02"))).messageKey())
			.isEqualTo("calendar.notMarked");
		assertThat(refusal(() -> TestActor.cityStaff().call(() -> calendar.remove("yesterday"))).messageKey())
			.isEqualTo("calendar.date.invalid");
		assertThat(refusal(() -> calendar.year(1999)).messageKey()).isEqualTo("calendar.year.range");
		// District staff and regulators do not keep the city's calendar.
		assertThat(refusal(() -> TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> calendar.add(new NewCalendarDay("2093-10-01", "HOLIDAY", "国庆节")))).status().value()).isEqualTo(403);
		assertThat(refusal(() -> TestActor.regulator()
			.call(() -> calendar.add(new NewCalendarDay("2093-10-01", "HOLIDAY", "国庆节")))).status().value()).isEqualTo(403);
		assertThat(calendar.schedule().unscheduledYears(LocalDate.of(2090, 1, 1), LocalDate.of(2099, 1, 1))).hasSize(before);
		assertThat(calendar.year(2026).days()).hasSize(Holidays2026.days().size());
	}

	@Test
	void the_page_shows_a_refusal_in_the_persons_language_and_keeps_what_was_typed() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		var result = mvc.perform(post("/admin/calendar/days").with(csrf()).with(staff).param("date", "2093-10-08")
			.param("kind", "MAKEUP_WORKDAY").param("name", "调休").param("year", "2093")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/calendar?year=2093");
		var flash = result.getFlashMap();
		assertThat(flash.get("refused")).isEqualTo("calendar.makeup.notWeekend");
		String zh = mvc.perform(get("/admin/calendar").param("year", "2093").param("lang", "zh_CN").with(staff)
			.flashAttrs(flash)).andReturn().getResponse().getContentAsString();
		assertThat(zh).contains("2093-10-08 不是周六或周日").contains("value=\"2093-10-08\"");
		String en = mvc.perform(get("/admin/calendar").param("year", "2093").param("lang", "en").with(staff)
			.flashAttrs(flash)).andReturn().getResponse().getContentAsString();
		assertThat(en).contains("2093-10-08 is not a Saturday or Sunday");
		String duplicate = mvc.perform(get("/admin/calendar").param("lang", "zh_CN").with(staff)
			.flashAttrs(mvc.perform(post("/admin/calendar/days").with(csrf()).with(staff).param("date", "2026-10-01")
				.param("kind", "HOLIDAY").param("name", "国庆节")).andReturn().getFlashMap()))
			.andReturn().getResponse().getContentAsString();
		assertThat(duplicate).contains("2026-10-01 已标记为放假（国庆节）");
		String badYear = mvc.perform(get("/admin/calendar").param("year", "20x6").param("lang", "zh_CN").with(staff))
			.andReturn().getResponse().getContentAsString();
		assertThat(badYear).contains("年份须为四位数字");
	}

	@Test
	void every_role_in_every_region_reads_or_keeps_the_calendar_exactly_as_the_policy_says() throws Exception {
		java.util.List<String> wrong = new java.util.ArrayList<>();
		for (org.yiwang.kernel.Role role : org.yiwang.kernel.Role.values()) {
			for (String region : List.of(TestActor.CITY, TestActor.YUZHONG, TestActor.WANZHOU)) {
				boolean cityWide = region.equals(TestActor.CITY);
				TestActor actor = role == org.yiwang.kernel.Role.REGULATOR && cityWide ? TestActor.regulator()
						: TestActor.of(role.name().toLowerCase() + "." + region, role, region, cityWide);
				var as = authentication(actor.authentication());
				boolean reader = role == org.yiwang.kernel.Role.PLATFORM_ADMIN || role == org.yiwang.kernel.Role.CENTER_STAFF
						|| role == org.yiwang.kernel.Role.REGULATOR;
				boolean keeper = cityWide
						&& (role == org.yiwang.kernel.Role.PLATFORM_ADMIN || role == org.yiwang.kernel.Role.CENTER_STAFF);
				int read = send(get("/admin/calendar").with(as)).getStatus();
				if ((read == 200) != reader) {
					wrong.add("GET as " + role + "@" + region + " -> " + read);
				}
				// A date that is not one: allowed, it is refused on the page; denied, it never gets that far.
				var add = mvc.perform(post("/admin/calendar/days").with(csrf()).with(as).param("date", "2093-13-01")
					.param("kind", "HOLIDAY").param("name", "x")).andReturn();
				boolean added = add.getResponse().getStatus() == 302
						&& "calendar.date.invalid".equals(add.getFlashMap().get("refused"));
				if (added != keeper) {
					wrong.add("POST days as " + role + "@" + region + " -> " + add.getResponse().getStatus());
				}
				var remove = mvc.perform(post("/admin/calendar/days/2093-10-02/remove").with(csrf()).with(as)).andReturn();
				boolean removed = remove.getResponse().getStatus() == 302
						&& "calendar.notMarked".equals(remove.getFlashMap().get("refused"));
				if (removed != keeper) {
					wrong.add("POST remove as " + role + "@" + region + " -> " + remove.getResponse().getStatus());
				}
			}
		}
		int anonymous = send(get("/admin/calendar")).getStatus();
		assertThat(anonymous).as("anonymous").isIn(302, 401, 403);
		assertThat(wrong).isEmpty();
	}

	private org.springframework.mock.web.MockHttpServletResponse send(
			org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}
}
