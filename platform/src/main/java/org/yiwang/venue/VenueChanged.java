package org.yiwang.venue;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The venue module's past-tense facts; each is appended to the audit log with the change. */
public sealed interface VenueChanged extends Auditable {

	record SiteAdded(Actor actor, UUID site, String name, RegionCode region, Instant occurredAt) implements VenueChanged {

		public String action() {
			return "venue.site.added";
		}

		public String target() {
			return "site:" + site;
		}
	}

	record RoomAdded(Actor actor, UUID site, UUID room, String kind, RegionCode region, Instant occurredAt)
			implements VenueChanged {

		public String action() {
			return "venue.room.added";
		}

		public String target() {
			return "room:" + room;
		}
	}

	record SiteClosed(Actor actor, UUID site, String day, RegionCode region, Instant occurredAt) implements VenueChanged {

		public String action() {
			return "venue.site.closed";
		}

		public String target() {
			return "site:" + site;
		}
	}

	/** Published for every booking made, so analytics can count rooms' use by site, room, kind and purpose. */
	record RoomBooked(Actor actor, UUID booking, UUID room, UUID site, String roomKind, String purpose,
			String reference, Instant startsAt, Instant endsAt, Instant occupiedFrom, Instant occupiedUntil,
			RegionCode region, Instant occurredAt) implements VenueChanged {

		public String action() {
			return "venue.booking.made";
		}

		public String target() {
			return "booking:" + booking;
		}
	}

	record BookingCancelled(Actor actor, UUID booking, String reason, RegionCode region, Instant occurredAt)
			implements VenueChanged {

		public String action() {
			return "venue.booking.cancelled";
		}

		public String target() {
			return "booking:" + booking;
		}
	}

	/** An expert entered, left, or was refused at an evaluation room's door. */
	record DoorPassed(Actor actor, UUID booking, String username, String doorAction, RegionCode region,
			Instant occurredAt) implements VenueChanged {

		public String action() {
			return "venue.door." + doorAction.toLowerCase(java.util.Locale.ROOT);
		}

		public String target() {
			return "booking:" + booking;
		}
	}
}
