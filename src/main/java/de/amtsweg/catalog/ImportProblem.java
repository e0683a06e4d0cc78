package de.amtsweg.catalog;

import java.util.List;

/**
 * Something wrong with one place of an imported file.
 *
 * @param row the record (CSV; the header is row 1) or the number of the service (JSON); 0
 * for the file as a whole
 * @param column the column (CSV) or JSON path
 * @param messageKey key of the message in the catalog bundle
 * @param arguments arguments of the message
 */
public record ImportProblem(int row, String column, String messageKey, List<Object> arguments) {
}
