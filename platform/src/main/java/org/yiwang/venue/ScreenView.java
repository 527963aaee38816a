package org.yiwang.venue;

import java.time.Instant;
import java.util.List;

/** A site's public screen: today's bookings by kind and the rooms in use now. */
public record ScreenView(SiteView site, List<BookingView> openings, List<BookingView> auctions,
		List<BookingView> others, List<BookingView> inUse, Instant now) {
}
