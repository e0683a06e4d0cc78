package de.amtsweg.documents;

import java.time.LocalDate;

/**
 * A document to file, with the bytes of its first version.
 *
 * @param type key of its document type, e.g. {@code LETTER_IN}
 * @param title its title
 * @param correspondent sender or recipient, empty if none
 * @param documentDate the date it bears
 * @param fileName the file's name
 * @param contentType its media type
 * @param content its bytes
 */
public record NewDocument(String type, String title, String correspondent, LocalDate documentDate, String fileName,
		String contentType, byte[] content) {
}
