package de.amtsweg.forms.internal;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking for a draft or submission: a signed-in citizen (their account) or a guest
 * (the drafts and submissions of their browser session).
 *
 * @param accountId the signed-in citizen's account, or null
 * @param sessionDrafts drafts started or resumed in this browser session
 * @param sessionSubmissions submissions sent from this browser session
 */
public record Applicant(@Nullable UUID accountId, Set<UUID> sessionDrafts, Set<UUID> sessionSubmissions) {

	boolean owns(Draft draft) {
		if (draft.accountId() != null) {
			return draft.accountId().equals(this.accountId);
		}
		return this.sessionDrafts.contains(draft.id());
	}

}
