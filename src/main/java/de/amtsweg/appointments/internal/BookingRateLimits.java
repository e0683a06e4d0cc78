package de.amtsweg.appointments.internal;

import java.time.Duration;

import de.amtsweg.platform.RateLimits;

import org.springframework.stereotype.Component;

/** Booking attempts per client and hour, counted by the platform's {@link RateLimits}. */
@Component
public class BookingRateLimits {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final RateLimits rateLimits;

	public BookingRateLimits(RateLimits rateLimits) {
		this.rateLimits = rateLimits;
	}

	/** Counts one more attempt; true while it stays within the limit per hour. */
	public boolean attempt(String action, String client, int limitPerHour) {
		return this.rateLimits.attempt(action, client, limitPerHour, WINDOW).allowed();
	}

}
