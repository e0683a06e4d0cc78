package de.amtsweg.forms.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import de.amtsweg.forms.internal.definition.DefinitionProblem;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinitionReader;
import de.amtsweg.forms.internal.definition.InvalidDefinitionException;
import de.amtsweg.forms.internal.definition.Text;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forms of each municipality and their versions: a new version is a draft that can be
 * edited until it is published; a published version never changes (the database refuses
 * it), so every submission keeps the exact definition it was filled with.
 */
@Service
public class FormDefinitions {

	private final FormRepository repository;

	private final FormDefinitionReader reader;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Clock clock;

	private final PublishedVersions publishedVersions = new PublishedVersions();

	FormDefinitions(FormRepository repository, FormDefinitionReader reader, OrgUnits orgUnits, AuditLog auditLog,
			MessageSource messages, Clock clock) {
		this.repository = repository;
		this.reader = reader;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.messages = messages;
		this.clock = clock;
	}

	/** Reads and checks a definition for this municipality, or throws every problem. */
	public FormDefinition check(UUID municipalityId, String json, Locale locale) {
		FormDefinition definition = this.reader.read(json, locale);
		String unit = definition.local().responsibleUnit();
		if (unit != null && this.orgUnits.byKey(municipalityId, unit).isEmpty()) {
			String known = this.orgUnits.of(municipalityId)
				.stream()
				.map(OrgUnit::key)
				.collect(Collectors.joining(", "));
			throw new InvalidDefinitionException(List.of(new DefinitionProblem("/local/responsibleUnit", this.messages
				.getMessage("forms.definition.responsibleUnit.unknown", new Object[] { unit, known }, locale))));
		}
		return definition;
	}

	/**
	 * Saves a definition as the draft of its form: creates the form if it is new, updates
	 * its draft, or starts a new draft version after the published one.
	 */
	@Transactional
	public FormVersion save(UUID municipalityId, String json, String origin, Locale locale) {
		FormDefinition definition = check(municipalityId, json, locale);
		UUID formId = this.repository.findForm(municipalityId, definition.key())
			.orElseGet(() -> this.repository.insertForm(municipalityId, definition.key()));
		Optional<FormVersion> draft = this.repository.findDraft(municipalityId, definition.key());
		UUID versionId;
		if (draft.isPresent()) {
			versionId = draft.get().id();
			this.repository.updateDraft(versionId, json, definition.title().german(), this.clock.instant());
		}
		else {
			versionId = this.repository.insertVersion(formId, this.repository.nextVersion(formId), json,
					definition.title().german(), origin, this.clock.instant());
		}
		FormVersion saved = this.repository.findVersion(versionId).orElseThrow();
		this.auditLog.record("form.draft-saved", "form-version", versionId.toString(), municipalityId,
				saved.key() + " v" + saved.version() + " (" + origin + ")");
		return saved;
	}

	/** Saves a changed draft of an existing form; the key cannot change. */
	@Transactional
	public FormVersion saveEdited(UUID municipalityId, String key, String json, Locale locale) {
		FormDefinition definition = check(municipalityId, json, locale);
		if (!definition.key().equals(key)) {
			throw new InvalidDefinitionException(List.of(new DefinitionProblem("/key",
					this.messages.getMessage("forms.definition.key.changed", new Object[] { key }, locale))));
		}
		requireForm(municipalityId, key);
		return save(municipalityId, json, "editor", locale);
	}

	/**
	 * Starts a new draft from the newest published version (or returns the open draft).
	 */
	@Transactional
	public FormVersion newDraft(UUID municipalityId, String key) {
		Optional<FormVersion> draft = this.repository.findDraft(municipalityId, key);
		if (draft.isPresent()) {
			return draft.get();
		}
		FormVersion published = this.repository.findLatestPublished(municipalityId, key)
			.orElseThrow(() -> new NotFoundException("Form " + key));
		UUID id = this.repository.insertVersion(published.formId(), published.version() + 1, published.json(),
				published.definition().title().german(), "editor", this.clock.instant());
		this.auditLog.record("form.draft-created", "form-version", id.toString(), municipalityId,
				key + " v" + (published.version() + 1));
		return this.repository.findVersion(id).orElseThrow();
	}

	/** Publishes the draft: citizens fill it in from now on; it never changes again. */
	@Transactional
	public FormVersion publish(UUID municipalityId, String key) {
		FormVersion draft = this.repository.findDraft(municipalityId, key)
			.orElseThrow(() -> new NotFoundException("Draft of form " + key));
		this.repository.publish(draft.id(), this.clock.instant());
		this.auditLog.record("form.published", "form-version", draft.id().toString(), municipalityId,
				key + " v" + draft.version());
		return this.repository.findVersion(draft.id()).orElseThrow();
	}

	/**
	 * The definition of a version with the lists that come from its municipality (see
	 * {@link FormDefinition#ORG_UNITS}).
	 */
	public FormDefinition completed(FormVersion version) {
		FormDefinition definition = version.definition();
		if (!definition.usesCodeList(FormDefinition.ORG_UNITS)) {
			return definition;
		}
		return definition.withCodeList(FormDefinition.ORG_UNITS,
				this.orgUnits.of(version.municipalityId())
					.stream()
					.map((unit) -> new FormDefinition.Option(unit.key(), Text.german(unit.name())))
					.toList());
	}

	/** The version citizens fill in now. */
	public Optional<FormVersion> published(UUID municipalityId, String key) {
		return this.repository.findLatestPublished(municipalityId, key);
	}

	public Optional<FormVersion> draft(UUID municipalityId, String key) {
		return this.repository.findDraft(municipalityId, key);
	}

	/** A version by id; published ones come from memory after their first read. */
	public Optional<FormVersion> version(UUID versionId) {
		return this.publishedVersions.get(versionId, this.repository::findVersion);
	}

	public List<FormVersion> versions(UUID municipalityId, String key) {
		List<FormVersion> versions = this.repository.findVersions(municipalityId, key);
		if (versions.isEmpty()) {
			throw new NotFoundException("Form " + key);
		}
		return versions;
	}

	public List<FormSummary> summaries(UUID municipalityId) {
		return this.repository.summaries(municipalityId);
	}

	public boolean exists(UUID municipalityId, String key) {
		return this.repository.findForm(municipalityId, key).isPresent();
	}

	private void requireForm(UUID municipalityId, String key) {
		if (this.repository.findForm(municipalityId, key).isEmpty()) {
			throw new NotFoundException("Form " + key);
		}
	}

}
