package org.yiwang.tendering;

import java.time.Instant;

/**
 * The project manager a bidder stated for a section, as pages show it: the ID number masked; the certificate and its
 * number as stated (null for statements made before they were asked).
 */
public record ProjectManagerView(String name, String maskedIdNumber, Instant statedAt, String certificate,
		String certificateNumber) {
}
