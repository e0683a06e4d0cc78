package de.amtsweg.catalog;

import java.util.List;

/**
 * What the finder found.
 *
 * @param hits the best hits, best first
 * @param total how many services match in all
 * @param understoodAs the query as searched after correcting misspelt words (equal to the
 * query when nothing was corrected)
 * @param corrected whether a word was corrected
 */
public record SearchResult(List<ServiceSummary> hits, int total, String understoodAs, boolean corrected) {
}
