package de.amtsweg.catalog;

import java.util.List;

/**
 * The outcome of an import: either everything was stored, or nothing was and the problems
 * say why.
 *
 * @param problems what was wrong, by row; empty if the import was stored
 * @param servicesCreated services created
 * @param servicesUpdated services updated (or adopted, for shared ones)
 * @param activitiesCreated activities created
 * @param locationsStored locations created or updated
 */
public record ImportReport(List<ImportProblem> problems, int servicesCreated, int servicesUpdated,
		int activitiesCreated, int locationsStored) {

	public static ImportReport failed(List<ImportProblem> problems) {
		return new ImportReport(List.copyOf(problems), 0, 0, 0, 0);
	}

	public boolean stored() {
		return this.problems.isEmpty();
	}

}
