package org.yiwang.venue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Expert isolation at the evaluation room's door. The roster is the committee (seated by the evaluation module when
 * the committee is drawn, or by staff), each expert in one room of the evaluation's group (a remote evaluation has
 * two). Staff at the door give an expert a one-time code; the expert is admitted with it (and, when the committee
 * recorded one, the certificate the expert signs with) to the room the expert is seated in and no other. Check-in
 * starts the phone-free period, check-out ends it; every entry, exit and refused attempt is logged.
 */
@Service
public class EvaluationRooms {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A code is good for a quarter of an hour and once. */
	static final Duration CODE_LIFE = Duration.ofMinutes(15);

	private final Venues venues;

	private final Bookings bookings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EvaluationRooms(Venues venues, Bookings bookings, ApplicationEventPublisher events, Clock clock) {
		this.venues = venues;
		this.bookings = bookings;
		this.events = events;
		this.clock = clock;
	}

	/** An expert of a committee: its sign-in account, name and (when known) its certificate's SHA-256 (hex). */
	public record Expert(String username, String name, String certificateSha256) {
	}

	/**
	 * The committee drawn for a section (by its trade code): its experts are seated in the main (or only) room of the
	 * section's evaluation booking; a section evaluated online (no booking) has no roster. Called by the evaluation
	 * module on the platform's behalf; experts already seated keep their room.
	 */
	public int seatCommittee(String reference, List<Expert> experts) {
		return RegionScopes.callAsPlatform(() -> venues.tx(() -> {
			Optional<BookingView> room = bookings.active(reference, BookingPurpose.REMOTE_EVALUATION).stream()
				.filter(b -> "MAIN".equals(b.groupRole())).findFirst()
				.or(() -> bookings.active(reference, BookingPurpose.EVALUATION).stream().findFirst());
			if (room.isEmpty()) {
				return 0;
			}
			int seated = 0;
			for (Expert expert : experts) {
				if (bookings.seatOf(room.get().group(), expert.username()).isEmpty()) {
					bookings.seat(room.get().group(), expert.username(), expert.name(), room.get(),
							expert.certificateSha256());
					seated++;
				}
			}
			return seated;
		}));
	}

	/** Staff seat an expert (or move one already seated) in one room of an evaluation's group. */
	public RosterEntryView seat(UUID booking, String username, String name) {
		Venues.staff();
		String account = Venues.text(username, "username", "venue.roster.username", 80);
		String person = Venues.text(name, "expertName", "venue.roster.name", 80);
		return venues.tx(() -> {
			BookingView room = evaluation(booking);
			bookings.seat(room.group(), account, person, room, null);
			return entry(room.group(), account);
		});
	}

	public List<RosterEntryView> roster(UUID group) {
		Venues.staff();
		return venues.tx(() -> bookings.roster(group));
	}

	public List<AccessEntryView> log(UUID group) {
		Venues.staff();
		return venues.tx(() -> bookings.log(group));
	}

	/** Staff at the door give a seated expert a fresh one-time code (shown once; kept only as its hash). */
	public String issueCode(UUID booking, String username) {
		Venues.staff();
		return venues.tx(() -> {
			BookingView room = evaluation(booking);
			Bookings.Seat seat = bookings.seatOf(room.group(), username == null ? "" : username.trim())
				.orElseThrow(() -> Refusal.invalid("username", "venue.door.notOnRoster"));
			String code = String.format("%06d", RANDOM.nextInt(1_000_000));
			bookings.issueCode(seat.group(), seat.username(), sha256(code), clock.instant().plus(CODE_LIFE));
			return code;
		});
	}

