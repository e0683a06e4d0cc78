package de.amtsweg.cases.internal;

import java.time.Duration;

import de.amtsweg.platform.RateLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits status look-ups by reference and access code per client address (fixed hourly
 * windows in the database, so every node counts alike), against guessing codes.
 */
@Component
public class StatusLookupLimit {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final RateLimits rateLimits;

	private final int perHour;

	StatusLookupLimit(RateLimits rateLimits,
			@Value("${amtsweg.cases.status-lookups-per-client-per-hour:30}") int perHour) {
		this.rateLimits = rateLimits;
		this.perHour = perHour;
	}

	/** Counts one look-up; false when the client has used up the hour's look-ups. */
	public boolean tryLookup(String client) {
		return this.rateLimits.attempt("case-status-lookup", client, this.perHour, WINDOW).allowed();
	}

}
