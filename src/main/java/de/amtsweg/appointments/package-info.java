/**
 * Online appointments (Terminvergabe): calendars per location with bookable services,
 * durations, counters, lead time, horizon, buffers and blocked times (opening hours come
 * from the catalogue); citizens book a slot (held until confirmed by mail), get an
 * iCalendar file and a check-in code, cancel or move by a signed link; staff see day and
 * week lists, book for callers and mark arrivals. The database's exclusion constraint
 * guarantees that no counter is ever booked twice. Publishes
 * {@link de.amtsweg.appointments.Appointments} (check-in for the call system) and the
 * events {@link de.amtsweg.appointments.AppointmentConfirmed} and
 * {@link de.amtsweg.appointments.AppointmentCancelled}.
 */
@NullMarked
@ApplicationModule(displayName = "Appointments")
package de.amtsweg.appointments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
