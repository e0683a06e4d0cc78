package de.amtsweg.postbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A thread as lists show it.
 *
 * @param id the thread
 * @param topic {@code general} or {@code <kind>:<id>}
 * @param subject the subject line
 * @param lastMessageAt when the latest message was written
 * @param unreadForCitizen messages of the town hall the applicant has not opened
 * @param unreadForStaff messages of the applicant the org unit has not opened
 * @param replyBy the day by which the applicant should answer, if any
 */
public record ThreadSummary(UUID id, String topic, String subject, Instant lastMessageAt, int unreadForCitizen,
		int unreadForStaff, @Nullable LocalDate replyBy) {
}