	/**
	 * Admits an expert to the room: on the roster, seated in this room, with the unspent code, the matching
	 * certificate when one is recorded, before the booking ends. A refused attempt is logged, then refused.
	 */
	public RosterEntryView checkIn(UUID booking, String username, String code, String certificatePem) {
		Acting staff = Venues.staff();
		String account = username == null ? "" : username.trim();
		String[] refusal = new String[2];
		RosterEntryView admitted = venues.tx(() -> {
			BookingView room = evaluation(booking);
			Instant now = clock.instant();
			String problem = problem(room, account, code, certificatePem, now, refusal);
			if (problem != null) {
				bookings.log(room.id(), room.region(), account.isEmpty() ? "—" : account, "REFUSED", problem,
						staff.actor().username(), now);
				events.publishEvent(new VenueChanged.DoorPassed(staff.actor(), room.id(), account, "REFUSED",
						room.region(), now));
				refusal[0] = problem;
				return null;
			}
			bookings.checkIn(room.group(), account, now);
			bookings.log(room.id(), room.region(), account, "CHECK_IN", null, staff.actor().username(), now);
			events.publishEvent(new VenueChanged.DoorPassed(staff.actor(), room.id(), account, "CHECK_IN",
					room.region(), now));
			return entry(room.group(), account);
		});
		if (admitted == null) {
			throw Refusal.conflict(refusal[1], refusal[0]);
		}
		return admitted;
	}

	private String problem(BookingView room, String account, String code, String certificatePem, Instant now,
			String[] refusal) {
		refusal[1] = "username";
		if (!room.active() || !now.isBefore(room.endsAt())) {
			return "venue.door.over";
		}
		Optional<Bookings.Seat> seat = bookings.seatOf(room.group(), account);
		if (seat.isEmpty()) {
			return "venue.door.notOnRoster";
		}
		if (!seat.get().booking().equals(room.id())) {
			return "venue.door.otherRoom";
		}
		if (seat.get().checkedInAt() != null && seat.get().checkedOutAt() == null) {
			return "venue.door.inside";
		}
		refusal[1] = "code";
		if (code == null || seat.get().codeSha256() == null || seat.get().codeExpiresAt() == null
				|| !MessageDigest.isEqual(sha256(code.trim()).getBytes(StandardCharsets.US_ASCII),
						seat.get().codeSha256().getBytes(StandardCharsets.US_ASCII))) {
			return "venue.door.code";
		}
		if (!now.isBefore(seat.get().codeExpiresAt())) {
			return "venue.door.codeExpired";
		}
		if (seat.get().certificateSha256() != null) {
			refusal[1] = "certificate";
			String presented = certificateSha256(certificatePem);
			if (!seat.get().certificateSha256().equals(presented)) {
				return "venue.door.certificate";
			}
		}
		return null;
	}

	/** The expert leaves the room: the phone-free period ends. */
	public RosterEntryView checkOut(UUID booking, String username) {
		Acting staff = Venues.staff();
		return venues.tx(() -> {
			BookingView room = evaluation(booking);
			Bookings.Seat seat = bookings.seatOf(room.group(), username == null ? "" : username.trim())
				.filter(s -> s.booking().equals(room.id()) && s.checkedInAt() != null && s.checkedOutAt() == null)
				.orElseThrow(() -> Refusal.conflict("username", "venue.door.notInside"));
			Instant now = clock.instant();
			bookings.checkOut(seat.group(), seat.username(), now);
			bookings.log(room.id(), room.region(), seat.username(), "CHECK_OUT", null, staff.actor().username(), now);
			events.publishEvent(new VenueChanged.DoorPassed(staff.actor(), room.id(), seat.username(), "CHECK_OUT",
					room.region(), now));
			return entry(room.group(), seat.username());
		});
	}

	private BookingView evaluation(UUID booking) {
		BookingView room = bookings.byId(booking).orElseThrow(() -> Refusal.notFound("venue.booking.notFound"));
		if (room.purpose() != BookingPurpose.EVALUATION && room.purpose() != BookingPurpose.REMOTE_EVALUATION) {
			throw Refusal.conflict(null, "venue.door.notEvaluation");
		}
		return room;
	}

	private RosterEntryView entry(UUID group, String username) {
		return bookings.roster(group).stream().filter(e -> e.username().equals(username)).findFirst().orElseThrow();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The SHA-256 (hex) of a PEM certificate's DER bytes, as the committee records it; null when it is not PEM. */
	static String certificateSha256(String pem) {
		if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
			return null;
		}
		try {
			String body = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----") + 27, pem.indexOf("-----END CERTIFICATE-----"))
				.replaceAll("\\s", "");
			byte[] der = Base64.getDecoder().decode(body);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException | NoSuchAlgorithmException e) {
			return null;
		}
	}
}
