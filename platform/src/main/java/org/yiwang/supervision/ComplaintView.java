package org.yiwang.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;

/**
 * A complaint as its complainant and its regulator see it, with its clock worked out at {@code today}.
 *
 * @param rulingDue the last day for the ruling; null before acceptance and while a pause stops the clock
 * @param rulingDaysUsed working days of the ruling period used up to today (pauses not counted)
 * @param overdueStep {@code acceptance} or {@code ruling} when that step is late today; null otherwise
 */
public record ComplaintView(UUID id, UUID section, String tradeCode, String sectionName, CategoryCode category,
		Department department, RegionCode region, ComplaintRegime regime, ComplaintGround ground, UUID complainantId,
		String complainantName, String matter, String request, LocalDate knownOn, LocalDate objectionRaisedOn,
		LocalDate objectionAnsweredOn, Instant filedAt, LocalDate filedOn, LocalDate acceptanceDue,
		ComplaintStatus status, LocalDate acceptedOn, String decidedBy, String notAcceptedReason, RulingOutcome outcome,
		String ruling, UUID rulingAct, Instant ruledAt, List<Evidence> evidence, List<Pause> pauses,
		LocalDate rulingDue, int rulingDaysUsed, String overdueStep, long version) {

	public ComplaintView {
		evidence = List.copyOf(evidence);
		pauses = List.copyOf(pauses);
	}

	/** An evidence file as received: content-addressed, hashed in SHA-256 and SM3. */
	public record Evidence(UUID id, String fileName, String contentType, long size, String sha256, String sm3,
			Instant uploadedAt) {
	}

	/** A period that did not count towards the ruling (inclusive days); {@code endedOn} null while it runs. */
	public record Pause(UUID id, PauseKind kind, String reason, LocalDate startedOn, LocalDate endedOn) {

		public boolean open() {
			return endedOn == null;
		}
	}

	public boolean overdue() {
		return overdueStep != null;
	}

	/** The ruling clock stands still: accepted, and a pause is open. */
	public boolean clockStopped() {
		return status == ComplaintStatus.ACCEPTED && pauses.stream().anyMatch(Pause::open);
	}
}
