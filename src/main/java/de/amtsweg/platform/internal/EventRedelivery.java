package de.amtsweg.platform.internal;

import java.time.Duration;

import de.amtsweg.platform.JobLock;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries event listeners that failed (e.g. a mail server that was down): every few
 * minutes, on one node, publications older than a minute that are still incomplete are
 * delivered again.
 */
@Component
class EventRedelivery {

	private final IncompleteEventPublications incomplete;

	private final JobLock lock;

	EventRedelivery(IncompleteEventPublications incomplete, JobLock lock) {
		this.incomplete = incomplete;
		this.lock = lock;
	}

	@Scheduled(fixedDelayString = "${amtsweg.events.redelivery-interval:PT2M}",
			initialDelayString = "${amtsweg.events.redelivery-interval:PT2M}")
	void redeliver() {
		this.lock.runExclusively("event-redelivery", Duration.ofMinutes(10),
				() -> this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1)));
	}

}
