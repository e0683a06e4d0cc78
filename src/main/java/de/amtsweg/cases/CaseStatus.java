package de.amtsweg.cases;

/**
 * Where a case stands, as the applicant is shown it (Bearbeitungsstand). The processing
 * route sets it.
 */
public enum CaseStatus {

	/** Eingegangen. */
	RECEIVED,
	/** In Bearbeitung. */
	IN_PROGRESS,
	/** Rückfrage: the applicant is asked for more. */
	INFORMATION_REQUESTED,
	/** Entschieden. */
	DECIDED,
	/** Zur Abholung bereit (only for pick-up services). */
	READY_FOR_PICKUP,
	/** Abgeschlossen. */
	CLOSED;

	/** The message key of its name. */
	public String messageKey() {
		return "cases.status." + name();
	}

}
