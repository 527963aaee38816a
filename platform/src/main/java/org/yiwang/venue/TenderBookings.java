package org.yiwang.venue;

import java.util.Optional;

/**
 * What a published section holds (or would hold) in its district's rooms: the opening hall at the bid deadline and
 * the evaluation room for the committee's day. Empty where the district has no room of that kind (an online
 * opening or evaluation needs none).
 */
public record TenderBookings(Optional<BookingView> opening, Optional<BookingView> evaluation) {
}
