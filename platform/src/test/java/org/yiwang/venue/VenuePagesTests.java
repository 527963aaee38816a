package org.yiwang.venue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;

/**
 * The venue pages through MockMvc: bad input comes back as a refusal naming the field (never a 500), another district
 * gets not found on every page and action of a site it does not cover, and the public screen is a page or an htmx
 * fragment from the same URL, in Chinese and English.
 */
@PlatformTest
class VenuePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Venues venues;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final RequestPostProcessor city = authentication(TestActor.cityStaff().authentication());

	RoomView room(String region) {
		return TestActor.cityStaff().call(() -> {
			SiteView site = venues.addSite(new NewSite(region, "页面测试" + run, "页面路 1 号", "08:30", "18:00"));
			return venues.addRoom(site.id(), new NewRoom("谈判室" + run, "NEGOTIATION_ROOM", 6, List.of(), 10, 10));
		});
	}

	@Test
	void bad_form_input_is_refused_naming_the_field_and_nothing_is_a_server_error() throws Exception {
		mvc.perform(post("/venues/sites").with(city).with(csrf()).param("region", "500110").param("name", "")
				.param("address", "a").param("opensAt", "08:30").param("closesAt", "18:00"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "name"))
			.andExpect(flash().attribute("refused", "venue.site.name"));
		mvc.perform(post("/venues/sites").with(city).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "region"));
		RoomView room = room("500120");
		String site = "/venues/sites/" + room.site();
		mvc.perform(post(site + "/rooms").with(city).with(csrf()).param("name", "x").param("kind", "OPENING_HALL")
				.param("seats", "many"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "seats"));
		mvc.perform(post(site + "/bookings").with(city).with(csrf()).param("room", room.id().toString())
				.param("purpose", "OTHER").param("title", "t").param("day", "明天").param("from", "09:00").param("until", "10:00"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "day"));
		mvc.perform(post(site + "/bookings").with(city).with(csrf()).param("room", "not-a-room")
				.param("purpose", "OTHER").param("title", "t").param("day", "2099-01-05").param("from", "9点"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "room"));
		mvc.perform(post(site + "/closures").with(city).with(csrf()).param("day", "2099-02-30").param("reason", "r"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "day"));
		mvc.perform(post("/venues/remote").with(city).with(csrf()).param("mainRoom", room.id().toString())
				.param("title", "t").param("day", "2099-01-05").param("from", "09:00").param("until", "10:00"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "secondaryRoom"));
		mvc.perform(get("/venues/utilisation").param("month", "十二月").with(city)).andExpect(status().isOk())
			.andExpect(content().string(containsString("请按“年-月”填写月份")));
		mvc.perform(get(site).with(city)).andExpect(status().isOk())
			.andExpect(content().string(containsString("谈判室" + run)))
			.andExpect(content().string(containsString("谈判室"))).andExpect(content().string(not(containsString("NEGOTIATION_ROOM<"))));
	}

	@Test
	void another_district_finds_nothing_of_a_site_it_does_not_cover() throws Exception {
		RoomView room = room("500120");
		BookingView booking = TestActor.cityStaff().call(() -> venues.bookRemote(new NewRemoteEvaluation(
				TestActor.cityStaff().call(() -> venues.addRoom(room.site(), new NewRoom("评标甲" + run, "EVALUATION_ROOM", 9,
						List.of(), 0, 0))).id(),
				TestActor.cityStaff().call(() -> {
					SiteView other = venues.addSite(new NewSite("500110", "页面副场" + run, "路", "08:30", "18:00"));
					return venues.addRoom(other.id(), new NewRoom("评标乙" + run, "EVALUATION_ROOM", 9, List.of(), 0, 0));
				}).id(), "页面远程" + run, null, nextWorkingMorning(), nextWorkingMorning().plusSeconds(3600)))).get(0);
		RequestPostProcessor other = authentication(TestActor.districtStaff("500243").authentication());
		String site = "/venues/sites/" + room.site();
		mvc.perform(get(site).with(other)).andExpect(status().isNotFound());
		mvc.perform(post(site + "/rooms").with(other).with(csrf()).param("name", "x").param("kind", "OPENING_HALL")
				.param("seats", "3").param("setupMinutes", "0").param("cleanupMinutes", "0")).andExpect(status().isNotFound());
		mvc.perform(post(site + "/closures").with(other).with(csrf()).param("day", "2099-01-05").param("reason", "r"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/venues/bookings/" + booking.id()).with(other)).andExpect(status().isNotFound());
		mvc.perform(post("/venues/bookings/" + booking.id() + "/cancellation").with(other).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/venues/bookings/" + booking.id() + "/codes").with(other).with(csrf())
			.param("room", booking.id().toString()).param("username", "x")).andExpect(status().isNotFound());
		mvc.perform(get("/venues").with(other)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("页面测试" + run))));
		mvc.perform(get("/venues/bookings").param("reference", "x").with(other)).andExpect(status().isOk());
		mvc.perform(get("/venues/bookings/" + booking.id()).with(city)).andExpect(status().isOk())
			.andExpect(content().string(containsString("主场"))).andExpect(content().string(containsString("副场")));
	}

	@Autowired
	org.yiwang.catalog.WorkingCalendar calendar;

	/** 10:00 on the first working day a week from now (by the working calendar). */
	java.time.Instant nextWorkingMorning() {
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7);
		while (!calendar.schedule().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
	}

	@Test
	void the_public_screen_is_a_page_or_its_fragment_in_both_languages() throws Exception {
		RoomView room = room("500120");
		mvc.perform(get("/venues/" + room.site() + "/screen")).andExpect(status().isOk())
			.andExpect(content().string(containsString("今日安排"))).andExpect(content().string(containsString("<html")));
		mvc.perform(get("/venues/" + room.site() + "/screen").header("HX-Request", "true")).andExpect(status().isOk())
			.andExpect(content().string(containsString("今日开标"))).andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/venues/" + room.site() + "/screen").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Bid openings today")));
		mvc.perform(get("/venues/" + UUID.randomUUID() + "/screen")).andExpect(status().isNotFound());
		mvc.perform(get("/venues/not-a-site/screen")).andExpect(status().isNotFound());
	}
}
