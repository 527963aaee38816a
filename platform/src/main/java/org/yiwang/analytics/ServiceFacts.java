package org.yiwang.analytics;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.servicedesk.ServiceDeskChanged;
import org.yiwang.venue.VenueChanged;

/**
 * The facts of the center's own service: ratings of the service desk (好差评, counted per staff member rated) and room
 * bookings (the hours each room is occupied, in the month it is occupied; a cancellation takes its hours back). A
 * booking is nobody's completion: it is not counted for a staff member.
 */
@Component
class ServiceFacts {

	private final Facts facts;

	ServiceFacts(Facts facts) {
		this.facts = facts;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ServiceDeskChanged change) {
		if (change instanceof ServiceDeskChanged.ServiceRated r) {
			facts.record(Fact.of("rating:" + r.request(), r.level().bad() ? Stage.BAD_RATING : Stage.GOOD_RATING,
					r.occurredAt(), r.region().value(), null, null, null, "好差评 " + r.level().score() + "/5")
				.withIds(r.request(), null)
				.by(r.staff()));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(VenueChanged change) {
		if (change instanceof VenueChanged.RoomBooked b) {
			facts.record(Fact.of("booking:" + b.booking(), Stage.ROOM_BOOKED, b.occupiedFrom(), b.region().value(), null,
					null, null, b.purpose())
				.withIds(b.booking(), null)
				.withTiming(null, hoursInDays(Duration.between(b.occupiedFrom(), b.occupiedUntil()))));
		}
		else if (change instanceof VenueChanged.BookingCancelled c) {
			facts.booked(c.booking()).ifPresent(booked -> facts.record(Fact.of("booking-cancelled:" + c.booking(),
					Stage.ROOM_CANCELLED, booked.occurredAt(), c.region().value(), null, null, null, booked.title())
				.withIds(c.booking(), null)
				.withTiming(null, booked.durationDays())));
		}
	}

	/** Exact days (not rounded to a tenth like the stage durations): hours add up to what was booked. */
	private static double hoursInDays(Duration occupied) {
		return occupied.toMinutes() / 1440.0;
	}
}
