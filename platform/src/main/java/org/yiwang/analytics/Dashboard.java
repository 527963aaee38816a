package org.yiwang.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A dashboard as one audience sees it for a month and its filters. */
public record Dashboard(Audience audience, YearMonth month, String category, String region, List<Figure> figures) {

	public Dashboard {
		figures = List.copyOf(figures);
	}

	public Optional<Figure> figure(String key) {
		return figures.stream().filter(f -> f.key().equals(key)).findFirst();
	}
}
