package org.yiwang.intermediary;

import java.time.Instant;
import java.util.UUID;

/** A practising staff member of an intermediary; the ID number only masked. */
public record StaffView(UUID id, String name, String maskedIdNumber, String title, Instant addedAt) {
}
