package de.amtsweg.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A Rückfrage: the clerk asked the applicant for information or documents in a postbox
 * thread and waits for the answer until the reply-by day.
 *
 * @param id identifier
 * @param caseId the case
 * @param threadId the postbox thread (topic {@code case:<caseId>})
 * @param askedByName who asked
 * @param askedAt when
 * @param replyBy the last day for the answer (inclusive)
 * @param answeredAt when the applicant answered, if they did
 * @param answerAttachments how many files came with the answer
 * @param lapsedAt when the lapse was noted
 */
public record CaseQuestion(UUID id, UUID caseId, UUID threadId, String askedByName, Instant askedAt, LocalDate replyBy,
		@Nullable Instant answeredAt, @Nullable Integer answerAttachments, @Nullable Instant lapsedAt) {

	/** Where the question stands on a day. */
	public State state(LocalDate today) {
		if (this.answeredAt != null) {
			return State.ANSWERED;
		}
		return today.isAfter(this.replyBy) ? State.LAPSED : State.OPEN;
	}

	/** Where a question stands. */
	public enum State {

		/** Waiting for the answer, the reply-by day is ahead or today. */
		OPEN,
		/** The applicant answered. */
		ANSWERED,
		/** The reply-by day passed without an answer ("Frist abgelaufen"). */
		LAPSED;

		public String messageKey() {
			return "cases.question.state." + name();
		}

	}

}
