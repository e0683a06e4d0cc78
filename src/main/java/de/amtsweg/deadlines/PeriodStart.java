package de.amtsweg.deadlines;

/** How a period begins (BGB §187). */
public enum PeriodStart {

	/**
	 * §187(1): the period starts with an event during a day (a notice is delivered), so
	 * that day is not counted. The usual case for deadlines.
	 */
	AFTER_EVENT_DAY,

	/**
	 * §187(2): the period starts at the beginning of a day (e.g. a contract "from 1
	 * March", or a person's age from the day of birth), so that day is counted.
	 */
	BEGINNING_OF_DAY

}
