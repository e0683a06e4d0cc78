package de.amtsweg.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document in a file; its content is in its versions.
 *
 * @param id the document
 * @param fileId its file
 * @param type key of its document type, e.g. {@code NOTICE}
 * @param title its title
 * @param correspondent sender or recipient, empty if none
 * @param documentDate the date it bears
 * @param createdAt when it was filed
 * @param currentVersion the number of its newest version
 */
public record FiledDocument(UUID id, UUID fileId, String type, String title, String correspondent,
		LocalDate documentDate, Instant createdAt, int currentVersion) {
}
