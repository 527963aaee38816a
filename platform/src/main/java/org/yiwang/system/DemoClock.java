package org.yiwang.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform's clock with demo data on: real time plus an offset the administrator moves forward at
 * {@code /admin/demo-clock} (staff also jump past a listing's period, {@link DemoTime}), so a newcomer can walk a
 * tender through its 20 days to the deadline, three days of publicity and so on in one sitting. Never backwards
 * (deadlines, receipts and the audit log assume time only grows): every move is kept in the database and restored at
 * the next start ({@link DemoClockStore}). With {@code yiwang.demo=false} the platform runs on the plain system clock.
 * Tests that live through days extend it ({@code org.yiwang.AdjustableClock}).
 */
public class DemoClock extends Clock {

	/** Enough for any procedure's periods; more is a typing error. */
	public static final Duration MAX_STEP = Duration.ofDays(400);

	private final Clock base;

	private volatile Duration offset = Duration.ZERO;

	/** Told of every move, in the mover's transaction; nothing for a clock no store keeps (tests). */
	private volatile java.util.function.BiConsumer<Duration, Instant> keeper = (offset, shownAt) -> {
	};

	protected DemoClock(Clock base) {
		this.base = base;
	}

	public Duration offset() {
		return offset;
	}

	public synchronized void advance(Duration by) {
		if (by.isNegative() || by.isZero() || by.compareTo(MAX_STEP) > 0) {
			throw new IllegalArgumentException("a step forward of at most " + MAX_STEP);
		}
		Duration moved = offset.plus(by);
		keeper.accept(moved, base.instant().plus(moved));
		offset = moved;
	}

	/**
	 * At start: the stored offset, or more if the host's clock went back since the platform last showed
	 * {@code shownAt}; never less than the offset already set.
	 */
	synchronized void restore(Duration stored, Instant shownAt) {
		Duration needed = Duration.between(base.instant(), shownAt);
		Duration restored = stored.compareTo(needed) >= 0 ? stored : needed;
		if (restored.compareTo(offset) > 0) {
			offset = restored;
		}
	}

	/**
	 * On a fresh demo database only (nothing stored yet): the clock starts this far behind real time, so the demo can
	 * seed a year of tenders each at its own time, moving forward month by month to real time (docs/demo.md). It is
	 * the one way the offset is ever below zero, and only before anything was kept.
	 */
	synchronized void startBack(Duration back) {
		if (back.isNegative() || back.compareTo(MAX_STEP) > 0) {
			throw new IllegalArgumentException("a start at most " + MAX_STEP + " back");
		}
		offset = back.negated();
	}

	void keepIn(java.util.function.BiConsumer<Duration, Instant> keeper) {
		this.keeper = keeper;
	}

	@Override
	public ZoneId getZone() {
		return base.getZone();
	}

	/** A view in another zone that follows this clock's later moves too. */
	@Override
	public Clock withZone(ZoneId zone) {
		DemoClock self = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		return base.instant().plus(offset);
	}
}
