package org.yiwang.venue;

import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;

/** A room of a site, with the set-up and clean-up minutes every booking of it keeps free. */
public record RoomView(UUID id, UUID site, String siteName, RegionCode region, String name, RoomKind kind, int seats,
		List<String> equipment, int setupMinutes, int cleanupMinutes) {
}
