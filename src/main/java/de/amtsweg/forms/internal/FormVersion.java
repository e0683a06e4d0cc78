package de.amtsweg.forms.internal;

import java.time.Instant;
import java.util.UUID;

import de.amtsweg.forms.internal.definition.FormDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One version of a municipality's form.
 *
 * @param id identifier; submissions point to it
 * @param formId the form
 * @param municipalityId the municipality
 * @param key the form's key
 * @param version number, from 1
 * @param status {@code DRAFT} (being edited) or {@code PUBLISHED} (frozen)
 * @param origin editor, fim, shared or demo
 * @param json the definition as written
 * @param definition the definition as read
 * @param updatedAt last change
 * @param publishedAt when it was published
 */
public record FormVersion(UUID id, UUID formId, UUID municipalityId, String key, int version, String status,
		String origin, String json, FormDefinition definition, Instant updatedAt, @Nullable Instant publishedAt) {

	public static final String DRAFT = "DRAFT";

	public static final String PUBLISHED = "PUBLISHED";

	public boolean isPublished() {
		return PUBLISHED.equals(this.status);
	}

}
