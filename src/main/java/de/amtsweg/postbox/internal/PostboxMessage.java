package de.amtsweg.postbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message with its attachments.
 *
 * @param id identifier
 * @param threadId the thread
 * @param sender which side wrote it
 * @param authorName who wrote it, as shown to staff
 * @param body the text
 * @param sentAt when
 * @param readAt when the other side first opened it
 * @param attachments its files
 */
public record PostboxMessage(UUID id, UUID threadId, Sender sender, String authorName, String body, Instant sentAt,
		@Nullable Instant readAt, List<Attachment> attachments) {

	/** The text's lines without empty ones, each shown as a paragraph. */
	public List<String> paragraphs() {
		return this.body.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** Which side wrote a message. */
	public enum Sender {

		CITIZEN, STAFF

	}

	/**
	 * A stored attachment.
	 *
	 * @param id identifier
	 * @param messageId its message
	 * @param fileName the name it was sent under
	 * @param contentType the type its content has
	 * @param sizeBytes its size
	 * @param blobAddress where the bytes are in the blob store
	 */
	public record Attachment(UUID id, UUID messageId, String fileName, String contentType, long sizeBytes,
			String blobAddress) {

		/** The size for people, e.g. {@code 12 KB}. */
		public String size() {
			return (this.sizeBytes < 1024 * 1024) ? Math.max(1, Math.round(this.sizeBytes / 1024.0)) + " KB"
					: String.format(java.util.Locale.GERMANY, "%.1f MB", this.sizeBytes / (1024.0 * 1024.0));
		}

	}

}
