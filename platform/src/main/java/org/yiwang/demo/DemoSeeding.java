package org.yiwang.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each demo runner did at start: its name, whether it finished, the error if not, and how long it took. The
 * runners still let the platform start when they fail (a demo without its tender beats no demo), but a failure is no
 * longer a log line nobody reads: the demo clock page lists it and the {@code demo} health contributor is DOWN.
 */
@Component
@DemoOn
public class DemoSeeding {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

	/** One runner's last outcome; {@code error} is null when it finished. */
	public record Outcome(String runner, boolean ok, String error, double seconds, Instant finishedAt) {
	}

	/** A runner's work; it may throw anything, which marks the runner failed. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;
	}

	private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

	private final Clock clock;

	DemoSeeding(Clock clock) {
		this.clock = clock;
	}

	/** Runs the work, records how it went under the runner's name (replacing an earlier run), never throws. */
	public Outcome run(String runner, Work work) {
		long started = System.nanoTime();
		String error = null;
		try {
			work.run();
		}
		catch (Exception | LinkageError e) {
			error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			log.error("Demo runner {} failed; the platform starts without what it seeds", runner, e);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Outcome outcome = new Outcome(runner, error == null, error, Math.round(seconds * 10) / 10.0, clock.instant());
		synchronized (outcomes) {
			outcomes.remove(runner);
			outcomes.put(runner, outcome);
		}
		if (error == null) {
			log.info("Demo runner {} finished in {} s", runner, outcome.seconds());
		}
		return outcome;
	}

	/** Every runner's last outcome, in the order they ran. */
	public List<Outcome> outcomes() {
		synchronized (outcomes) {
			return List.copyOf(new ArrayList<>(outcomes.values()));
		}
	}

	public List<Outcome> failures() {
		return outcomes().stream().filter(o -> !o.ok()).toList();
	}

	/** For a test that recorded a runner of its own: leaves the shared application as it found it. */
	void forget(String runner) {
		synchronized (outcomes) {
			outcomes.remove(runner);
		}
	}
}
