package de.amtsweg.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a document.
 *
 * @param id the version
 * @param documentId its document
 * @param version its number, from 1
 * @param blob the blob store address of its bytes
 * @param fileName the file's name
 * @param contentType its media type
 * @param size bytes
 * @param createdAt when it was stored
 * @param createdBy who stored it (audit actor name)
 */
public record DocumentVersion(UUID id, UUID documentId, int version, String blob, String fileName, String contentType,
		long size, Instant createdAt, String createdBy) {
}
