package de.amtsweg.cases;

/** How a case was decided; each result has its own retention period. */
public enum CaseResult {

	APPROVED, REJECTED, WITHDRAWN;

	public String messageKey() {
		return "cases.result." + name();
	}

}
