package org.yiwang.auction;

import java.time.Instant;
import java.util.List;

/**
 * A listing's period end (midnight after its last day, Asia/Shanghai), and the years it runs through for which the
 * working calendar holds no holiday schedule: for those only weekends were skipped, so staff are warned.
 */
public record ListingPeriod(Instant end, List<Integer> unscheduledYears) {

	public ListingPeriod {
		unscheduledYears = List.copyOf(unscheduledYears);
	}

	public boolean scheduled() {
		return unscheduledYears.isEmpty();
	}

	/** The unscheduled years as one text, e.g. {@code 2027} or {@code 2027、2028}. */
	public String unscheduledYearsText() {
		return String.join("、", unscheduledYears.stream().map(String::valueOf).toList());
	}
}
