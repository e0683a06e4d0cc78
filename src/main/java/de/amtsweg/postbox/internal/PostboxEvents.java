package de.amtsweg.postbox.internal;

import java.util.UUID;

/** Events the postbox publishes to itself, so that mails leave through the outbox. */
public final class PostboxEvents {

	private PostboxEvents() {
	}

	/**
	 * The town hall wrote in a thread: the applicant gets a mail that a message waits.
	 *
	 * @param threadId the thread
	 * @param messageId the message
	 */
	public record MessageWaiting(UUID threadId, UUID messageId) {
	}

	/**
	 * The applicant's reply-by date is near: they get one reminder.
	 *
	 * @param threadId the thread
	 */
	public record ReplyReminderDue(UUID threadId) {
	}

}
