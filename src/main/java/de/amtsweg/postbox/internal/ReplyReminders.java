package de.amtsweg.postbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.postbox.internal.PostboxEvents.ReplyReminderDue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds applicants of a reply-by date a few days before it, once: the flag
 * {@code reminder_sent_at} is set in the transaction that queues the mail, and only one
 * node runs the job at a time.
 */
@Component
public class ReplyReminders {

	private final PostboxRepository repository;

	private final JobLock lock;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final PostboxProperties properties;

	private final Clock clock;

	ReplyReminders(PostboxRepository repository, JobLock lock, AuditLog auditLog, ApplicationEventPublisher events,
			TransactionTemplate transactions, PostboxProperties properties, Clock clock) {
		this.repository = repository;
		this.lock = lock;
		this.auditLog = auditLog;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${amtsweg.postbox.reminder-interval:PT1H}",
			initialDelayString = "${amtsweg.postbox.reminder-interval:PT1H}")
	void scheduled() {
		this.lock.runExclusively("postbox-reply-reminders", Duration.ofMinutes(30), this::sendDue);
	}

	/** Queues every due reminder; returns how many. */
	public int sendDue() {
		AtomicInteger sent = new AtomicInteger();
		SystemActor.run(() -> {
			LocalDate today = LocalDate.now(this.clock);
			for (UUID id : this.repository.dueForReminder(today,
					today.plusDays(this.properties.reminderDaysBefore()))) {
				this.transactions.executeWithoutResult((status) -> {
					if (this.repository.claimReminder(id, this.clock.instant())) {
						this.events.publishEvent(new ReplyReminderDue(id));
						this.auditLog.record("postbox.reminder.queued", "postbox-thread", id.toString(), null, "");
						sent.incrementAndGet();
					}
				});
			}
			this.repository.deleteExpiredGuestTokens(this.clock.instant());
		});
		return sent.get();
	}

}
