package de.amtsweg.appointments.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the appointments module ({@code amtsweg.appointments.*}).
 *
 * @param holdTime how long an online booking waits for the confirmation by e-mail link
 * @param bookingsPerClientPerHour booking attempts one client address may make per hour
 * with a solved proof-of-work
 * @param bookingsWithoutProofPerClientPerHour booking attempts per client address and
 * hour without a proof-of-work (browsers without JavaScript): stricter, as they cost a
 * bot nothing
 * @param reminderCron when the reminder job looks for tomorrow's appointments
 */
@ConfigurationProperties("amtsweg.appointments")
public record AppointmentsProperties(@DefaultValue("PT30M") Duration holdTime,
		@DefaultValue("30") int bookingsPerClientPerHour, @DefaultValue("6") int bookingsWithoutProofPerClientPerHour,
		@DefaultValue("0 */15 * * * *") String reminderCron) {
}
