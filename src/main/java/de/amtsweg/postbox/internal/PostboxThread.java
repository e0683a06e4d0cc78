package de.amtsweg.postbox.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A thread as stored.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param orgUnitId the org unit on the town hall's side
 * @param citizenAccountId the applicant's account, if any
 * @param organisationId the organisation whose members share the thread, if any
 * @param guestEmail the guest's address, if the applicant has no account
 * @param topic {@code general} or {@code <kind>:<id>}
 * @param subject subject line
 * @param replyBy the applicant's reply-by date, if any
 * @param repliedAt when the applicant answered the reply-by request
 * @param reminderSentAt when the reminder was queued
 * @param createdAt when the thread was opened
 * @param lastMessageAt when the latest message was written
 */
public record PostboxThread(UUID id, UUID municipalityId, UUID orgUnitId, @Nullable UUID citizenAccountId,
		@Nullable UUID organisationId, @Nullable String guestEmail, String topic, String subject,
		@Nullable LocalDate replyBy, @Nullable Instant repliedAt, @Nullable Instant reminderSentAt, Instant createdAt,
		Instant lastMessageAt) {

	/** Where the reply-by task stands on a day. */
	public TaskState taskState(LocalDate today) {
		if (this.replyBy == null) {
			return TaskState.NONE;
		}
		if (this.repliedAt != null) {
			return TaskState.ANSWERED;
		}
		return today.isAfter(this.replyBy) ? TaskState.LAPSED : TaskState.OPEN;
	}

	/** The reply-by task of the applicant. */
	public enum TaskState {

		/** No answer is asked for. */
		NONE,
		/** An answer is due by the reply-by date. */
		OPEN,
		/** The applicant answered. */
		ANSWERED,
		/** The reply-by date passed without an answer. */
		LAPSED

	}

}
