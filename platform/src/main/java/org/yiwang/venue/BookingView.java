package org.yiwang.venue;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;

/**
 * A booking of a room. {@code occupiedFrom}/{@code occupiedUntil} include the room's set-up and clean-up buffers;
 * {@code group} ties the two rooms of a remote evaluation ({@code groupRole} MAIN or SECONDARY; SINGLE otherwise).
 */
public record BookingView(UUID id, UUID room, String roomName, RoomKind roomKind, UUID site, String siteName,
		RegionCode region, BookingPurpose purpose, String reference, String title, Instant startsAt, Instant endsAt,
		Instant occupiedFrom, Instant occupiedUntil, UUID group, String groupRole, boolean active, String bookedBy) {
}
