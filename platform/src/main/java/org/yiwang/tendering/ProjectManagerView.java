package org.yiwang.tendering;

import java.time.Instant;

/** The project manager a bidder stated for a section, as pages show it: the ID number masked. */
public record ProjectManagerView(String name, String maskedIdNumber, Instant statedAt) {
}
