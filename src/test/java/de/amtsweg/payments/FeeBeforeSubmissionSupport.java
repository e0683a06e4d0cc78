package de.amtsweg.payments;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import org.jspecify.annotations.Nullable;

/**
 * The certificate order (Urkundenanforderung), the demo form whose fee is paid before the
 * submission counts: a complete draft for two birth certificates (24,00 €).
 */
final class FeeBeforeSubmissionSupport {

	static final String FORM = "urkundenanforderung";

	private FeeBeforeSubmissionSupport() {
	}

	/** A draft with every answer given, ready for the check page. */
	static Draft completeDraft(FormFilling filling, Municipality municipality, @Nullable UUID accountId,
			String familyName, String email) {
		return SystemActor.call(() -> {
			Draft draft = filling.start(municipality, FORM, accountId);
			Applicant applicant = new Applicant(accountId, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = filling.load(municipality, FORM, draft.id(), applicant);
			Answers answers = loaded.draft().answers();
			answers.put("kind", "geburt");
			answers.put("relation", "selbst");
			answers.put("birthGivenName", "Erika");
			answers.put("birthFamilyName", familyName);
			answers.put("birthDate", date("12", "2", "1980"));
			answers.put("birthPlace", "Musterstadt");
			answers.put("format", "urkunde");
			answers.put("copies", "2");
			answers.put("purpose", "rente");
			answers.put("givenName", "Erika");
			answers.put("familyName", familyName);
			answers.put("dateOfBirth", date("12", "2", "1980"));
			answers.put("address", new LinkedHashMap<>(
					Map.of("street", "Heidestraße", "houseNumber", "17", "postcode", "31999", "city", "Musterstadt")));
			answers.put("email", email);
			answers.put("truthful", "true");
			answers.put("privacy", "true");
			filling.save(loaded, answers);
			return draft;
		});
	}

	/** Submits a complete draft as the check page does. */
	static Submission submit(FormFilling filling, Municipality municipality, @Nullable UUID accountId,
			String familyName, String email) {
		Draft draft = completeDraft(filling, municipality, accountId, familyName, email);
		return SystemActor.call(() -> filling.submit(municipality, FORM, draft.id(), draft.idempotencyKey(),
				new Applicant(accountId, Set.of(draft.id()), Set.of()), Locale.GERMAN));
	}

	private static Map<String, Object> date(String day, String month, String year) {
		return new LinkedHashMap<>(Map.of("day", day, "month", month, "year", year));
	}

}
