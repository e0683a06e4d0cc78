/**
 * The call system of a citizens' office: per location service groups with a ticket
 * prefix, counters and the secret URLs of kiosks and display boards; tickets drawn at a
 * kiosk or by checking in with an appointment code, called to a counter by a clerk and
 * shown on the display board live (Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY, so
 * any number of nodes work); the office manager's dashboard and daily statistics.
 * Publishes the SPI {@link de.amtsweg.queue.AppointmentCheckIns}, which the appointments
 * module implements.
 */
@NullMarked
@ApplicationModule(displayName = "Queue")
package de.amtsweg.queue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
