package de.amtsweg.payments;

/** What a claim came from. */
public enum ClaimOrigin {

	/** A form's fee; the origin reference is the submission's id. */
	FORM,
	/** A case, e.g. a fine or a notice with a fee; the reference is the case's. */
	CASE,
	/**
	 * A row imported from the finance system; the reference is the finance system's key.
	 */
	IMPORT,
	/** A reminder fee; the parent claim is the one reminded of. */
	REMINDER,
	/** Entered by finance staff. */
	MANUAL

}
