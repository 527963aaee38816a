package org.yiwang.supervision;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/**
 * The price screens of a section's opened bids were computed and stored, with the risk score they give.
 *
 * @param risk the default model's score in [0, 1]
 */
public record SectionScreened(Actor actor, UUID section, int round, String tradeCode, RegionCode region, int bids,
		double risk, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "supervision.section.screened";
	}

	@Override
	public String target() {
		return "section:" + section;
	}
}
