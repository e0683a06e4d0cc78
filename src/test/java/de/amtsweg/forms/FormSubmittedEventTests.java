package de.amtsweg.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@RecordApplicationEvents
class FormSubmittedEventTests extends IntegrationTest {

	@Autowired
	FormDefinitions definitions;

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Submissions submissions;

	@Test
	void aSubmissionPublishesFormSubmittedOnceWithTheExactVersion() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String key = TestForms.publish(this.definitions, musterstadt.id(), TestForms.DEATH_CERTIFICATE, "ereignis");
		Submission submission = SystemActor.call(() -> {
			Draft draft = this.filling.start(musterstadt, key, null);
			Applicant guest = new Applicant(null, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = this.filling.load(musterstadt, key, draft.id(), guest);
			Answers answers = loaded.draft().answers();
			answers.put("name", "Gertrud Beispiel");
			answers.put("born", new LinkedHashMap<>(Map.of("day", "12", "month", "2", "year", "1940")));
			answers.put("died", new LinkedHashMap<>(Map.of("day", "3", "month", "11", "year", "2025")));
			Map<String, Object> certificate = new LinkedHashMap<>(Map.of("kind", "standard", "copies", "1"));
			answers.put("certificates", new ArrayList<>(List.of(certificate)));
			answers.put("abroad", "no");
			answers.put("email", "gertrud@example.org");
			answers.put("iban", "DE89370400440532013000");
			answers.put("consent", "true");
			this.filling.save(loaded, answers);
			Submission first = this.filling.submit(musterstadt, key, draft.id(), draft.idempotencyKey(), guest,
					Locale.GERMAN);
			Submission again = this.filling.submit(musterstadt, key, draft.id(), draft.idempotencyKey(), guest,
					Locale.GERMAN);
			assertThat(again.id()).isEqualTo(first.id());
			return first;
		});
		assertThat(this.events.stream(FormSubmitted.class)).singleElement().satisfies((event) -> {
			assertThat(event.submissionId()).isEqualTo(submission.id());
			assertThat(event.formKey()).isEqualTo(key);
			assertThat(event.formVersion()).isEqualTo(1);
			assertThat(event.municipalityId()).isEqualTo(musterstadt.id());
			assertThat(event.applicantAccountId()).isNull();
		});
		assertThat(submission.computed()).containsKey("fee");
		assertThat(this.submissions.get(submission.id())).hasValueSatisfying((form) -> {
			assertThat(form.reference()).isEqualTo(submission.reference());
			assertThat(form.responsibleUnit()).isEqualTo("standesamt");
			assertThat(form.answers()).containsEntry("name", "Gertrud Beispiel");
			assertThat(form.computed().get("fee")).isEqualByComparingTo("12.00");
		});
	}

	@Test
	void theDemoFormsArePublishedInBothMunicipalities() {
		for (String slug : List.of("musterstadt", "beispielheim")) {
			WebSession session = newSession();
			session.get("/gemeinde/" + slug);
			for (String key : List.of("geburtsurkunde", "meldebescheinigung", "briefwahl", "hundesteuer-anmeldung",
					"bewohnerparkausweis", "gewerbeanmeldung", "veranstaltung-anzeige", "kita-anmeldung",
					"wohnberechtigungsschein", "wohngeld", "bauantrag", "urkundenanforderung", "hundesteuer-abmeldung",
					"gewerbeummeldung", "gewerbeabmeldung", "versammlung-anzeige", "kontakt")) {
				WebSession.Page start = session.get("/antrag/" + key);
				assertThat(start.status()).as(slug + " " + key).isEqualTo(200);
				String first = session.submit("/antrag/" + key, Map.of()).location().orElseThrow();
				assertThat(session.get(first.replace(baseUrl(), "")).status()).as(slug + " " + key + " page 1")
					.isEqualTo(200);
			}
		}
	}

}
