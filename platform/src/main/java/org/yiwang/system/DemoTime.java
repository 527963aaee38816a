package org.yiwang.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;

/**
 * Moves the demo clock for the people who run a demo: the administrator by a step ({@code /admin/demo-clock}), staff
 * or the administrator to an instant, such as just past a listing's period, so a listing made a minute ago reaches its
 * auction within minutes. Forward only, audited ({@link DemoClockMoved}), kept across restarts ({@link DemoClockStore});
 * not found without demo data.
 */
@Component
public class DemoTime {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Deployment deployment;

	DemoTime(Clock clock, ApplicationEventPublisher events, TransactionTemplate transactions, Deployment deployment) {
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		this.deployment = deployment;
	}

	/** Whether the platform runs on the demo clock. */
	public boolean on() {
		return clock instanceof DemoClock;
	}

	/** Staff or the administrator, on a platform with the demo clock; else refused (not found without it). */
	public Acting requireMover() {
		Acting acting = Actors.requireAnyRole("system.demoClock.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		demo();
		return acting;
	}

	/**
	 * Moves the platform's time so that it reads {@code target} now. A target not after the platform's time is refused
	 * with both times: the demo clock never goes back.
	 */
	public Duration jumpTo(Instant target) {
		requireMover();
		Instant now = clock.instant();
		if (target == null || !target.isAfter(now)) {
			throw Refusal.invalid("target", "system.demoClock.backwards", target == null ? "—" : SHOWN.format(target),
					SHOWN.format(now));
		}
		Duration step = Duration.between(now, target);
		return advance(step);
	}

	/** Moves the platform's time forward by the step: at least a millisecond, at most {@link DemoClock#MAX_STEP}. */
	public Duration advance(Duration step) {
		requireMover();
		if (step.isNegative() || step.isZero()) {
			throw Refusal.invalid("days", "system.demoClock.backwardsStep");
		}
		if (step.compareTo(DemoClock.MAX_STEP) > 0) {
			throw Refusal.invalid("days", "system.demoClock.step", DemoClock.MAX_STEP.toDays());
		}
		DemoClock demo = demo();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> {
			demo.advance(step);
			events.publishEvent(new DemoClockMoved(Actors.actor(), step, demo.offset(), deployment.cityCode(),
					clock.instant()));
		}));
		return step;
	}

	private DemoClock demo() {
		if (clock instanceof DemoClock demo) {
			return demo;
		}
		throw Refusal.notFound("system.demoClock.off");
	}
}
