package org.yiwang.supervision.screening;

import java.util.List;

/**
 * A tender's risk score in [0, 1] and the screens that pushed it up most (largest positive contributions first).
 */
public record Risk(double value, List<String> drivers) {

	public Risk {
		drivers = List.copyOf(drivers);
	}
}
