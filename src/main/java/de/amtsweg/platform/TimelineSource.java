package de.amtsweg.platform;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A module's contribution to the citizen's one timeline on the account's start page.
 * Modules declare beans of this type, so the account needs to know none of them. Each
 * source answers only with what belongs to the account (and audits its reads).
 */
public interface TimelineSource {

	/** The account's entries, with texts in the locale. */
	List<TimelineEntry> entriesFor(UUID accountId, Locale locale);

}
