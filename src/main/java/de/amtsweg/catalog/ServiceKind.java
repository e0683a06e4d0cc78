package de.amtsweg.catalog;

/** What a catalogue entry is. */
public enum ServiceKind {

	/** A service (Leistung) a citizen applies for or has done. */
	SERVICE,
	/** An information page without an application, e.g. Fundtiere und Tierheime. */
	INFORMATION

}
