package org.yiwang.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting a stranger lock anyone out. Two counters, both in memory:
 * <ul>
 * <li>per source address: after {@code sourceFailures} failures within {@code sourceWindow}, that source's attempts
 * are refused unchecked until the window ends, whatever username they name;</li>
 * <li>per username and source, whether the name exists or not (so the answer never tells which names exist): after
 * {@code maxFailedSignIns} consecutive failures each further attempt from that source waits a back-off that doubles
 * per failure, capped at {@code maxBackOff}. Attempts refused during a back-off are not counted.</li>
 * </ul>
 * The back-off binds the source that guessed, not the name everywhere: a stranger who keeps guessing a name never
 * keeps its owner out, who signs in from their own address as usual. A successful sign-in clears the name's counter at
 * its source but not the source's own, so a guesser cannot reset the source throttle by signing into an account of its own. On
 * several nodes each node counts for itself (docs/accounts.md).
 */
@Component
class SignInThrottle {

	/** Counters kept before expired ones are swept; a flood of made-up names cannot grow the maps without bound. */
	private static final int SWEEP_ABOVE = 10_000;

	private record Source(Instant windowStart, int failures) {
	}

	private record Name(int failures, Instant lastFailure) {
	}

	private final Map<String, Source> sources = new ConcurrentHashMap<>();

	/** Per username, per source. */
	private final Map<String, Map<String, Name>> names = new ConcurrentHashMap<>();

	private final AccountSettings settings;

	SignInThrottle(AccountSettings settings) {
		this.settings = settings;
	}

	/** The instant before which this attempt is refused unchecked, if it is. */
	Optional<Instant> refusedUntil(String source, String username, Instant now) {
		Source counted = sources.get(source);
		if (counted != null && counted.failures() >= settings.sourceFailures()) {
			Instant end = counted.windowStart().plus(settings.sourceWindow());
			if (end.isAfter(now)) {
				return Optional.of(end);
			}
		}
		return end(names.getOrDefault(username, Map.of()).get(source), now);
	}

	/** The latest end of the username's back-offs at any source, if one runs now (staff see it on the account). */
	Optional<Instant> backedOffUntil(String username, Instant now) {
		return names.getOrDefault(username, Map.of()).values().stream().map(name -> end(name, now))
			.flatMap(Optional::stream).max(Instant::compareTo);
	}

	private Optional<Instant> end(Name name, Instant now) {
		if (name == null || name.failures() < settings.maxFailedSignIns()) {
			return Optional.empty();
		}
		Instant end = name.lastFailure().plus(backOff(name.failures()));
		return end.isAfter(now) ? Optional.of(end) : Optional.empty();
	}

	private Duration backOff(int failures) {
		int doublings = Math.min(failures - settings.maxFailedSignIns(), 20);
		Duration backOff = settings.backOff().multipliedBy(1L << doublings);
		return backOff.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : backOff;
	}

	void failed(String source, String username, Instant now) {
		sweep(now);
		sources.compute(source, (key, counted) -> counted == null
				|| !counted.windowStart().plus(settings.sourceWindow()).isAfter(now) ? new Source(now, 1)
						: new Source(counted.windowStart(), counted.failures() + 1));
		// A name idle for a day starts afresh.
		names.computeIfAbsent(username, key -> new ConcurrentHashMap<>()).compute(source,
				(key, name) -> name == null || name.lastFailure().plus(Duration.ofDays(1)).isBefore(now) ? new Name(1, now)
						: new Name(name.failures() + 1, now));
	}

	/** Clears the name's counter at this source only: the owner signing in must not reset a stranger's back-off. */
	void succeeded(String source, String username) {
		Map<String, Name> bySource = names.get(username);
		if (bySource != null) {
			bySource.remove(source);
		}
	}

	/** Staff end a person's back-off at once (the person called the center). */
	void forget(String username) {
		names.remove(username);
	}

	private void sweep(Instant now) {
		if (sources.size() > SWEEP_ABOVE) {
			sources.values().removeIf(s -> !s.windowStart().plus(settings.sourceWindow()).isAfter(now));
		}
		if (names.size() > SWEEP_ABOVE) {
			names.values().forEach(bySource -> bySource.values()
				.removeIf(n -> n.lastFailure().plus(Duration.ofDays(1)).isBefore(now)));
			names.values().removeIf(Map::isEmpty);
		}
	}
}
