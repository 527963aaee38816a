package org.yiwang.venue;

/** A site to add: its region code, name, address and opening hours as {@code HH:mm} (Beijing time). */
public record NewSite(String region, String name, String address, String opensAt, String closesAt) {
}
