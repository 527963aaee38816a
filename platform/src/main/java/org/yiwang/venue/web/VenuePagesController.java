package org.yiwang.venue.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Acting;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;
import org.yiwang.venue.BookingPurpose;
import org.yiwang.venue.BookingView;
import org.yiwang.venue.EvaluationRooms;
import org.yiwang.venue.NewBooking;
import org.yiwang.venue.NewRemoteEvaluation;
import org.yiwang.venue.NewRoom;
import org.yiwang.venue.NewSite;
import org.yiwang.venue.RoomKind;
import org.yiwang.venue.RoomView;
import org.yiwang.venue.SiteView;
import org.yiwang.venue.UtilisationView;
import org.yiwang.venue.VenueBoard;
import org.yiwang.venue.Venues;

import tools.jackson.databind.json.JsonMapper;

/**
 * The staff's venue pages (sites, a site's rooms, closures and bookings, a booking's roster and door, bookings by trade
 * code, utilisation) and each site's public screen, which polls its own fragment.
 */
@Controller
class VenuePagesController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Venues venues;

	private final EvaluationRooms rooms;

	private final VenueBoard board;

	private final Catalog catalog;

	private final MessageSource messages;

	private final JsonMapper json;

	VenuePagesController(Venues venues, EvaluationRooms rooms, VenueBoard board, Catalog catalog, MessageSource messages,
			JsonMapper json) {
		this.venues = venues;
		this.rooms = rooms;
		this.board = board;
		this.catalog = catalog;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/venues")
	String sites(Model model) {
		Acting acting = Actors.required();
		model.addAttribute("sites", venues.sites());
		model.addAttribute("regions", catalog.regions().stream()
			.filter(r -> r.active() && acting.regionScope().covers(r.code())).toList());
		List<RoomView> evaluationRooms = venues.allRooms().stream().filter(r -> r.kind() == RoomKind.EVALUATION_ROOM)
			.toList();
		model.addAttribute("evaluationRooms", evaluationRooms);
		model.addAttribute("cityWide", acting.regionScope().all());
		return "venue/sites";
	}

	@PostMapping("/venues/sites")
	String addSite(@RequestParam(required = false) String region, @RequestParam(required = false) String name,
			@RequestParam(required = false) String address, @RequestParam(required = false) String opensAt,
			@RequestParam(required = false) String closesAt, RedirectAttributes redirect) {
		SiteView[] added = new SiteView[1];
		Forms.attempt(redirect, "venue.saved.site",
				() -> added[0] = venues.addSite(new NewSite(region, name, address, opensAt, closesAt)));
		keep(redirect, added[0] == null, pairs("region", region, "name", name, "address", address, "opensAt", opensAt,
				"closesAt", closesAt));
		return added[0] == null ? "redirect:/venues" : "redirect:/venues/sites/" + added[0].id();
	}

	@GetMapping("/venues/sites/{id}")
	String site(@PathVariable UUID id, Model model) {
		SiteView site = venues.site(id);
		model.addAttribute("site", site);
		model.addAttribute("rooms", venues.rooms(id));
		model.addAttribute("closures", venues.closures(id));
		LocalDate today = LocalDate.now(CHINA);
		model.addAttribute("bookings", venues.bookings(id, today.minusDays(1), 60));
		model.addAttribute("kinds", RoomKind.values());
		model.addAttribute("purposes", Arrays.stream(BookingPurpose.values())
			.filter(p -> p != BookingPurpose.REMOTE_EVALUATION).toList());
		return "venue/site";
	}

	@PostMapping("/venues/sites/{id}/rooms")
	String addRoom(@PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String seats,
			@RequestParam(required = false) String equipment, @RequestParam(required = false) String setupMinutes,
			@RequestParam(required = false) String cleanupMinutes, RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.room", () -> venues.addRoom(id, new NewRoom(name, kind,
				integer("seats", seats, "venue.room.seats"), equipment == null ? List.of()
						: Arrays.stream(equipment.split("[,，、;；]")).map(String::strip).toList(),
				integer("setupMinutes", setupMinutes, "venue.room.buffer"),
				integer("cleanupMinutes", cleanupMinutes, "venue.room.buffer"))));
		return "redirect:/venues/sites/" + id;
	}

	@PostMapping("/venues/sites/{id}/closures")
	String close(@PathVariable UUID id, @RequestParam(required = false) String day,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.closure", () -> venues.close(id, day, reason));
		return "redirect:/venues/sites/" + id;
	}

	@PostMapping("/venues/sites/{id}/bookings")
	String book(@PathVariable UUID id, @RequestParam(required = false) String room,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String title,
			@RequestParam(required = false) String reference, @RequestParam(required = false) String day,
			@RequestParam(required = false) String from, @RequestParam(required = false) String until,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.booking", () -> venues.book(new NewBooking(uuid("room", room), purpose,
				title, reference, at(day, from, "startsAt"), at(day, until, "endsAt"))));
		keep(redirect, !redirect.getFlashAttributes().containsKey("saved"), pairs("room", room, "purpose", purpose,
				"title", title, "reference", reference, "day", day, "from", from, "until", until));
		return "redirect:/venues/sites/" + id;
	}

	@PostMapping("/venues/remote")
	String remote(@RequestParam(required = false) String mainRoom, @RequestParam(required = false) String secondaryRoom,
			@RequestParam(required = false) String title, @RequestParam(required = false) String reference,
			@RequestParam(required = false) String day, @RequestParam(required = false) String from,
			@RequestParam(required = false) String until, RedirectAttributes redirect) {
		List<BookingView>[] booked = new List[1];
		Forms.attempt(redirect, "venue.saved.remote", () -> booked[0] = venues.bookRemote(new NewRemoteEvaluation(
				uuid("mainRoom", mainRoom), uuid("secondaryRoom", secondaryRoom), title, reference,
				at(day, from, "startsAt"), at(day, until, "endsAt"))));
		keep(redirect, booked[0] == null, pairs("mainRoom", mainRoom, "secondaryRoom", secondaryRoom, "title", title,
				"reference", reference, "day", day, "from", from, "until", until));
		return booked[0] == null ? "redirect:/venues" : "redirect:/venues/bookings/" + booked[0].get(0).id();
	}

	@GetMapping("/venues/bookings")
	String byReference(@RequestParam(required = false) String reference, Model model) {
		model.addAttribute("reference", reference);
		model.addAttribute("bookings", reference == null || reference.isBlank() ? List.of()
				: venues.bookingsFor(reference.trim()));
		return "venue/bookings";
	}

	@GetMapping("/venues/bookings/{id}")
	String booking(@PathVariable UUID id, Model model) {
		BookingView booking = venues.booking(id);
		model.addAttribute("booking", booking);
		model.addAttribute("group", venues.group(booking.group()));
		model.addAttribute("roster", rooms.roster(booking.group()));
		model.addAttribute("log", rooms.log(booking.group()));
		model.addAttribute("evaluation", booking.purpose() == BookingPurpose.EVALUATION
				|| booking.purpose() == BookingPurpose.REMOTE_EVALUATION);
		return "venue/booking";
	}

	@PostMapping("/venues/bookings/{id}/roster")
	String seat(@PathVariable UUID id, @RequestParam(required = false) String room,
			@RequestParam(required = false) String username, @RequestParam(required = false) String expertName,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.seated", () -> rooms.seat(room == null || room.isBlank() ? id
				: uuid("room", room), username, expertName));
		return "redirect:/venues/bookings/" + id;
	}

	@PostMapping("/venues/bookings/{id}/codes")
	String issueCode(@PathVariable UUID id, @RequestParam(required = false) String room,
			@RequestParam(required = false) String username, RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.code", () -> {
			String code = rooms.issueCode(uuid("room", room), username);
			redirect.addFlashAttribute("issuedCode", code);
			redirect.addFlashAttribute("issuedFor", username);
		});
		return "redirect:/venues/bookings/" + id;
	}

	@PostMapping("/venues/bookings/{id}/check-in")
	String checkIn(@PathVariable UUID id, @RequestParam(required = false) String room,
			@RequestParam(required = false) String username, @RequestParam(required = false) String code,
			@RequestParam(required = false) String certificate, RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.checkedIn", () -> rooms.checkIn(uuid("room", room), username, code,
				certificate));
		return "redirect:/venues/bookings/" + id;
	}

	@PostMapping("/venues/bookings/{id}/check-out")
	String checkOut(@PathVariable UUID id, @RequestParam(required = false) String room,
			@RequestParam(required = false) String username, RedirectAttributes redirect) {
		Forms.attempt(redirect, "venue.saved.checkedOut", () -> rooms.checkOut(uuid("room", room), username));
		return "redirect:/venues/bookings/" + id;
	}

	@PostMapping("/venues/bookings/{id}/cancellation")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		BookingView booking = venues.booking(id);
		Forms.attempt(redirect, "venue.saved.cancelled", () -> venues.cancel(id));
		return "redirect:/venues/sites/" + booking.site();
	}

	@GetMapping("/venues/utilisation")
	String utilisation(@RequestParam(required = false) String month, Model model, Locale locale) {
		UtilisationView use;
		try {
			use = board.utilisation(month);
		}
		catch (Refusal refusal) {
			model.addAttribute("refused", refusal.messageKey());
			model.addAttribute("refusedField", refusal.field());
			use = board.utilisation(null);
		}
		model.addAttribute("use", use);
		model.addAttribute("siteChart", json.writeValueAsString(Map.of(
				"title", messages.getMessage("venue.utilisation.bySite", new Object[] { use.month() }, locale),
				"labels", use.sites().stream().map(UtilisationView.SiteUse::siteName).toList(),
				"values", use.sites().stream().map(UtilisationView.SiteUse::percent).toList())));
		model.addAttribute("roomChart", json.writeValueAsString(Map.of(
				"title", messages.getMessage("venue.utilisation.byRoom", new Object[] { use.month() }, locale),
				"labels", use.rooms().stream().map(r -> r.siteName() + " " + r.roomName()).toList(),
				"values", use.rooms().stream().map(UtilisationView.RoomUse::percent).toList())));
		return "venue/utilisation";
	}

	@GetMapping("/venues/{id}/screen")
	String screen(@PathVariable("id") String site, Model model, HttpServletRequest request) {
		UUID id;
		try {
			id = UUID.fromString(site);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("venue.site.notFound");
		}
		model.addAttribute("screen", board.screen(id));
		return Forms.isFragmentRequest(request) ? "venue/screen :: board" : "venue/screen";
	}

	// ---- input ---------------------------------------------------------------------------------------------------

	/** What was typed into a refused form, to fill it again (values may be missing). */
	private static void keep(RedirectAttributes redirect, boolean refused, Map<String, String> typed) {
		if (refused) {
			redirect.addFlashAttribute("typed", typed);
		}
	}

	private static Map<String, String> pairs(String... keysAndValues) {
		Map<String, String> map = new java.util.HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
		}
		return map;
	}

	private static Integer integer(String field, String value, String key) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(field, key, 0, 0);
		}
	}

	private static UUID uuid(String field, String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "venue.booking.room");
		}
	}

	/** A day and a time of day in Beijing time; refuses naming the field when either does not parse. */
	private static Instant at(String day, String time, String field) {
		LocalDate date;
		try {
			date = LocalDate.parse(day == null ? "" : day.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid("day", "venue.booking.day");
		}
		try {
			return date.atTime(LocalTime.parse(time == null ? "" : time.trim())).atZone(CHINA).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid(field.equals("startsAt") ? "from" : "until", "venue.booking.time");
		}
	}
}
