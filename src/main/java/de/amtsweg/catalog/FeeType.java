package de.amtsweg.catalog;

/** How a fee is charged. */
public enum FeeType {

	/** One amount. */
	FIXED,
	/** An amount per unit, e.g. per page or per dog. */
	PER_UNIT,
	/** From one amount to another, depending on the case. */
	RANGE,
	/** No fee. */
	FREE

}
