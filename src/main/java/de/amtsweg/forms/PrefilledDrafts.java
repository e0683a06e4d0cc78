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
 * Drafts other modules start for a signed-in citizen with answers they already know (e.g.
 * the finances page: a change request about a claim, with its Kassenzeichen). The citizen
 * then goes through the normal pages, check page and submission, so the result arrives
 * like any other submission ({@link FormSubmitted}). The demo data submits such drafts at
 * once ({@link #submit}).
 */
@Service
public class PrefilledDrafts {

	private final FormFilling filling;

	PrefilledDrafts(FormFilling filling) {
		this.filling = filling;
	}

	/**
	 * Starts a draft of the municipality's published form, prefilled from the account and
	 * then with the given text answers of top-level fields (others are ignored; the pages
	 * validate everything as usual).
	 * @return the path of the first page that still needs answers, or of the check page
	 */
	@Transactional
	public String start(Municipality municipality, String key, UUID accountId, Map<String, String> answers) {
		Draft draft = prefilled(municipality, key, accountId, answers);
		FormFilling.Resume resume = this.filling.resume(draft.id(), applicantOf(draft));
		return "/antrag/" + key + "/" + draft.id() + "/" + ((resume.pageId() != null) ? resume.pageId() : "pruefen");
	}

	/**
	 * Submits a prefilled draft at once, without the pages (the demo data's requests):
	 * the same validation of every page and submission, so the result arrives like any
	 * other submission.
	 * @param answers values as the pages store them: text, a map for dates ({@code day},
	 * {@code month}, {@code year}) and addresses, a list of maps for groups
	 * @return the submission
	 * @throws IllegalStateException if a page still has problems
	 */
	@Transactional
	public UUID submit(Municipality municipality, String key, UUID accountId, Map<String, ?> answers, Locale locale) {
		Draft draft = prefilled(municipality, key, accountId, answers);
		try {
			return this.filling
				.submit(municipality, key, draft.id(), draft.idempotencyKey(), applicantOf(draft), locale)
				.id();
		}
		catch (IncompleteAnswersException ex) {
			throw new IllegalStateException("Answers of " + key + ": " + ex.getMessage(), ex);
		}
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

	private Draft prefilled(Municipality municipality, String key, UUID accountId, Map<String, ?> answers) {
		Draft draft = this.filling.start(municipality, key, accountId);
		FormFilling.Loaded loaded = this.filling.load(municipality, key, draft.id(), applicantOf(draft));
		Answers filled = loaded.draft().answers();
		answers.forEach((field, value) -> {
			if (loaded.version().definition().field(field).isPresent()) {
				filled.put(field, value);
			}
		});
		this.filling.save(loaded, filled);
		return draft;
	}

	private static Applicant applicantOf(Draft draft) {
		return new Applicant(draft.accountId(), Set.of(draft.id()), Set.of());
	}

}
