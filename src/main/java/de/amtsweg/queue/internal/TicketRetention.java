package de.amtsweg.queue.internal;

import java.time.Clock;
import java.time.Duration;

import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail addresses left on tickets serve only their day; each night (on one node) the
 * addresses of past days are erased. Tickets themselves carry no personal data and stay
 * for the statistics.
 */
@Component
class TicketRetention {

	private final TicketRepository tickets;

	private final JobLock jobLock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TicketRetention(TicketRepository tickets, JobLock jobLock, TransactionTemplate transactions, Clock clock) {
		this.tickets = tickets;
		this.jobLock = jobLock;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "0 15 * * * *", zone = "Europe/Berlin")
	void forgetPastEmails() {
		this.jobLock.runExclusively("queue.forget-emails", Duration.ofMinutes(10),
				() -> SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> forgetNow())));
	}

	int forgetNow() {
		return this.tickets.forgetEmailsBefore(this.clock.instant().atZone(TicketLine.ZONE).toLocalDate());
	}

}
