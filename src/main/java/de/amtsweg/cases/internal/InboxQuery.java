package de.amtsweg.cases.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a clerk asks the inbox for.
 *
 * @param municipalityId the clerk's municipality
 * @param staffId the clerk
 * @param orgUnitIds the clerk's org units
 * @param status only this status; null: all open ones (or all, see includeClosed)
 * @param includeClosed whether closed cases are listed when no status is chosen
 * @param formKey only cases of this form
 * @param overdueOn only cases whose deadline ended before this day
 * @param assignee whose cases
 * @param search reference, name or words of the answers
 * @param page page number from 1
 * @param deputisingFor absent colleagues for whom the clerk deputises: their cases count
 * as the clerk's own
 */
public record InboxQuery(UUID municipalityId, UUID staffId, Set<UUID> orgUnitIds, @Nullable CaseStatus status,
		boolean includeClosed, @Nullable String formKey, @Nullable LocalDate overdueOn, Assignee assignee,
		@Nullable String search, int page, Set<UUID> deputisingFor) {

	/** Whose cases. */
	public enum Assignee {

		ANYONE, ME, UNASSIGNED

	}

}
