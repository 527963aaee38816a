package org.yiwang.venue;

import java.util.List;

/** A room to add to a site. */
public record NewRoom(String name, String kind, Integer seats, List<String> equipment, Integer setupMinutes,
		Integer cleanupMinutes) {
}
