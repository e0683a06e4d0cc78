package de.amtsweg.forms.internal;

import java.util.UUID;

/**
 * A guest asked to continue a draft later; a resume link goes to the address stored with
 * the draft.
 *
 * @param draftId the draft
 * @param language the language of the mail
 */
public record GuestDraftSaved(UUID draftId, String language) {
}
