package de.amtsweg.cases;

import java.time.Duration;
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

import de.amtsweg.platform.DemoData;
import de.amtsweg.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Submits the demo form "Meldebescheinigung" (responsible unit: Bürgerbüro) the way the
 * forms module does, so the case module receives a real
 * {@link de.amtsweg.forms.FormSubmitted}.
 */
public final class CaseFixtures {

	private CaseFixtures() {
	}

	public static Submission submitRegistrationCertificate(FormFilling filling, Municipality municipality,
			@Nullable UUID accountId, String givenName, String familyName, String email) {
		return SystemActor.call(() -> {
			String key = "meldebescheinigung";
			Draft draft = filling.start(municipality, key, accountId);
			Applicant applicant = new Applicant(accountId, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = filling.load(municipality, key, draft.id(), applicant);
			Answers answers = loaded.draft().answers();
			answers.put("givenName", givenName);
			answers.put("familyName", familyName);
			answers.put("dateOfBirth", new LinkedHashMap<>(Map.of("day", "12", "month", "2", "year", "1980")));
			answers.put("address", new LinkedHashMap<>(
					Map.of("street", "Heidestraße", "houseNumber", "17", "postcode", "31999", "city", "Musterstadt")));
			answers.put("kind", "erweitert");
			answers.put("copies", "2");
			answers.put("delivery", "post");
			answers.put("email", email);
			answers.put("truthful", "true");
			answers.put("privacy", "true");
			filling.save(loaded, answers);
			return filling.submit(municipality, key, draft.id(), draft.idempotencyKey(), applicant, Locale.GERMAN);
		});
	}

	/** The case of the submission, once the listener has opened it. */
	public static UUID awaitCase(JdbcClient jdbc, UUID submissionId) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select id from case_file where submission_id = :s")
				.param("s", submissionId)
				.query(UUID.class)
				.optional(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/** A session signed in with the demo password at the given sign-in page. */
	static WebSession signedIn(WebSession session, String page, String email) {
		session.get(page);
		WebSession.Page signedIn = session.submit(page, Map.of("email", email, "passwort", DemoData.PASSWORD));
		assertThat(signedIn.isRedirect()).as("sign-in of " + email).isTrue();
		assertThat(signedIn.location().orElse("")).doesNotContain("anmelden");
		return session;
	}

	static UUID accountOf(JdbcClient jdbc, String email) {
		return jdbc.sql("select id from citizen_account where email = :e").param("e", email).query(UUID.class).single();
	}

	/** The action of the page's form that completes the route's open task. */
	static String taskAction(WebSession.Page page) {
		return page.document()
			.select("form[action*=/aufgaben/]")
			.stream()
			.map((form) -> form.attr("action"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No open task form on\n" + page.mainText()));
	}

}
