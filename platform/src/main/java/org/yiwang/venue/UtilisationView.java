package org.yiwang.venue;

import java.util.List;
import java.util.UUID;

/**
 * How much of each room's open hours in one month was booked (buffers included), and per site.
 *
 * @param month {@code yyyy-MM}
 */
public record UtilisationView(String month, List<RoomUse> rooms, List<SiteUse> sites) {

	/** @param percent booked share of the room's open hours in the month */
	public record RoomUse(UUID room, String roomName, String siteName, double bookedHours, double openHours,
			double percent) {
	}

	public record SiteUse(UUID site, String siteName, double bookedHours, double openHours, double percent) {
	}
}
