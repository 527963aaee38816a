package org.yiwang.tendering;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A regulator's suspension of a section's procedure, as the regulator and the section's readers see it.
 *
 * @param decision the regulator's signed act that ordered it (in the supervision module)
 * @param deadlineAfter the bid deadline once resumed; null while it runs
 */
public record SuspensionView(UUID id, SectionId section, String reason, UUID decision, String suspendedBy,
		Instant suspendedAt, Instant deadlineBefore, String resumedBy, Instant resumedAt, UUID resumeDecision,
		Instant deadlineAfter, Phase phase) {

	/**
	 * What the suspension holds: the bid deadline (the section was taking bids), or the end of the candidates'
	 * publicity ({@link #deadlineBefore} and {@link #deadlineAfter} are then the publicity's end).
	 */
	public enum Phase {
		BIDDING, PUBLICITY
	}

	public boolean active() {
		return resumedAt == null;
	}

	/** How long the procedure stood still for it; up to {@code now} while it runs. */
	public Duration length(Instant now) {
		return Duration.between(suspendedAt, resumedAt == null ? now : resumedAt);
	}
}
