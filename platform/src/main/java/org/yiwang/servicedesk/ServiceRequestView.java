package org.yiwang.servicedesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;

/**
 * A request as its reader sees it: the timer (filed, due, escalated), who is in charge, and how it ended.
 *
 * @param requester the user's account name, null for a walk-in or a step whose user is not an account
 * @param workingDays working days from filing to finishing (the day of filing not counted), once done
 */
public record ServiceRequestView(UUID id, String number, RegionCode region, String item, Channel channel, String subject,
		String detail, String requester, String requesterName, String filedBy, Instant filedAt, LocalDate filedOn,
		LocalDate dueOn, LocalDate warnOn, int timeLimitDays, String assignee, ServiceStatus status, Instant escalatedAt,
		Instant finishedAt, String finishedBy, String outcome, Integer workingDays, Boolean withinLimit, long version) {

	public boolean open() {
		return status == ServiceStatus.OPEN;
	}

	/** Still open after its last working day. */
	public boolean overdue(LocalDate today) {
		return open() && today.isAfter(dueOn);
	}
}
