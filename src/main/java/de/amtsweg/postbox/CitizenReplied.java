package de.amtsweg.postbox;

import java.util.UUID;

/**
 * The applicant wrote in a thread (published in the transaction of their message), e.g.
 * so that a case waiting for an answer resumes.
 *
 * @param threadId the thread
 * @param municipalityId its municipality
 * @param topic its topic, e.g. {@code case:<uuid>}
 * @param messageId the applicant's message
 * @param attachmentCount how many files came with it
 */
public record CitizenReplied(UUID threadId, UUID municipalityId, String topic, UUID messageId, int attachmentCount) {
}
