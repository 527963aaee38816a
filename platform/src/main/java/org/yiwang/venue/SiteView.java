package org.yiwang.venue;

import java.time.LocalTime;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;

/** A venue site of the city or a district and its daily opening hours (Beijing time). */
public record SiteView(UUID id, RegionCode region, String name, String address, LocalTime opensAt, LocalTime closesAt) {
}
