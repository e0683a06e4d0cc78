package de.amtsweg.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: follows the system clock until a test moves it, so
 * that deadlines and expiries are tested by moving time, not by waiting.
 */
public final class MutableClock extends Clock {

	private final ZoneId zone;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	public MutableClock(ZoneId zone) {
		this.zone = zone;
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		this.offset.updateAndGet((current) -> current.plus(duration));
	}

	/** Back to the system time. */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock clock = new MutableClock(zone);
		clock.offset.set(this.offset.get());
		return clock;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

}
