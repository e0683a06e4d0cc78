package de.amtsweg.postbox;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.postbox.internal.Conversations;
import de.amtsweg.postbox.internal.Party;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postbox for other modules, e.g. a case asking the applicant for documents. Each
 * message of the town hall sends the applicant a mail that a message is waiting (never
 * its content); each message of the applicant publishes {@link CitizenReplied}.
 */
@Service
public class Postbox {

	private final Conversations conversations;

	Postbox(Conversations conversations) {
		this.conversations = conversations;
	}

	/**
	 * Opens a thread with the applicant (account, organisation or guest by e-mail).
	 * @return the thread's id
	 * @throws de.amtsweg.platform.InvalidInputException for a missing recipient, subject
	 * or text, a bad topic or a reply-by date in the past
	 */
	@Transactional
	public UUID openThread(NewThread thread) {
		return this.conversations.openThread(thread);
	}

	/**
	 * Writes in a thread as a staff member of its org unit.
	 * @throws de.amtsweg.platform.NotFoundException when the thread does not exist or
	 * belongs to an org unit the author has no role in
	 */
	@Transactional
	public void postAsStaff(UUID threadId, StaffPrincipal author, String text, List<NewAttachment> attachments) {
		postAsStaff(threadId, author, text, attachments, null);
	}

	/**
	 * Writes in a thread as a staff member and asks for an answer by the day (a task for
	 * the applicant, with a reminder before it).
	 */
	@Transactional
	public UUID postAsStaff(UUID threadId, StaffPrincipal author, String text, List<NewAttachment> attachments,
			@Nullable LocalDate replyBy) {
		return this.conversations.reply(new Party.Staff(author), threadId, text, attachments, replyBy);
	}

	/**
	 * Deletes the threads of a topic with their messages and attachments (e.g. a case
	 * past its retention period).
	 * @return how many threads were deleted
	 */
	@Transactional
	public int removeTopic(UUID municipalityId, String topic) {
		return this.conversations.removeTopic(municipalityId, topic);
	}

	/** The threads of a topic (e.g. {@code case:<uuid>}), newest first. */
	@Transactional
	public List<ThreadSummary> threadsOfTopic(UUID municipalityId, String topic) {
		return this.conversations.threadsOfTopic(municipalityId, topic);
	}

}
