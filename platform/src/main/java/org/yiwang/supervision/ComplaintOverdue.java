package org.yiwang.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/**
 * A complaint's statutory step is late: the decision to accept ({@code step} {@code acceptance}) or the ruling
 * ({@code ruling}) was due on {@code due} and has not been made. Raised once per step, by the platform; alerts listen.
 */
public record ComplaintOverdue(Actor actor, UUID complaint, UUID section, String step, LocalDate due,
		String department, RegionCode region, Instant occurredAt) implements Auditable {

	public String action() {
		return "supervision.complaint.overdue";
	}

	public String target() {
		return "complaint:" + complaint;
	}
}
