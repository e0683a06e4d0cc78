package de.amtsweg.postbox;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A thread the town hall opens with an applicant.
 *
 * @param municipalityId the municipality
 * @param orgUnitId the org unit that writes and answers
 * @param citizenAccountId the applicant's account, if they have one
 * @param guestEmail the applicant's address when they have no account (they get a link)
 * @param topic {@code general} or {@code <kind>:<id>}, e.g. {@code case:<uuid>}
 * @param subject the subject line
 * @param firstMessage the first message's text
 * @param staffAuthorId the staff member who writes; null for a message of the org unit
 * itself (e.g. written by a processing route)
 * @param replyBy the day by which the applicant should answer, if any (a task for them)
 * @param organisationId the organisation account whose members all see the thread, if any
 */
public record NewThread(UUID municipalityId, UUID orgUnitId, @Nullable UUID citizenAccountId,
		@Nullable String guestEmail, String topic, String subject, String firstMessage, @Nullable UUID staffAuthorId,
		@Nullable LocalDate replyBy, @Nullable UUID organisationId) {

	/** A thread for a person (account or guest), not an organisation. */
	public NewThread(UUID municipalityId, UUID orgUnitId, @Nullable UUID citizenAccountId, @Nullable String guestEmail,
			String topic, String subject, String firstMessage, @Nullable UUID staffAuthorId,
			@Nullable LocalDate replyBy) {
		this(municipalityId, orgUnitId, citizenAccountId, guestEmail, topic, subject, firstMessage, staffAuthorId,
				replyBy, null);
	}

}
