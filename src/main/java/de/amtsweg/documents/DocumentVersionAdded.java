package de.amtsweg.documents;

import java.util.UUID;

/**
 * A new version of a document was stored (its text is extracted after the transaction).
 *
 * @param versionId the version
 * @param documentId its document
 * @param municipalityId the municipality
 */
public record DocumentVersionAdded(UUID versionId, UUID documentId, UUID municipalityId) {
}
