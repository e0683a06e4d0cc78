package de.amtsweg.catalog;

/**
 * Where a municipality's work on an activity stands. Whether it is online follows from
 * its maturity (3 or 4); this status says whether work on it is under way.
 */
public enum RolloutStatus {

	/** Nothing started. */
	NOT_STARTED,
	/** Being implemented or partly implemented (Umsetzung läuft). */
	IN_PROGRESS,
	/** Done: the planned maturity is reached. */
	COMPLETED

}
