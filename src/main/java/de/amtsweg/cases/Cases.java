package de.amtsweg.cases;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may ask about cases (the mail room, the integration with specialist
 * systems, documents). Callers check their own access rules; this facade answers plain
 * facts and audits nothing itself.
 */
public interface Cases {

	/**
	 * Finds a case by its reference number in a municipality.
	 * @param municipalityId the municipality
	 * @param reference the reference number, e.g. {@code VG-2026-000123}
	 * @return the case, if there is one
	 */
	Optional<CaseSummary> byReference(UUID municipalityId, String reference);

	/**
	 * Finds a case by its id.
	 * @param caseId the case
	 * @return the case, if there is one
	 */
	Optional<CaseSummary> byId(UUID caseId);

	/**
	 * The end of a closed case's retention period (by its result and case type).
	 * @param caseId the case
	 * @return the day, empty while the case is open or when there is no such case
	 */
	Optional<java.time.LocalDate> retainUntil(UUID caseId);

	/**
	 * A case without its answers.
	 *
	 * @param id the case
	 * @param municipalityId its municipality
	 * @param reference reference number
	 * @param orgUnitId the responsible org unit
	 * @param titleDe title in German
	 * @param titleEn title in English
	 * @param applicantAccountId the applicant's account, null for a guest
	 * @param applicantName the applicant's name
	 * @param status where it stands
	 */
	record CaseSummary(UUID id, UUID municipalityId, String reference, UUID orgUnitId, String titleDe, String titleEn,
			@Nullable UUID applicantAccountId, String applicantName, CaseStatus status) {
	}

}
