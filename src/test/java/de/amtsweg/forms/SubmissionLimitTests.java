package de.amtsweg.forms;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.ProofOfWork;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions per client are limited: with a solved proof-of-work challenge generously,
 * without (no JavaScript, or a reused solution) strictly; over the limit a German page
 * explains it and the draft stays. The test profile sets both limits high; this test
 * fills them up in the database instead of sending thousands of forms.
 */
class SubmissionLimitTests extends IntegrationTest {

	private static final String ONE_PAGE = """
			{
			  "schemaVersion": 1,
			  "key": "KEY",
			  "title": "Kurze Mitteilung",
			  "pages": [
			    {"id": "mitteilung", "title": "Mitteilung", "fields": [
			      {"id": "text", "type": "text", "label": "Mitteilung"}
			    ]}
			  ],
			  "local": {"responsibleUnit": "buergerbuero"}
			}
			""";

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	private String key;

	@BeforeEach
	void publishForm() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		this.key = TestForms.publish(this.definitions, musterstadt, ONE_PAGE, "limit");
	}

	@AfterEach
	void forgetCounts() {
		this.jdbc.sql("delete from rate_limit where name like 'form-submission%'").update();
	}

	@Test
	void overTheLimitWithoutProofTheClientIsToldWhyWhileASolvedChallengeStillGetsThrough() {
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");

		// one submission without a solution counts under the strict limit; then fill it
		// up
		String first = checkPage(guest);
		assertThat(guest.submit(first.replace("/pruefen", "/absenden"), Map.of()).location()).isPresent();
		assertThat(this.jdbc
			.sql("update rate_limit set attempts = 100000, window_started_at = :now "
					+ "where name = 'form-submission-without-proof'")
			.param("now", Timestamp.from(this.clock.instant()))
			.update()).isEqualTo(1);

		String check = checkPage(guest);
		WebSession.Page refused = guest.submit(check.replace("/pruefen", "/absenden"), Map.of());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.title()).startsWith("Zu viele Anträge in kurzer Zeit");
		assertThat(refused.mainText()).contains("Ihr Antrag ist gespeichert, aber noch nicht abgesendet.");
		assertThat(refused.document().select("main a[href=" + check + "]")).hasSize(1);
		assertThat(guest.get(check).status()).as("the draft is kept").isEqualTo(200);

		// the same client with a solved challenge counts under the generous limit
		WebSession.Page page = guest.get(check);
		String challenge = page.document().select("input[name=powChallenge]").attr("value");
		int difficulty = Integer
			.parseInt(page.document().select("form[data-proof-of-work]").attr("data-proof-of-work"));
		String solution = ProofOfWork.solve(new ProofOfWork.Challenge(challenge, difficulty));
		WebSession.Page accepted = guest.submit(check.replace("/pruefen", "/absenden"),
				Map.of("powSolution", solution));
		assertThat(accepted.location()).hasValueSatisfying((to) -> assertThat(to).contains("/antrag/eingang/"));

		// a solution counts once: sent again for another draft, it is a replay and
		// falls under the strict limit
		String another = checkPage(guest);
		WebSession.Page replayed = guest.submit(another.replace("/pruefen", "/absenden"),
				Map.of("powChallenge", challenge, "powSolution", solution));
		assertThat(replayed.status()).isEqualTo(429);
	}

	@Test
	void aDoubleClickIsNotCountedTwice() {
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		String check = checkPage(guest);
		String submit = check.replace("/pruefen", "/absenden");
		WebSession.Page first = guest.submit(submit, Map.of());
		WebSession.Page second = guest.submit(submit, Map.of());
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(this.jdbc.sql("select attempts from rate_limit where name = 'form-submission-without-proof'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** Starts a draft, answers its page and returns (and reads) its check page. */
	private String checkPage(WebSession guest) {
		guest.get("/antrag/" + this.key);
		String page = guest.submit("/antrag/" + this.key, Map.of()).location().orElseThrow().replace(baseUrl(), "");
		guest.get(page);
		String check = guest.submit(page, Map.of("text", "Bitte um Rückruf"))
			.location()
			.orElseThrow()
			.replace(baseUrl(), "");
		assertThat(guest.get(check).status()).isEqualTo(200);
		return check;
	}

}
