/**
 * Public holidays per state (and later the deadline arithmetic of the BGB built on them),
 * used wherever a date must skip days on which offices are closed: opening hours of the
 * catalogue, deadlines of cases, appointment calendars. Publishes
 * {@link de.amtsweg.deadlines.PublicHolidays}.
 */
@NullMarked
@ApplicationModule(displayName = "Deadlines")
package de.amtsweg.deadlines;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
