package de.amtsweg.cases.internal;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * One version of a case type: what the applicant is shown, the legal processing time, the
 * route and the retention of each result.
 *
 * @param id this version
 * @param municipalityId the municipality, null for all
 * @param formKey the form, null for the default case type
 * @param version version number
 * @param nameDe German name
 * @param nameEn English name
 * @param processingDays legal processing time in calendar days
 * @param pickup whether the result is picked up ("Zur Abholung bereit")
 * @param routeKey the BPMN process key
 * @param noticeTemplate template of the notice
 * @param retentionApproved retention after approval
 * @param retentionRejected retention after rejection
 * @param retentionWithdrawn retention after withdrawal
 */
public record CaseType(UUID id, @Nullable UUID municipalityId, @Nullable String formKey, int version, String nameDe,
		String nameEn, int processingDays, boolean pickup, String routeKey, String noticeTemplate,
		Period retentionApproved, Period retentionRejected, Period retentionWithdrawn) {

	/** The statuses an applicant can see for a case of this type, in their order. */
	public List<CaseStatus> statuses() {
		List<CaseStatus> statuses = new ArrayList<>(List.of(CaseStatus.values()));
		if (!this.pickup) {
			statuses.remove(CaseStatus.READY_FOR_PICKUP);
		}
		return statuses;
	}

	public Period retention(CaseResult result) {
		return switch (result) {
			case APPROVED -> this.retentionApproved;
			case REJECTED -> this.retentionRejected;
			case WITHDRAWN -> this.retentionWithdrawn;
		};
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameDe;
	}

}
