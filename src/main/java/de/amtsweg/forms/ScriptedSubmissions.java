package de.amtsweg.forms;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.IncompleteAnswersException;
import de.amtsweg.forms.internal.SubmissionListing;
import de.amtsweg.platform.Municipality;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submissions the platform makes for a citizen's account without the pages (the demo
 * data's requests): the same draft, prefill from the account, validation of every page
 * and submission as through the pages, so the result arrives like any other submission
 * ({@link FormSubmitted}, then the case).
 */
@Service
public class ScriptedSubmissions {

	private final FormFilling filling;

	ScriptedSubmissions(FormFilling filling) {
		this.filling = filling;
	}

	/** The account's newest submission of the form, if it made one. */
	@Transactional(readOnly = true)
	public Optional<UUID> submittedBy(UUID accountId, String key) {
		return this.filling.submissionsOf(accountId)
			.stream()
			.filter((submission) -> submission.formKey().equals(key))
			.map(SubmissionListing::id)
			.findFirst();
	}

	/**
	 * Starts a draft of the municipality's published form for the account (prefilled from
	 * it), puts the given answers of top-level fields over it and submits it.
	 * @param answers values as the pages store them: text, a map for dates ({@code day},
	 * {@code month}, {@code year}) and addresses, a list of maps for groups
	 * @return the submission
	 * @throws IllegalStateException if a page still has problems
	 */
	@Transactional
	public UUID submit(Municipality municipality, String key, UUID accountId, Map<String, Object> answers,
			Locale locale) {
		Draft draft = this.filling.start(municipality, key, accountId);
		Applicant applicant = new Applicant(accountId, Set.of(draft.id()), Set.of());
		FormFilling.Loaded loaded = this.filling.load(municipality, key, draft.id(), applicant);
		Answers filled = loaded.draft().answers();
		answers.forEach((field, value) -> {
			if (loaded.version().definition().field(field).isPresent()) {
				filled.put(field, value);
			}
		});
		this.filling.save(loaded, filled);
		try {
			return this.filling.submit(municipality, key, draft.id(), draft.idempotencyKey(), applicant, locale).id();
		}
		catch (IncompleteAnswersException ex) {
			throw new IllegalStateException("Answers of " + key + ": " + ex.getMessage(), ex);
		}
	}

}
