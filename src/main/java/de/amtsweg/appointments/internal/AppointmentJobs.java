package de.amtsweg.appointments.internal;

import java.time.Clock;
import java.time.Duration;

import de.amtsweg.accounts.CitizenAccountDeleted;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.SystemActor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module's background work, each on one node at a time: unconfirmed holds lapse
 * (their slots return to the pool), reminders for tomorrow go out once, and old rate
 * limit windows are forgotten.
 */
@Component
class AppointmentJobs {

	private final Bookings bookings;

	private final AppointmentRepository appointments;

	private final JobLock lock;

	private final Clock clock;

	AppointmentJobs(Bookings bookings, AppointmentRepository appointments, JobLock lock, Clock clock) {
		this.bookings = bookings;
		this.appointments = appointments;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void lapseHolds() {
		this.lock.runExclusively("appointments-lapse-holds", Duration.ofMinutes(5),
				() -> SystemActor.run(this.bookings::lapseExpiredHolds));
	}

	@Scheduled(cron = "${amtsweg.appointments.reminder-cron:0 */15 * * * *}")
	void remind() {
		this.lock.runExclusively("appointments-reminders", Duration.ofMinutes(10),
				() -> SystemActor.run(this.bookings::remindTomorrow));
	}

	@ApplicationModuleListener
	void on(CitizenAccountDeleted deleted) {
		this.appointments.forgetAccount(deleted.accountId());
	}

}
