package org.yiwang.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.tendering.SectionId;

/**
 * Every seat of a section round's committee is filled by a drawn expert who accepted. The seats stay sealed (only the
 * platform and the experts themselves know them) until evaluation begins; the audit log records only the count.
 *
 * @param drawId the draw whose commitment, seed and pool make the seats recomputable
 * @param seats the experts, in the order drawn
 */
public record CommitteeDrawn(Actor actor, UUID drawId, SectionId section, int round, int attempt, RegionCode region,
		List<Seat> seats, Instant occurredAt) implements Auditable {

	public CommitteeDrawn {
		seats = List.copyOf(seats);
	}

	/** The committee of a round's first evaluation (attempt 1). */
	public CommitteeDrawn(Actor actor, UUID drawId, SectionId section, int round, RegionCode region, List<Seat> seats,
			Instant occurredAt) {
		this(actor, drawId, section, round, 1, region, seats, occurredAt);
	}

	/** Kept out of the audit log, which many may read: it records how many seats, not who. */
	@Override
	@JsonIgnore
	public List<Seat> seats() {
		return seats;
	}

	public int seatCount() {
		return seats.size();
	}

	/**
	 * A drawn expert.
	 *
	 * @param username the expert's sign-in account
	 * @param specialty the classification code the expert was drawn for
	 * @param certificateFingerprint hex SHA-256 of the certificate the expert signs score sheets with
	 */
	public record Seat(UUID expertId, String username, String name, String specialty, String certificateFingerprint) {
	}

	@Override
	public String action() {
		return "evaluation.committee.drawn";
	}

	@Override
	public String target() {
		return "section:" + section + "/round:" + round + (attempt > 1 ? "/attempt:" + attempt : "");
	}
}
