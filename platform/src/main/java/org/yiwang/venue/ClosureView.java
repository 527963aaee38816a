package org.yiwang.venue;

import java.time.LocalDate;

/** A day a site is closed although the working calendar counts it, and why. */
public record ClosureView(LocalDate day, String reason) {
}
