package org.yiwang.venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The venue module's entry point: sites, rooms and closures (city staff everywhere, district staff in their district),
 * bookings by hand, remote evaluations (two rooms booked together) and the bookings tendering asks for when a section
 * is published or its deadline moves. A room is bookable on the working calendar's working days, within its site's
 * hours, on days the site is not closed; the database refuses two bookings whose times, buffers included, overlap.
 */
@Service
public class Venues {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** An opening takes an hour in the hall; the committee sits from 09:00 to 17:00 on the next working day. */
	static final Duration OPENING = Duration.ofHours(1);

	static final LocalTime EVALUATION_FROM = LocalTime.of(9, 0);

	static final LocalTime EVALUATION_UNTIL = LocalTime.of(17, 0);

	private final Sites sites;

	private final Bookings bookings;

	private final Catalog catalog;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Venues(Sites sites, Bookings bookings, Catalog catalog, WorkingCalendar calendar, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.sites = sites;
		this.bookings = bookings;
		this.catalog = catalog;
		this.calendar = calendar;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	static Acting staff() {
		return Actors.requireAnyRole("venue.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	<T> T tx(Supplier<T> work) {
		return transactions.execute(s -> work.get());
	}

	// ---- sites and rooms ---------------------------------------------------------------------------------------

	/** Staff add a site in a region they cover. */
	public SiteView addSite(NewSite site) {
		Acting staff = staff();
		if (site == null) {
			throw Refusal.invalid("region", "venue.site.region");
		}
		RegionCode region = region(site.region(), staff);
		String name = text(site.name(), "name", "venue.site.name", 80);
		String address = text(site.address(), "address", "venue.site.address", 200);
		LocalTime opens = time(site.opensAt(), "opensAt");
		LocalTime closes = time(site.closesAt(), "closesAt");
		if (!opens.isBefore(closes)) {
			throw Refusal.invalid("closesAt", "venue.site.hours");
		}
		return tx(() -> {
			if (sites.nameTaken(region, name)) {
				throw Refusal.conflict("name", "venue.site.nameTaken", name);
			}
			SiteView added = new SiteView(UUID.randomUUID(), region, name, address, opens, closes);
			Instant now = clock.instant();
			sites.add(added, staff.actor().username(), now);
			events.publishEvent(new VenueChanged.SiteAdded(staff.actor(), added.id(), name, region, now));
			return added;
		});
	}

	/** The sites the staff member's scope covers. */
	public List<SiteView> sites() {
		staff();
		return tx(sites::all);
	}

	/** A site the staff member covers; not found otherwise. */
	public SiteView site(UUID id) {
		staff();
		return tx(() -> sites.byId(id)).orElseThrow(() -> Refusal.notFound("venue.site.notFound"));
	}

	public List<RoomView> rooms(UUID site) {
		site(site);
		return tx(() -> sites.rooms(site));
	}

	/** Every room the staff member's scope covers. */
	public List<RoomView> allRooms() {
		staff();
		return tx(sites::allRooms);
	}

	public List<ClosureView> closures(UUID site) {
		site(site);
		return tx(() -> sites.closures(site));
	}

	public RoomView addRoom(UUID siteId, NewRoom room) {
		Acting staff = staff();
		SiteView site = site(siteId);
		if (room == null) {
			throw Refusal.invalid("name", "venue.room.name");
		}
		String name = text(room.name(), "name", "venue.room.name", 80);
		RoomKind kind = parse(RoomKind.class, room.kind(), "kind", "venue.room.kind");
		int seats = number(room.seats(), 1, 1000, "seats", "venue.room.seats");
		int setup = number(room.setupMinutes(), 0, 240, "setupMinutes", "venue.room.buffer");
		int cleanup = number(room.cleanupMinutes(), 0, 240, "cleanupMinutes", "venue.room.buffer");
		List<String> equipment = new ArrayList<>();
		for (String item : room.equipment() == null ? List.<String>of() : room.equipment()) {
			if (item != null && !item.isBlank()) {
				equipment.add(text(item, "equipment", "venue.room.equipment", 40));
			}
		}
		return tx(() -> {
			if (sites.roomNameTaken(site.id(), name)) {
				throw Refusal.conflict("name", "venue.room.nameTaken", name);
			}
			RoomView added = new RoomView(UUID.randomUUID(), site.id(), site.name(), site.region(), name, kind, seats,
					List.copyOf(equipment), setup, cleanup);
			Instant now = clock.instant();
			sites.addRoom(added, now);
			events.publishEvent(new VenueChanged.RoomAdded(staff.actor(), site.id(), added.id(), kind.name(),
					site.region(), now));
			return added;
		});
	}

	/** Closes a site for a day the working calendar counts (maintenance, an event); bookings that day stay as made. */
	public void close(UUID siteId, String day, String reason) {
		Acting staff = staff();
		SiteView site = site(siteId);
		LocalDate date;
		try {
			date = LocalDate.parse(day == null ? "" : day.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid("day", "venue.closure.day");
		}
		String why = text(reason, "reason", "venue.closure.reason", 200);
		tx(() -> {
			if (!sites.close(site.id(), site.region(), date, why, staff.actor().username())) {
				throw Refusal.conflict("day", "venue.closure.exists");
			}
			events.publishEvent(new VenueChanged.SiteClosed(staff.actor(), site.id(), date.toString(), site.region(),
					clock.instant()));
			return null;
		});
	}

	// ---- bookings ----------------------------------------------------------------------------------------------

	/** Staff book a room by hand. */
	public BookingView book(NewBooking booking) {
		Acting staff = staff();
		if (booking == null || booking.room() == null) {
			throw Refusal.invalid("room", "venue.booking.room");
		}
		BookingPurpose purpose = parse(BookingPurpose.class, booking.purpose(), "purpose", "venue.booking.purpose");
		if (purpose == BookingPurpose.REMOTE_EVALUATION) {
			throw Refusal.invalid("purpose", "venue.booking.purpose");
		}
		String title = text(booking.title(), "title", "venue.booking.title", 200);
		String reference = optional(booking.reference(), "reference", 60);
		times(booking.startsAt(), booking.endsAt());
		return tx(() -> {
			RoomView room = sites.room(booking.room()).orElseThrow(() -> Refusal.invalid("room", "venue.booking.room"));
			UUID id = UUID.randomUUID();
			place(id, room, purpose, reference, title, booking.startsAt(), booking.endsAt(), id, "SINGLE",
					staff.actor().username());
			return bookings.byId(id).orElseThrow();
		});
	}

	/**
	 * City-wide staff book a remote evaluation: two evaluation rooms in different districts for the same times, both or
	 * neither (one transaction; a conflict in either refuses the whole).
	 */
	public List<BookingView> bookRemote(NewRemoteEvaluation remote) {
		Acting staff = staff();
		if (!staff.regionScope().all()) {
			throw Refusal.forbidden("venue.remote.cityWide");
		}
		if (remote == null || remote.mainRoom() == null) {
			throw Refusal.invalid("mainRoom", "venue.booking.room");
		}
		if (remote.secondaryRoom() == null) {
			throw Refusal.invalid("secondaryRoom", "venue.booking.room");
		}
		String title = text(remote.title(), "title", "venue.booking.title", 200);
		String reference = optional(remote.reference(), "reference", 60);
		times(remote.startsAt(), remote.endsAt());
		return tx(() -> {
			RoomView main = evaluationRoom(remote.mainRoom(), "mainRoom");
			RoomView secondary = evaluationRoom(remote.secondaryRoom(), "secondaryRoom");
			if (main.region().equals(secondary.region())) {
				throw Refusal.invalid("secondaryRoom", "venue.remote.sameDistrict");
			}
			UUID group = UUID.randomUUID();
			String by = staff.actor().username();
			place(group, main, BookingPurpose.REMOTE_EVALUATION, reference, title, remote.startsAt(), remote.endsAt(),
					group, "MAIN", by);
			place(UUID.randomUUID(), secondary, BookingPurpose.REMOTE_EVALUATION, reference, title, remote.startsAt(),
					remote.endsAt(), group, "SECONDARY", by, "secondaryRoom");
			return bookings.group(group);
		});
	}

	private RoomView evaluationRoom(UUID id, String field) {
		RoomView room = sites.room(id).orElseThrow(() -> Refusal.invalid(field, "venue.booking.room"));
		if (room.kind() != RoomKind.EVALUATION_ROOM) {
			throw Refusal.invalid(field, "venue.remote.notEvaluationRoom", room.name());
		}
		return room;
	}

	/** Cancels a booking (with the other room of its remote evaluation). */
	public void cancel(UUID id) {
		Acting staff = staff();
		tx(() -> {
			BookingView booking = bookings.byId(id).orElseThrow(() -> Refusal.notFound("venue.booking.notFound"));
			for (BookingView b : bookings.group(booking.group())) {
				if (b.active()) {
					bookings.cancel(b.id());
					events.publishEvent(new VenueChanged.BookingCancelled(staff.actor(), b.id(), "staff", b.region(),
							clock.instant()));
				}
			}
			return null;
		});
	}

	public BookingView booking(UUID id) {
		staff();
		return tx(() -> bookings.byId(id)).orElseThrow(() -> Refusal.notFound("venue.booking.notFound"));
	}

	public List<BookingView> group(UUID group) {
		staff();
		return tx(() -> bookings.group(group));
	}

	/** A site's active bookings from a day on, for a number of days. */
	public List<BookingView> bookings(UUID site, LocalDate from, int days) {
		site(site);
		Instant start = from.atStartOfDay(CHINA).toInstant();
		return tx(() -> bookings.ofSite(site, start, from.plusDays(days).atStartOfDay(CHINA).toInstant()));
	}

	/** Everything booked for a reference (a trade code), cancelled bookings included. */
	public List<BookingView> bookingsFor(String reference) {
		staff();
		return tx(() -> bookings.ofReference(reference));
	}

	// ---- tendering ---------------------------------------------------------------------------------------------

	/**
	 * What a section published now would hold: an opening hall at its bid deadline and an evaluation room on the next
	 * working day, in its district, without writing anything. Refuses (field {@code bidDeadline}) when the district has
	 * rooms of a kind and none can take it. Runs in the caller's transaction and scope.
	 */
	public TenderBookings checkTender(String reference, RegionCode region, Instant deadline) {
		return tx(() -> new TenderBookings(
				find(region, RoomKind.OPENING_HALL, deadline, deadline.plus(OPENING), "venue.tender.noOpeningHall")
					.map(r -> preview(r, BookingPurpose.OPENING, reference, deadline, deadline.plus(OPENING))),
				evaluationDay(region, deadline).map(r -> preview(r.room(), BookingPurpose.EVALUATION, reference,
						r.starts(), r.ends()))));
	}

	/**
	 * Books a section's opening hall and evaluation room when it is published (in the publishing transaction: when a
	 * room cannot be had, the refusal stops the publication). Sections of districts without such rooms get none.
	 */
	public TenderBookings bookTender(String reference, RegionCode region, String title, Instant deadline) {
		return tx(() -> {
			String by = Actors.actor().username();
			Optional<BookingView> opening = find(region, RoomKind.OPENING_HALL, deadline, deadline.plus(OPENING),
					"venue.tender.noOpeningHall")
				.map(room -> placeNew(room, BookingPurpose.OPENING, reference, title, deadline, deadline.plus(OPENING), by));
			Optional<BookingView> evaluation = evaluationDay(region, deadline)
				.map(slot -> placeNew(slot.room(), BookingPurpose.EVALUATION, reference, title, slot.starts(),
						slot.ends(), by));
			return new TenderBookings(opening, evaluation);
		});
	}

	/**
	 * The section's deadline moved: its opening and evaluation bookings are cancelled and made again for the new
	 * deadline (the same rooms when they are free), in the caller's transaction. A section that held none gets none.
	 */
	public TenderBookings moveTender(String reference, RegionCode region, String title, Instant deadline) {
		return tx(() -> {
			List<BookingView> held = new ArrayList<>(bookings.active(reference, BookingPurpose.OPENING));
			held.addAll(bookings.active(reference, BookingPurpose.EVALUATION));
			if (held.isEmpty() || held.stream().anyMatch(b -> b.purpose() == BookingPurpose.OPENING
					&& b.startsAt().equals(deadline))) {
				return new TenderBookings(held.stream().filter(b -> b.purpose() == BookingPurpose.OPENING).findFirst(),
						held.stream().filter(b -> b.purpose() == BookingPurpose.EVALUATION).findFirst());
			}
			Instant now = clock.instant();
			for (BookingView b : held) {
				bookings.cancel(b.id());
				events.publishEvent(new VenueChanged.BookingCancelled(Actors.actor(), b.id(), "deadlineMoved",
						b.region(), now));
			}
			return bookTender(reference, region, title, deadline);
		});
	}

	private record Slot(RoomView room, Instant starts, Instant ends) {
	}

	private Optional<Slot> evaluationDay(RegionCode region, Instant deadline) {
		LocalDate day = deadline.atZone(CHINA).toLocalDate().plusDays(1);
		var schedule = calendar.schedule();
		while (!schedule.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		Instant starts = day.atTime(EVALUATION_FROM).atZone(CHINA).toInstant();
		Instant ends = day.atTime(EVALUATION_UNTIL).atZone(CHINA).toInstant();
		return find(region, RoomKind.EVALUATION_ROOM, starts, ends, "venue.tender.noEvaluationRoom")
			.map(room -> new Slot(room, starts, ends));
	}

	/** The first room of the kind in the region that is open and free then; refuses when there are rooms but none is. */
	private Optional<RoomView> find(RegionCode region, RoomKind kind, Instant starts, Instant ends, String refusal) {
		List<RoomView> rooms = sites.rooms(region, kind);
		if (rooms.isEmpty()) {
			return Optional.empty();
		}
		for (RoomView room : rooms) {
			if (openProblem(room, starts, ends) == null && bookings.overlapping(room.id(),
					starts.minusSeconds(60L * room.setupMinutes()), ends.plusSeconds(60L * room.cleanupMinutes())).isEmpty()) {
				return Optional.of(room);
			}
		}
		throw Refusal.conflict("bidDeadline", refusal, regionName(region), when(starts, ends));
	}

	private BookingView preview(RoomView room, BookingPurpose purpose, String reference, Instant starts, Instant ends) {
		return new BookingView(null, room.id(), room.name(), room.kind(), room.site(), room.siteName(), room.region(),
				purpose, reference, reference, starts, ends, starts.minusSeconds(60L * room.setupMinutes()),
				ends.plusSeconds(60L * room.cleanupMinutes()), null, "SINGLE", false, null);
	}

	private BookingView placeNew(RoomView room, BookingPurpose purpose, String reference, String title, Instant starts,
			Instant ends, String by) {
		UUID id = UUID.randomUUID();
		place(id, room, purpose, reference, title, starts, ends, id, "SINGLE", by);
		return bookings.byId(id).orElseThrow();
	}

	private void place(UUID id, RoomView room, BookingPurpose purpose, String reference, String title, Instant starts,
			Instant ends, UUID group, String groupRole, String by) {
		place(id, room, purpose, reference, title, starts, ends, group, groupRole, by, "startsAt");
	}

	/**
	 * Books the room after checking its hours and, for a clear message, an overlapping booking; the exclusion
	 * constraint is what guarantees it (two staff booking at once: one of them gets the same refusal).
	 */
	private void place(UUID id, RoomView room, BookingPurpose purpose, String reference, String title, Instant starts,
			Instant ends, UUID group, String groupRole, String by, String field) {
		String problem = openProblem(room, starts, ends);
		if (problem != null) {
			throw Refusal.conflict(field, problem, room.siteName() + " " + room.name(), when(starts, ends));
		}
		Instant from = starts.minusSeconds(60L * room.setupMinutes());
		Instant until = ends.plusSeconds(60L * room.cleanupMinutes());
		Optional<BookingView> taken = bookings.overlapping(room.id(), from, until);
		if (taken.isPresent()) {
			throw conflict(field, room, taken.get());
		}
		try {
			bookings.insert(id, room, purpose, reference, title, starts, ends, group, groupRole, by, clock.instant());
		}
		catch (DataIntegrityViolationException e) {
			if (e.getMessage() != null && e.getMessage().contains("bookings_no_overlap")) {
				throw Refusal.conflict(field, "venue.booking.conflictRace", room.siteName() + " " + room.name());
			}
			throw e;
		}
		events.publishEvent(new VenueChanged.RoomBooked(Actors.actor(), id, room.id(), room.site(), room.kind().name(),
				purpose.name(), reference, starts, ends, from, until, room.region(), clock.instant()));
	}

	private static Refusal conflict(String field, RoomView room, BookingView taken) {
		return Refusal.conflict(field, "venue.booking.conflict", room.siteName() + " " + room.name(),
				taken.title() + " " + when(taken.occupiedFrom(), taken.occupiedUntil()));
	}

	/** Why the room cannot be used then (a message key), or null: one Beijing day, a working day, open hours, not closed. */
	private String openProblem(RoomView room, Instant starts, Instant ends) {
		SiteView site = sites.byId(room.site()).orElseThrow();
		ZonedDateTime from = starts.atZone(CHINA);
		ZonedDateTime until = ends.atZone(CHINA);
		LocalDate day = from.toLocalDate();
		if (!until.toLocalDate().equals(day) && !(until.toLocalTime().equals(LocalTime.MIDNIGHT)
				&& until.toLocalDate().equals(day.plusDays(1)))) {
			return "venue.booking.oneDay";
		}
		if (!calendar.schedule().isWorkingDay(day)) {
			return "venue.booking.notWorkingDay";
		}
		if (sites.closed(site.id(), day)) {
			return "venue.booking.closed";
		}
		if (from.toLocalTime().isBefore(site.opensAt()) || until.toLocalTime().isAfter(site.closesAt())
				|| until.toLocalDate().isAfter(day)) {
			return "venue.booking.outsideHours";
		}
		return null;
	}

	static String when(Instant from, Instant until) {
		ZonedDateTime a = from.atZone(CHINA);
		ZonedDateTime b = until.atZone(CHINA);
		String end = a.toLocalDate().equals(b.toLocalDate()) ? HOURS.format(b) : WHEN.format(b);
		boolean zh = !"en".equals(LocaleContextHolder.getLocale().getLanguage());
		return WHEN.format(a) + "–" + end + (zh ? "（北京时间）" : " (Beijing time)");
	}

	private String regionName(RegionCode region) {
		return catalog.region(region).map(r -> r.name(LocaleContextHolder.getLocale())).orElse(region.value());
	}

	// ---- input -------------------------------------------------------------------------------------------------

	private void times(Instant starts, Instant ends) {
		if (starts == null) {
			throw Refusal.invalid("startsAt", "venue.booking.startsAt");
		}
		if (ends == null) {
			throw Refusal.invalid("endsAt", "venue.booking.endsAt");
		}
		if (!ends.isAfter(starts)) {
			throw Refusal.invalid("endsAt", "venue.booking.order");
		}
		if (!starts.isAfter(clock.instant())) {
			throw Refusal.invalid("startsAt", "venue.booking.past");
		}
	}

	private RegionCode region(String code, Acting staff) {
		Optional<RegionView> region = code == null || code.isBlank() ? Optional.empty()
				: catalog.regions().stream().filter(r -> r.code().value().equals(code.trim()) && r.active()).findFirst();
		if (region.isEmpty()) {
			throw Refusal.invalid("region", "venue.site.region");
		}
		if (!staff.regionScope().covers(region.get().code())) {
			throw Refusal.invalid("region", "venue.site.notYourRegion");
		}
		return region.get().code();
	}

	static String text(String value, String field, String key, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max || value.contains("\n")) {
			throw Refusal.invalid(field, key, max);
		}
		return value.strip();
	}

	private static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return text(value, field, "venue.booking.reference", max);
	}

	private static LocalTime time(String value, String field) {
		try {
			return LocalTime.parse(value == null ? "" : value.trim(), HOURS);
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid(field, "venue.site.time");
		}
	}

	private static int number(Integer value, int min, int max, String field, String key) {
		if (value == null || value < min || value > max) {
			throw Refusal.invalid(field, key, min, max);
		}
		return value;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String key) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.trim());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, key);
		}
	}
}
