package de.amtsweg.documents.internal;

import java.util.List;
import java.util.Set;

/** The document types the migration defines (retention periods live in the database). */
public final class DocumentTypes {

	public static final List<String> ALL = List.of("APPLICATION", "ATTACHMENT", "NOTICE", "LETTER_IN", "LETTER_OUT",
			"NOTE", "CONTRACT", "MINUTES", "OTHER");

	static final Set<String> KEYS = Set.copyOf(ALL);

	private DocumentTypes() {
	}

}
