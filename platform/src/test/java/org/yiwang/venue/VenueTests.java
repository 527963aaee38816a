package org.yiwang.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Venues on the real platform and PostgreSQL: the exclusion constraint refuses overlapping bookings (buffers
 * included) whoever writes them, the calendar and opening hours hold, a remote evaluation books both rooms or neither,
 * a section's bookings follow its deadline, and the door admits only the roster with a one-time code.
 */
@PlatformTest
class VenueTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	Venues venues;

	@Autowired
	EvaluationRooms rooms;

	@Autowired
	VenueBoard board;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	/** A site in the region with one room of the kind (30 minutes set-up and clean-up). */
	RoomView room(String region, RoomKind kind) {
		return TestActor.cityStaff().call(() -> {
			SiteView site = venues.addSite(new NewSite(region, "测试场地" + UUID.randomUUID().toString().substring(0, 8) + kind, "测试地址 1 号", "08:30", "18:00"));
			return venues.addRoom(site.id(), new NewRoom(kind.name() + "室", kind.name(), 20, List.of("投影", "录像"), 30, 30));
		});
	}

	LocalDate workingDay(int after) {
		LocalDate day = LocalDate.now(CHINA);
		var schedule = calendar.schedule();
		for (int n = 0; n <= after; n++) {
			day = day.plusDays(1);
			while (!schedule.isWorkingDay(day)) {
				day = day.plusDays(1);
			}
		}
		return day;
	}

	LocalDate holiday() {
		LocalDate day = LocalDate.now(CHINA).plusDays(1);
		while (calendar.schedule().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
	}

	BookingView book(RoomView room, LocalDate day, int fromHour, int fromMinute, int untilHour, int untilMinute) {
		return TestActor.cityStaff().call(() -> venues.book(new NewBooking(room.id(), "OTHER", "测试预约" + run, null,
				at(day, fromHour, fromMinute), at(day, untilHour, untilMinute))));
	}

	static Refusal refusal(Runnable work) {
		try {
			work.run();
		}
		catch (Refusal refusal) {
			return refusal;
		}
		throw new AssertionError("not refused");
	}

	@Test
	void an_overlapping_booking_is_refused_naming_the_room_and_the_booking_it_meets() {
		RoomView room = room("500110", RoomKind.NEGOTIATION_ROOM);
		LocalDate day = workingDay(2);
		BookingView first = book(room, day, 9, 0, 10, 0);
		assertThat(first.occupiedFrom()).isEqualTo(at(day, 8, 30));
		assertThat(first.occupiedUntil()).isEqualTo(at(day, 10, 30));
		Refusal refused = refusal(() -> book(room, day, 9, 30, 11, 0));
		assertThat(refused.status().value()).isEqualTo(409);
		assertThat(refused.field()).isEqualTo("startsAt");
		assertThat(refused.messageKey()).isEqualTo("venue.booking.conflict");
		assertThat(refused.arguments()[1].toString()).contains("测试预约" + run);
	}

	@Test
	void buffers_keep_set_up_and_clean_up_free_and_back_to_back_occupied_ranges_fit() {
		RoomView room = room("500110", RoomKind.AUCTION_ROOM);
		LocalDate day = workingDay(3);
		book(room, day, 9, 0, 10, 0);
		// 10:15 is after the booking but inside its clean-up (until 10:30) and the new one's set-up (from 09:45)
		assertThat(refusal(() -> book(room, day, 10, 15, 11, 0)).messageKey()).isEqualTo("venue.booking.conflict");
		// 11:00 needs set-up from 10:30, exactly when the first booking's clean-up ends: [08:30,10:30) and [10:30,12:30)
		BookingView next = book(room, day, 11, 0, 12, 0);
		assertThat(next.occupiedFrom()).isEqualTo(at(day, 10, 30));
	}

	@Test
	void the_database_itself_refuses_an_overlap_written_around_the_module() {
		RoomView room = room("500110", RoomKind.OPENING_HALL);
		LocalDate day = workingDay(4);
		book(room, day, 14, 0, 15, 0);
		assertThatThrownBy(() -> RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc.sql(
				"insert into venue.bookings (id, room_id, site_id, region_code, purpose, title, starts_at, ends_at, occupied, "
						+ "group_id, group_role, status, booked_by, booked_at) select ?, r.id, r.site_id, r.region_code, 'OTHER', "
						+ "'绕过模块', ?, ?, tstzrange(?, ?), ?, 'SINGLE', 'ACTIVE', 'test', now() from venue.rooms r where r.id = ?")
			.params(UUID.randomUUID(), Bookings.utc(at(day, 15, 10)), Bookings.utc(at(day, 15, 40)),
					Bookings.utc(at(day, 15, 10)), Bookings.utc(at(day, 15, 40)), UUID.randomUUID(), room.id())
			.update())))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("bookings_no_overlap");
		// a cancelled booking frees its time
		BookingView other = book(room, day, 16, 30, 17, 0);
		TestActor.cityStaff().run(() -> venues.cancel(other.id()));
		book(room, day, 16, 30, 17, 30);
	}

	@Test
	void the_working_calendar_opening_hours_and_closures_decide_when_a_room_can_be_used() {
		RoomView room = room("500110", RoomKind.EVALUATION_ROOM);
		assertThat(refusal(() -> book(room, holiday(), 9, 0, 10, 0)).messageKey()).isEqualTo("venue.booking.notWorkingDay");
		LocalDate day = workingDay(5);
		assertThat(refusal(() -> book(room, day, 7, 0, 9, 0)).messageKey()).isEqualTo("venue.booking.outsideHours");
		assertThat(refusal(() -> book(room, day, 17, 0, 19, 0)).messageKey()).isEqualTo("venue.booking.outsideHours");
		TestActor.cityStaff().run(() -> venues.close(room.site(), day.toString(), "设备检修"));
		assertThat(refusal(() -> book(room, day, 9, 0, 10, 0)).messageKey()).isEqualTo("venue.booking.closed");
		assertThat(refusal(() -> TestActor.cityStaff().run(() -> venues.close(room.site(), day.toString(), "再次")))
			.messageKey()).isEqualTo("venue.closure.exists");
	}

	@Test
	void bad_input_is_refused_naming_the_field() {
		TestActor staff = TestActor.cityStaff();
		assertThat(refusal(() -> staff.run(() -> venues.addSite(new NewSite("999999", "名", "址", "08:30", "18:00")))).field())
			.isEqualTo("region");
		assertThat(refusal(() -> staff.run(() -> venues.addSite(new NewSite("500110", " ", "址", "08:30", "18:00")))).field())
			.isEqualTo("name");
		assertThat(refusal(() -> staff.run(() -> venues.addSite(new NewSite("500110", "名" + run, "址", "8点", "18:00")))).field())
			.isEqualTo("opensAt");
		assertThat(refusal(() -> staff.run(() -> venues.addSite(new NewSite("500110", "名" + run, "址", "18:00", "08:00")))).field())
			.isEqualTo("closesAt");
		assertThat(refusal(() -> TestActor.districtStaff("500111")
			.run(() -> venues.addSite(new NewSite("500110", "名" + run, "址", "08:30", "18:00")))).messageKey())
			.isEqualTo("venue.site.notYourRegion");
		RoomView room = room("500110", RoomKind.NEGOTIATION_ROOM);
		assertThat(refusal(() -> staff.run(() -> venues.addRoom(room.site(), new NewRoom("新", "KITCHEN", 3, List.of(), 0, 0))))
			.field()).isEqualTo("kind");
		assertThat(refusal(() -> staff.run(() -> venues.addRoom(room.site(), new NewRoom("新", "EVALUATION_ROOM", 0, List.of(), 0, 0))))
			.field()).isEqualTo("seats");
		assertThat(refusal(() -> staff.run(() -> venues.addRoom(room.site(), new NewRoom("新", "EVALUATION_ROOM", 5, List.of(), -1, 0))))
			.field()).isEqualTo("setupMinutes");
		assertThat(refusal(() -> staff.run(() -> venues.addRoom(room.site(), new NewRoom(room.name(), "EVALUATION_ROOM", 5, List.of(), 0, 0))))
			.messageKey()).isEqualTo("venue.room.nameTaken");
		LocalDate day = workingDay(1);
		assertThat(refusal(() -> staff.run(() -> venues.book(new NewBooking(room.id(), "OTHER", "x", null, at(day, 10, 0),
				at(day, 9, 0))))).field()).isEqualTo("endsAt");
		assertThat(refusal(() -> staff.run(() -> venues.book(new NewBooking(room.id(), "OTHER", "x", null,
				Instant.now().minusSeconds(3600), Instant.now())))).messageKey()).isEqualTo("venue.booking.past");
		assertThat(refusal(() -> staff.run(() -> venues.book(new NewBooking(room.id(), "PARTY", "x", null, at(day, 9, 0),
				at(day, 10, 0))))).field()).isEqualTo("purpose");
		assertThat(refusal(() -> staff.run(() -> venues.book(new NewBooking(UUID.randomUUID(), "OTHER", "x", null,
				at(day, 9, 0), at(day, 10, 0))))).field()).isEqualTo("room");
		assertThat(refusal(() -> staff.run(() -> board.utilisation("2026-13"))).field()).isEqualTo("month");
	}

	@Test
	void a_district_sees_and_books_only_its_own_rooms() {
		RoomView room = room("500110", RoomKind.NEGOTIATION_ROOM);
		TestActor other = TestActor.districtStaff("500111");
		assertThat(other.call(venues::sites)).noneMatch(s -> s.id().equals(room.site()));
		assertThat(refusal(() -> other.run(() -> venues.site(room.site()))).status().value()).isEqualTo(404);
		LocalDate day = workingDay(1);
		assertThat(refusal(() -> other.run(() -> venues.book(new NewBooking(room.id(), "OTHER", "x", null, at(day, 9, 0),
				at(day, 10, 0))))).field()).isEqualTo("room");
		TestActor own = TestActor.districtStaff("500110");
		assertThat(own.call(venues::sites)).anyMatch(s -> s.id().equals(room.site()));
		assertThat(refusal(() -> TestActor.of("bidder" + run, org.yiwang.kernel.Role.BIDDER, "500110", false)
			.run(venues::sites)).status().value()).isEqualTo(403);
	}

	@Test
	void a_remote_evaluation_books_both_rooms_or_neither() {
		RoomView main = room("500111", RoomKind.EVALUATION_ROOM);
		RoomView secondary = room("500114", RoomKind.EVALUATION_ROOM);
		RoomView sameDistrict = room("500111", RoomKind.EVALUATION_ROOM);
		LocalDate day = workingDay(2);
		NewRemoteEvaluation remote = new NewRemoteEvaluation(main.id(), secondary.id(), "远程评标" + run, "REF-" + run,
				at(day, 9, 0), at(day, 17, 0));
		// the secondary room is taken in the afternoon: nothing is booked, the main room neither
		book(secondary, day, 14, 0, 15, 0);
		Refusal refused = refusal(() -> TestActor.cityStaff().run(() -> venues.bookRemote(remote)));
		assertThat(refused.field()).isEqualTo("secondaryRoom");
		assertThat(refused.messageKey()).isEqualTo("venue.booking.conflict");
		assertThat(TestActor.cityStaff().call(() -> venues.bookings(main.site(), day, 1))).isEmpty();
		assertThat(refusal(() -> TestActor.cityStaff().run(() -> venues.bookRemote(new NewRemoteEvaluation(main.id(),
				sameDistrict.id(), "同区", null, at(day, 9, 0), at(day, 17, 0))))).messageKey())
			.isEqualTo("venue.remote.sameDistrict");
		assertThat(refusal(() -> TestActor.districtStaff("500111").run(() -> venues.bookRemote(remote))).status().value())
			.isEqualTo(403);
		LocalDate free = workingDay(3);
		List<BookingView> both = TestActor.cityStaff().call(() -> venues.bookRemote(new NewRemoteEvaluation(main.id(),
				secondary.id(), "远程评标" + run, "REF-" + run, at(free, 9, 0), at(free, 17, 0))));
		assertThat(both).extracting(BookingView::groupRole).containsExactlyInAnyOrder("MAIN", "SECONDARY");
		assertThat(both).extracting(BookingView::group).containsOnly(both.get(0).group());
		assertThat(both).extracting(b -> b.region().value()).containsExactlyInAnyOrder("500111", "500114");
	}

	@Test
	void a_sections_rooms_follow_its_deadline_and_a_full_district_is_a_problem_before_publication() {
		RoomView hall = room("500115", RoomKind.OPENING_HALL);
		RoomView evaluation = room("500115", RoomKind.EVALUATION_ROOM);
		String code = "CQ-500115-TEST-" + run;
		LocalDate day = workingDay(6);
		Instant deadline = at(day, 9, 30);
		RegionCode region = RegionCode.of("500115");
		TenderBookings check = TestActor.districtStaff("500115")
			.call(() -> venues.checkTender(code, region, deadline));
		assertThat(check.opening()).map(BookingView::roomName).contains(hall.name());
		TenderBookings booked = TestActor.districtStaff("500115")
			.call(() -> venues.bookTender(code, region, "测试项目 一标段", deadline));
		assertThat(booked.opening().orElseThrow().startsAt()).isEqualTo(deadline);
		assertThat(booked.opening().orElseThrow().room()).isEqualTo(hall.id());
		assertThat(booked.evaluation().orElseThrow().room()).isEqualTo(evaluation.id());
		assertThat(booked.evaluation().orElseThrow().startsAt().atZone(CHINA).toLocalDate()).isAfter(day);

		// the deadline moves by a week: both bookings move, the old ones are cancelled
		LocalDate later = workingDay(11);
		TenderBookings moved = RegionScopes.callAsPlatform(() -> TestActor.cityStaff()
			.call(() -> venues.moveTender(code, region, "测试项目 一标段", at(later, 10, 0))));
		assertThat(moved.opening().orElseThrow().startsAt()).isEqualTo(at(later, 10, 0));
		List<BookingView> all = TestActor.cityStaff().call(() -> venues.bookingsFor(code));
		assertThat(all).hasSize(4);
		assertThat(all.stream().filter(BookingView::active)).hasSize(2)
			.allMatch(b -> !b.startsAt().isBefore(at(later, 0, 0)));

		// another section at the same time in the same district finds no free hall: refused before publication
		Refusal full = refusal(() -> TestActor.districtStaff("500115")
			.run(() -> venues.checkTender("CQ-OTHER-" + run, region, at(later, 10, 0))));
		assertThat(full.field()).isEqualTo("bidDeadline");
		assertThat(full.messageKey()).isEqualTo("venue.tender.noOpeningHall");
		// a deadline outside the hall's hours neither
		assertThat(refusal(() -> TestActor.districtStaff("500115")
			.run(() -> venues.checkTender("CQ-NIGHT-" + run, region, at(later, 20, 0)))).messageKey())
			.isEqualTo("venue.tender.noOpeningHall");
		// a district without rooms opens online: nothing to book, nothing refused
		TenderBookings online = TestActor.cityStaff().call(() -> venues.checkTender("CQ-ONLINE-" + run,
				RegionCode.of("500238"), at(later, 20, 0)));
		assertThat(online.opening()).isEmpty();
		assertThat(online.evaluation()).isEmpty();
	}

	@Test
	void only_the_roster_enters_with_a_one_time_code_in_its_own_room_and_every_attempt_is_logged() {
		RoomView main = room("500117", RoomKind.EVALUATION_ROOM);
		RoomView secondary = room("500118", RoomKind.EVALUATION_ROOM);
		LocalDate day = workingDay(1);
		List<BookingView> both = TestActor.cityStaff().call(() -> venues.bookRemote(new NewRemoteEvaluation(main.id(),
				secondary.id(), "隔离测试" + run, "ISO-" + run, at(day, 9, 0), at(day, 17, 0))));
		BookingView mainBooking = both.stream().filter(b -> b.groupRole().equals("MAIN")).findFirst().orElseThrow();
		BookingView secondBooking = both.stream().filter(b -> b.groupRole().equals("SECONDARY")).findFirst().orElseThrow();
		// the committee comes from evaluation: seated in the main room, one expert with a registered certificate
		String pem = "-----BEGIN CERTIFICATE-----\nAQIDBAUGBwg=\n-----END CERTIFICATE-----\n";
		int seated = rooms.seatCommittee("ISO-" + run, List.of(new EvaluationRooms.Expert("exp.a" + run, "甲专家", null),
				new EvaluationRooms.Expert("exp.b" + run, "乙专家", EvaluationRooms.certificateSha256(pem))));
		assertThat(seated).isEqualTo(2);
		TestActor staff = TestActor.cityStaff();
		// staff move expert A to the secondary venue
		staff.run(() -> rooms.seat(secondBooking.id(), "exp.a" + run, "甲专家"));
		assertThat(staff.call(() -> rooms.roster(mainBooking.group())))
			.anySatisfy(e -> {
				assertThat(e.username()).isEqualTo("exp.a" + run);
				assertThat(e.booking()).isEqualTo(secondBooking.id());
			});

		String code = staff.call(() -> rooms.issueCode(secondBooking.id(), "exp.a" + run));
		assertThat(code).matches("\\d{6}");
		// at the main room's door: seated elsewhere
		assertThat(refusal(() -> staff.run(() -> rooms.checkIn(mainBooking.id(), "exp.a" + run, code, null))).messageKey())
			.isEqualTo("venue.door.otherRoom");
		// someone off the roster
		assertThat(refusal(() -> staff.run(() -> rooms.checkIn(secondBooking.id(), "stranger" + run, code, null))).messageKey())
			.isEqualTo("venue.door.notOnRoster");
		// a wrong code
		String wrong = code.equals("000000") ? "111111" : "000000";
		assertThat(refusal(() -> staff.run(() -> rooms.checkIn(secondBooking.id(), "exp.a" + run, wrong, null))).field())
			.isEqualTo("code");
		RosterEntryView in = staff.call(() -> rooms.checkIn(secondBooking.id(), "exp.a" + run, code, null));
		assertThat(in.inside()).isTrue();
		// the code is spent
		staff.run(() -> rooms.checkOut(secondBooking.id(), "exp.a" + run));
		assertThat(refusal(() -> staff.run(() -> rooms.checkIn(secondBooking.id(), "exp.a" + run, code, null))).messageKey())
			.isEqualTo("venue.door.code");

		// expert B must show the registered certificate
		String codeB = staff.call(() -> rooms.issueCode(mainBooking.id(), "exp.b" + run));
		assertThat(refusal(() -> staff.run(() -> rooms.checkIn(mainBooking.id(), "exp.b" + run, codeB, null))).field())
			.isEqualTo("certificate");
		assertThat(staff.call(() -> rooms.checkIn(mainBooking.id(), "exp.b" + run, codeB, pem)).checkedInAt()).isNotNull();

		List<AccessEntryView> log = staff.call(() -> rooms.log(mainBooking.group()));
		assertThat(log).extracting(AccessEntryView::action)
			.containsExactly("REFUSED", "REFUSED", "REFUSED", "CHECK_IN", "CHECK_OUT", "REFUSED", "REFUSED", "CHECK_IN");
		assertThat(log).extracting(AccessEntryView::reason).contains("venue.door.notOnRoster", "venue.door.otherRoom");
		// the other district's staff do not see this room's door
		assertThat(refusal(() -> TestActor.districtStaff("500110").run(() -> rooms.issueCode(mainBooking.id(), "exp.b" + run)))
			.status().value()).isEqualTo(404);
	}

	@Test
	void utilisation_counts_booked_hours_with_buffers_over_open_hours() {
		RoomView room = room("500119", RoomKind.NEGOTIATION_ROOM);
		LocalDate day = workingDay(1);
		book(room, day, 9, 0, 11, 0);
		UtilisationView use = TestActor.districtStaff("500119").call(() -> board.utilisation(day.toString().substring(0, 7)));
		UtilisationView.RoomUse mine = use.rooms().stream().filter(r -> r.room().equals(room.id())).findFirst().orElseThrow();
		assertThat(mine.bookedHours()).isEqualTo(3.0);
		assertThat(mine.openHours()).isGreaterThan(9.5);
		assertThat(mine.percent()).isGreaterThan(0);
		assertThat(use.sites()).anyMatch(s -> s.site().equals(room.site()));
	}
}
