package de.amtsweg.queue.internal;

import java.time.Duration;
import java.util.List;

/**
 * The estimated wait, learnt from the service: the mean of the group's last service times
 * (the group's assumed time until there are some), times the visitor's place in the line,
 * shared among the open counters that serve the group.
 */
public final class WaitEstimate {

	private WaitEstimate() {
	}

	/** The mean of the recent service times, or the default when there are none. */
	public static Duration averageServiceTime(List<Long> recentSeconds, Duration assumed) {
		if (recentSeconds.isEmpty()) {
			return assumed;
		}
		long sum = 0;
		for (long seconds : recentSeconds) {
			sum += Math.max(0, seconds);
		}
		return Duration.ofSeconds(Math.round((double) sum / recentSeconds.size()));
	}

	/**
	 * @param averageServiceTime mean service time of the group
	 * @param ahead how many wait before the visitor
	 * @param openCounters open counters serving the group; none counts as one, since
	 * someone will open
	 */
	public static Duration of(Duration averageServiceTime, int ahead, int openCounters) {
		long seconds = averageServiceTime.toSeconds() * (ahead + 1L) / Math.max(1, openCounters);
		return Duration.ofSeconds(seconds);
	}

	/** Whole minutes for people, rounded up, at least one. */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

}
