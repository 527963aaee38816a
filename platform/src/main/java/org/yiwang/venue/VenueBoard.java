package org.yiwang.venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * What the venues show: a site's public screen (today's openings, auctions and the rooms in use, for everyone, no
 * sign-in) and the rooms' utilisation per month for staff (booked hours, buffers included, over open hours on the
 * working days the site was not closed).
 */
@Service
public class VenueBoard {

	private final Sites sites;

	private final Bookings bookings;

	private final Venues venues;

	private final WorkingCalendar calendar;

	private final Clock clock;

	VenueBoard(Sites sites, Bookings bookings, Venues venues, WorkingCalendar calendar, Clock clock) {
		this.sites = sites;
		this.bookings = bookings;
		this.venues = venues;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Today's screen of a site; public, so it reads on the platform's behalf and shows titles and rooms only. */
	public ScreenView screen(UUID siteId) {
		return RegionScopes.callAsPlatform(() -> venues.tx(() -> {
			SiteView site = sites.byId(siteId).orElseThrow(() -> Refusal.notFound("venue.site.notFound"));
			Instant now = clock.instant();
			LocalDate today = now.atZone(Venues.CHINA).toLocalDate();
			List<BookingView> day = bookings.ofSite(site.id(), today.atStartOfDay(Venues.CHINA).toInstant(),
					today.plusDays(1).atStartOfDay(Venues.CHINA).toInstant());
			return new ScreenView(site,
					day.stream().filter(b -> b.purpose() == BookingPurpose.OPENING).toList(),
					day.stream().filter(b -> b.purpose() == BookingPurpose.AUCTION).toList(),
					day.stream().filter(b -> b.purpose() != BookingPurpose.OPENING && b.purpose() != BookingPurpose.AUCTION)
						.toList(),
					day.stream().filter(b -> !now.isBefore(b.startsAt()) && now.isBefore(b.endsAt())).toList(), now);
		}));
	}

	/** Utilisation of every room the staff member's scope covers in a month ({@code yyyy-MM}; this month if blank). */
	public UtilisationView utilisation(String month) {
		Venues.staff();
		YearMonth ym;
		try {
			ym = month == null || month.isBlank() ? YearMonth.from(clock.instant().atZone(Venues.CHINA))
					: YearMonth.parse(month.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid("month", "venue.utilisation.month");
		}
		YearMonth chosen = ym;
		Instant from = chosen.atDay(1).atStartOfDay(Venues.CHINA).toInstant();
		Instant until = chosen.plusMonths(1).atDay(1).atStartOfDay(Venues.CHINA).toInstant();
		return venues.tx(() -> {
			Map<UUID, SiteView> siteById = new HashMap<>();
			sites.all().forEach(s -> siteById.put(s.id(), s));
			Map<UUID, Double> booked = new HashMap<>();
			for (BookingView b : bookings.between(from, until)) {
				Instant a = b.occupiedFrom().isBefore(from) ? from : b.occupiedFrom();
				Instant z = b.occupiedUntil().isAfter(until) ? until : b.occupiedUntil();
				booked.merge(b.room(), Duration.between(a, z).toMinutes() / 60.0, Double::sum);
			}
			var schedule = calendar.schedule();
			Map<UUID, Double> openBySite = new HashMap<>();
			for (SiteView site : siteById.values()) {
				double hours = 0;
				for (LocalDate d = chosen.atDay(1); !d.isAfter(chosen.atEndOfMonth()); d = d.plusDays(1)) {
					if (schedule.isWorkingDay(d) && !sites.closed(site.id(), d)) {
						hours += Duration.between(site.opensAt(), site.closesAt()).toMinutes() / 60.0;
					}
				}
				openBySite.put(site.id(), hours);
			}
			List<UtilisationView.RoomUse> rooms = new ArrayList<>();
			Map<UUID, double[]> bySite = new LinkedHashMap<>();
			for (RoomView room : sites.allRooms()) {
				double open = openBySite.getOrDefault(room.site(), 0.0);
				double used = booked.getOrDefault(room.id(), 0.0);
				rooms.add(new UtilisationView.RoomUse(room.id(), room.name(), room.siteName(), round(used), round(open),
						percent(used, open)));
				double[] sum = bySite.computeIfAbsent(room.site(), k -> new double[2]);
				sum[0] += used;
				sum[1] += open;
			}
			List<UtilisationView.SiteUse> siteUses = bySite.entrySet().stream()
				.map(e -> new UtilisationView.SiteUse(e.getKey(), siteById.get(e.getKey()).name(), round(e.getValue()[0]),
						round(e.getValue()[1]), percent(e.getValue()[0], e.getValue()[1])))
				.toList();
			return new UtilisationView(chosen.toString(), rooms, siteUses);
		});
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static double percent(double used, double open) {
		return open <= 0 ? 0 : Math.round(used / open * 1000) / 10.0;
	}
}
