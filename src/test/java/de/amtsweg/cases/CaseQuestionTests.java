package de.amtsweg.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.internal.CaseQuestions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.postbox.internal.ReplyReminders;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rückfragen over real HTTP: the clerk asks in the postbox, the applicant answers there
 * (with a file), the case resumes; reminders and lapses; nobody else reads or asks.
 */
class CaseQuestionTests extends IntegrationTest {

	private static final String CLERK = "buergerbuero@musterstadt.example";

	private static final String CITIZEN = "erika.mustermann@example.org";

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final byte[] PDF = "%PDF-1.4\n% Nachweis\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	CaseQuestions questions;

	@Autowired
	ReplyReminders reminders;

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	private UUID caseOfErika(String family) {
		UUID erika = CaseFixtures.accountOf(this.jdbc, CITIZEN);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), erika, "Erika",
				family, CITIZEN);
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	private UUID caseOfGuest(String email) {
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), null, "Gerda",
				"Gast", email);
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	private WebSession claimedBy(String clerkEmail, UUID caseId) {
		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", clerkEmail);
		clerk.get("/intern/vorgaenge/" + caseId);
		assertThat(clerk.submit("/intern/vorgaenge/" + caseId + "/uebernehmen", Map.of()).isRedirect()).isTrue();
		return clerk;
	}

	private UUID ask(WebSession clerk, UUID caseId, String question, String replyBy) {
		String path = "/intern/vorgaenge/" + caseId;
		clerk.get(path);
		WebSession.Page asked = clerk.submit(path + "/rueckfrage", Map.of("question", question, "replyBy", replyBy));
		assertThat(asked.isRedirect()).as(asked.mainText()).isTrue();
		return this.jdbc.sql("select thread_id from case_question where case_id = :c and answered_at is null")
			.param("c", caseId)
			.query(UUID.class)
			.single();
	}

	private String status(UUID caseId) {
		return this.jdbc.sql("select status from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	private int events(UUID caseId, String kind) {
		return this.jdbc.sql("select count(*) from case_event where case_id = :c and kind = :k")
			.param("c", caseId)
			.param("k", kind)
			.query(Integer.class)
			.single();
	}

	@Test
	void aClerkAsksTheApplicantAnswersWithAFileInThePostboxAndTheCaseResumes() {
		UUID caseId = caseOfErika("Frage" + UUID.randomUUID().toString().substring(0, 8));
		WebSession clerk = claimedBy(CLERK, caseId);
		String path = "/intern/vorgaenge/" + caseId;
		WebSession.Page page = clerk.get(path);
		LocalDate suggested = LocalDate.parse(page.document().select("#replyBy").val(), GERMAN);
		assertThat(suggested).as("default reply-by day").isAfterOrEqualTo(LocalDate.now(this.clock).plusDays(14));

		WebSession.Page refused = clerk.submit(path + "/rueckfrage", Map.of("question", " ", "replyBy", "31.02.2026"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary a[href=#question]").text())
			.isEqualTo("Geben Sie Ihre Frage ein");
		assertThat(refused.document().select(".error-summary a[href=#replyBy]").text())
			.startsWith("Geben Sie das Datum");

		UUID threadId = ask(clerk, caseId, "Bitte laden Sie eine Kopie Ihres Ausweises hoch.",
				GERMAN.format(suggested));
		assertThat(status(caseId)).isEqualTo("INFORMATION_REQUESTED");
		assertThat(clerk.get(path).mainText()).contains("Rückfrage", "wartet auf Antwort",
				"Antwort bis " + GERMAN.format(suggested));
		WebSession.Page second = clerk.submit(path + "/rueckfrage",
				Map.of("question", "Noch etwas?", "replyBy", GERMAN.format(suggested)));
		assertThat(second.status()).as("one open question at a time").isEqualTo(400);

		WebSession citizen = CaseFixtures.signedIn(newSession(), "/anmelden", CITIZEN);
		WebSession.Page mine = citizen.get("/konto/antraege/" + caseId);
		assertThat(mine.document().select("#status").text()).isEqualTo("Rückfrage");
		assertThat(mine.document().select("#question").text()).contains(GERMAN.format(suggested));
		assertThat(mine.document().select("#question a").attr("href")).isEqualTo("/konto/postfach/" + threadId);
		assertThat(mine.mainText()).contains("Rückfrage: bitte antworten bis " + GERMAN.format(suggested));
		String reference = this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		assertThat(citizen.get("/konto").mainText()).as("the account's timeline")
			.contains(reference, "Rückfrage: bitte antworten bis " + GERMAN.format(suggested));
		assertThat(citizen.get("/konto/antraege").mainText()).as("the one list of requests").contains(reference);
		assertThat(citizen.get("/konto/postfach/" + threadId).mainText())
			.contains("Bitte laden Sie eine Kopie Ihres Ausweises hoch.");
		citizen.get("/konto/postfach/" + threadId);
		assertThat(citizen
			.postMultipart("/konto/postfach/" + threadId,
					Map.of("_csrf", citizen.csrfToken(), "text", "Anbei die Kopie."), "attachments", "ausweis.pdf",
					"application/pdf", PDF)
			.statusCode()).isEqualTo(302);

		await().atMost(Duration.ofSeconds(20)).until(() -> status(caseId).equals("IN_PROGRESS"));
		page = clerk.get(path);
		assertThat(page.mainText()).contains("beantwortet", "mit 1 Datei", "Rückfrage beantwortet");
		String threadLink = page.document().select("a[href=/intern/postfach/" + threadId + "]").attr("href");
		WebSession.Page thread = clerk.get(threadLink);
		assertThat(thread.mainText()).contains("Anbei die Kopie.", "ausweis.pdf");
		assertThat(citizen.get("/konto/antraege/" + caseId).mainText()).contains("Rückfrage beantwortet")
			.doesNotContain("Ihre Antwort wird gebraucht");
		assertThat(this.auditLog.forRecord("case", caseId.toString())).extracting((entry) -> entry.action())
			.contains("case.question-asked", "case.question-answered");
	}

	@Test
	void theRouteDoesNotOverwriteRueckfrageWhileTheQuestionIsOpenAndItsStatusFollowsTheAnswer() {
		UUID caseId = caseOfErika("Halt" + UUID.randomUUID().toString().substring(0, 8));
		WebSession clerk = claimedBy(CLERK, caseId);
		String path = "/intern/vorgaenge/" + caseId;
		UUID threadId = ask(clerk, caseId, "Bitte bestätigen Sie Ihre Anschrift.", "");
		assertThat(status(caseId)).isEqualTo("INFORMATION_REQUESTED");

		// the clerk goes on along the route: its service tasks would set IN_PROGRESS,
		// then
		// DECIDED
		assertThat(clerk.submit(CaseFixtures.taskAction(clerk.get(path)), Map.of()).isRedirect()).isTrue();
		assertThat(status(caseId)).as("still Rückfrage after the check").isEqualTo("INFORMATION_REQUESTED");
		assertThat(clerk
			.submit(CaseFixtures.taskAction(clerk.get(path)),
					Map.of("result", "APPROVED", "reason", "Anschrift laut Melderegister."))
			.isRedirect()).isTrue();
		assertThat(status(caseId)).as("still Rückfrage after the decision").isEqualTo("INFORMATION_REQUESTED");
		assertThat(events(caseId, "status-held")).isEqualTo(2);
		assertThat(clerk.get(path).mainText()).contains("Status zurückgehalten, bis die Rückfrage beantwortet ist");
		WebSession citizen = CaseFixtures.signedIn(newSession(), "/anmelden", CITIZEN);
		assertThat(citizen.get("/konto/antraege/" + caseId).document().select("#status").text()).isEqualTo("Rückfrage");

		citizen.get("/konto/postfach/" + threadId);
		assertThat(citizen
			.postMultipart("/konto/postfach/" + threadId,
					Map.of("_csrf", citizen.csrfToken(), "text", "Die Anschrift stimmt."), "attachments", "a.pdf",
					"application/pdf", PDF)
			.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(20))
			.alias("the status the route reached meanwhile")
			.until(() -> status(caseId).equals("DECIDED"));
	}

	@Test
	void aGuestIsRemindedOnceAndTheLapsedQuestionIsShownToClerkAndApplicant() {
		String email = "rueckfrage-" + UUID.randomUUID() + "@example.org";
		UUID caseId = caseOfGuest(email);
		WebSession clerk = claimedBy(CLERK, caseId);
		LocalDate replyBy = LocalDate.now(this.clock).plusDays(5);
		UUID threadId = ask(clerk, caseId, "Bitte schicken Sie uns die Vollmacht.", GERMAN.format(replyBy));
		TestMailServer.ReceivedMail waiting = TestMailServer.awaitMail(email, "Neue Nachricht");
		assertThat(waiting.body()).doesNotContain("Vollmacht");

		this.clock.advance(Duration.ofDays(3));
		this.reminders.sendDue();
		this.reminders.sendDue();
		TestMailServer.awaitMail(email, "Erinnerung");
		this.clock.advance(Duration.ofDays(1));
		this.reminders.sendDue();
		assertThat(TestMailServer.mailsTo(email)).filteredOn((mail) -> mail.subject().contains("Erinnerung"))
			.as("reminded exactly once")
			.hasSize(1);

		this.clock.advance(Duration.ofDays(2));
		assertThat(this.questions.noteLapses()).isPositive();
		this.questions.noteLapses();
		assertThat(events(caseId, "question-lapsed")).as("lapse noted once").isEqualTo(1);
		assertThat(clerk.get("/intern/vorgaenge/" + caseId).mainText()).contains("Frist abgelaufen");

		TestMailServer.ReceivedMail opened = TestMailServer.awaitMail(email, "wird bearbeitet");
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}")
			.matcher(opened.body());
		assertThat(code.find()).isTrue();
		String reference = this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/status");
		guest.submit("/status", Map.of("reference", reference, "code", code.group()));
		assertThat(guest.get("/status/vorgang").document().select("#question").text()).contains("Frist abgelaufen",
				GERMAN.format(replyBy));

		// the guest answers late through the mailed link; the case resumes all the same
		String link = waiting.link(baseUrl() + "/postfach/gast");
		WebSession answering = newSession();
		String threadPath = answering.get(link).location().orElseThrow().replace(baseUrl(), "");
		answering.get(threadPath);
		assertThat(answering.submit(threadPath, Map.of("text", "Die Vollmacht kommt per Post.")).status())
			.isEqualTo(302);
		await().atMost(Duration.ofSeconds(20)).until(() -> status(caseId).equals("IN_PROGRESS"));
		assertThat(threadPath).contains(threadId.toString());
	}

	@Test
	void nobodyButTheApplicantReadsOrAnswersAndOnlyTheClerkHoldingTheCaseAsks() {
		UUID caseId = caseOfErika("Privat" + UUID.randomUUID().toString().substring(0, 8));
		String path = "/intern/vorgaenge/" + caseId;

		WebSession other = CaseFixtures.signedIn(newSession(), "/intern/anmelden", "standesamt@musterstadt.example");
		other.get("/intern/vorgaenge");
		assertThat(other
			.post(path + "/rueckfrage", Map.of("_csrf", other.csrfToken(), "question", "Fremd?", "replyBy", ""))
			.status()).as("clerk of another unit").isEqualTo(404);

		WebSession unclaimed = CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK);
		WebSession.Page before = unclaimed.get(path);
		assertThat(before.document().select("form[action$=/rueckfrage]")).isEmpty();
		assertThat(unclaimed
			.post(path + "/rueckfrage",
					Map.of("_csrf", unclaimed.csrfToken(), "question", "Vor dem Übernehmen?", "replyBy", ""))
			.status()).as("clerk who has not claimed the case").isEqualTo(409);
		assertThat(status(caseId)).isEqualTo("RECEIVED");

		WebSession clerk = claimedBy(CLERK, caseId);
		UUID threadId = ask(clerk, caseId, "Nur für Erika.", "");

		WebSession max = CaseFixtures.signedIn(newSession(), "/anmelden", "max.mustermann@example.org");
		assertThat(max.get("/konto/postfach/" + threadId).status()).isEqualTo(404);
		max.get("/konto/postfach");
		assertThat(max.post("/konto/postfach/" + threadId, Map.of("_csrf", max.csrfToken(), "text", "Ich bin Max."))
			.status()).isEqualTo(404);
		assertThat(max.get("/konto/antraege/" + caseId).status()).isEqualTo(404);
		assertThat(other.get("/intern/postfach/" + threadId).status()).isEqualTo(404);
		assertThat(status(caseId)).isEqualTo("INFORMATION_REQUESTED");
		assertThat(events(caseId, "answered")).isZero();
	}

}
