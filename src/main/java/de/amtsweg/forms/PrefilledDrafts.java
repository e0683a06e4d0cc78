package de.amtsweg.forms;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.platform.Municipality;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts other modules start for a signed-in citizen with answers they already know (e.g.
 * the finances page: a change request about a claim, with its Kassenzeichen). The citizen
 * then goes through the normal pages, check page and submission, so the result arrives
 * like any other submission ({@link FormSubmitted}).
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
		FormFilling.Resume resume = this.filling.resume(draft.id(), applicant);
		return "/antrag/" + key + "/" + draft.id() + "/" + ((resume.pageId() != null) ? resume.pageId() : "pruefen");
	}

}
