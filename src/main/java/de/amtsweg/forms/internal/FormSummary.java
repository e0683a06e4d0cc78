package de.amtsweg.forms.internal;

import org.jspecify.annotations.Nullable;

/**
 * A form in the admin's list.
 *
 * @param key the form's key
 * @param title title of its newest version
 * @param publishedVersion the version citizens fill in, if any
 * @param draftVersion the version being edited, if any
 */
public record FormSummary(String key, String title, @Nullable Integer publishedVersion,
		@Nullable Integer draftVersion) {
}
