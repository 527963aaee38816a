package org.yiwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.system.Refusal;
import org.yiwang.venue.NewBooking;
import org.yiwang.venue.NewRemoteEvaluation;
import org.yiwang.venue.NewRoom;
import org.yiwang.venue.NewSite;
import org.yiwang.venue.RoomKind;
import org.yiwang.venue.RoomView;
import org.yiwang.venue.SiteView;
import org.yiwang.venue.Venues;

/**
 * With demo data on: venue sites in three districts (北碚, 巴南, 江津) with opening halls, evaluation rooms, a
 * negotiation room and an auction room, a few bookings on the next working days and a remote evaluation between
 * 北碚 and 巴南, all through the venue module's entry point as city-wide staff. Districts no other demo tenders in,
 * so the demo's own tenders keep opening online; a tender published in one of these districts books their rooms.
 * Made once: a start that finds the sites leaves them as they are.
 */
@Component
@DemoOn
@Order(140)
class VenueDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(VenueDemo.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private record Site(String region, String name, String address) {
	}

	private static final List<Site> SITES = List.of(
			new Site("500109", "北碚区公共资源交易中心", "重庆市北碚区云华路 88 号"),
			new Site("500113", "巴南区公共资源交易中心", "重庆市巴南区龙洲大道 1 号"),
			new Site("500116", "江津区公共资源交易中心", "重庆市江津区鼎山大道 66 号"));

	private final Venues venues;

	private final WorkingCalendar calendar;

	private final Clock clock;

	VenueDemo(Venues venues, WorkingCalendar calendar, Clock clock) {
		this.venues = venues;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoActing.startUp().run(this::seed);
	}

	private void seed() {
		Map<String, SiteView> existing = venues.sites().stream()
			.collect(Collectors.toMap(s -> s.region().value() + "/" + s.name(), s -> s, (a, b) -> a));
		if (SITES.stream().allMatch(s -> existing.containsKey(s.region() + "/" + s.name()))) {
			return;
		}
		for (Site site : SITES) {
			if (existing.containsKey(site.region() + "/" + site.name())) {
				continue;
			}
			SiteView added = venues.addSite(new NewSite(site.region(), site.name(), site.address(), "08:30", "18:00"));
			venues.addRoom(added.id(), new NewRoom("开标一室", "OPENING_HALL", 60, List.of("投影", "音响", "同步录像"), 30, 30));
			venues.addRoom(added.id(), new NewRoom("评标一室", "EVALUATION_ROOM", 12,
					List.of("隔离门禁", "手机存放柜", "同步录像", "远程视频"), 30, 30));
			venues.addRoom(added.id(), new NewRoom("评标二室", "EVALUATION_ROOM", 9, List.of("隔离门禁", "手机存放柜"), 30, 30));
			if (site.region().equals("500109")) {
				venues.addRoom(added.id(), new NewRoom("谈判室", "NEGOTIATION_ROOM", 8, List.of("录音"), 15, 15));
				venues.addRoom(added.id(), new NewRoom("拍卖厅", "AUCTION_ROOM", 80, List.of("竞价大屏", "音响"), 60, 30));
			}
		}
		bookings();
		log.info("Demo venues: {} sites with their rooms", SITES.size());
	}

	/** A few bookings on the coming working days, so the screens and the utilisation chart have something to show. */
	private void bookings() {
		List<RoomView> rooms = venues.allRooms();
		LocalDate day = clock.instant().atZone(CHINA).toLocalDate();
		for (int n = 0; n < 5; n++) {
			day = nextWorkingDay(day);
			for (RoomView room : rooms) {
				if (!room.region().value().equals("500109") && !room.region().value().equals("500113")) {
					continue;
				}
				String purpose = switch (room.kind()) {
					case OPENING_HALL -> "OPENING";
					case AUCTION_ROOM -> "AUCTION";
					case NEGOTIATION_ROOM -> "NEGOTIATION";
					case EVALUATION_ROOM -> "EVALUATION";
				};
				if (room.kind() == RoomKind.EVALUATION_ROOM && room.name().equals("评标一室")) {
					continue;
				}
				LocalDate on = day;
				attempt(() -> venues.book(new NewBooking(room.id(), purpose, "示范" + room.name() + "预约", null,
						at(on, LocalTime.of(9, 30)), at(on, LocalTime.of(11, 30)))));
			}
		}
		LocalDate remoteDay = nextWorkingDay(nextWorkingDay(clock.instant().atZone(CHINA).toLocalDate()));
		UUID main = room(rooms, "500109", "评标一室");
		UUID secondary = room(rooms, "500113", "评标一室");
		if (main != null && secondary != null) {
			attempt(() -> venues.bookRemote(new NewRemoteEvaluation(main, secondary, "示范远程异地评标（北碚主场、巴南副场）", null,
					at(remoteDay, LocalTime.of(9, 0)), at(remoteDay, LocalTime.of(17, 0)))));
		}
	}

	private LocalDate nextWorkingDay(LocalDate from) {
		LocalDate day = from.plusDays(1);
		var schedule = calendar.schedule();
		while (!schedule.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static java.time.Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(CHINA).toInstant();
	}

	private static UUID room(List<RoomView> rooms, String region, String name) {
		return rooms.stream().filter(r -> r.region().value().equals(region) && r.name().equals(name)).map(RoomView::id)
			.findFirst().orElse(null);
	}

	/** A demo booking that clashes with the working calendar or another booking is simply left out. */
	private static void attempt(Runnable booking) {
		try {
			booking.run();
		}
		catch (Refusal refused) {
			log.debug("Demo booking left out: {}", refused.messageKey());
		}
	}
}
