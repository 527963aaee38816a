package org.yiwang.venue;

/** Why a room is booked; tendering's bookings are OPENING and EVALUATION, a remote evaluation's REMOTE_EVALUATION. */
public enum BookingPurpose {
	OPENING, EVALUATION, REMOTE_EVALUATION, NEGOTIATION, AUCTION, OTHER
}
