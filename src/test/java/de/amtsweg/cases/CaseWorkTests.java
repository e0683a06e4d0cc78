package de.amtsweg.cases;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.internal.StatusLookupLimit;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk works a case along the default route over real HTTP; the applicant follows it
 * in the account and by reference and access code; nobody else sees it.
 */
class CaseWorkTests extends IntegrationTest {

	private static final String CLERK = "buergerbuero@musterstadt.example";

	private static final String CITIZEN = "erika.mustermann@example.org";

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	StatusLookupLimit statusLookupLimit;

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	@Test
	void aClerkClaimsDecidesIssuesTheNoticeAndClosesAndTheCitizenGetsTheNoticeInTheAccount() throws IOException {
		UUID erika = CaseFixtures.accountOf(this.jdbc, CITIZEN);
		String family = "Werkmann" + UUID.randomUUID().toString().substring(0, 8);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), erika, "Erika",
				family, CITIZEN);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		String reference = this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();

		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK);
		WebSession.Page inbox = clerk.get("/intern/vorgaenge?suche=" + reference);
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.mainText()).contains(reference).contains("1 Vorgang");
		assertThat(clerk.get("/intern/vorgaenge?suche=" + family).mainText()).as("search in the answers")
			.contains(reference);
		assertThat(clerk.get("/intern/vorgaenge?bearbeitung=offen&formular=meldebescheinigung").mainText())
			.contains(reference);

		String path = "/intern/vorgaenge/" + caseId;
		WebSession.Page page = clerk.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.mainText()).contains("Familienname", family, "Art der Bescheinigung", "Erweiterte")
			.contains("Eingegangen");
		assertThat(page.document().select("form[action*=/aufgaben/]")).as("tasks only after claiming").isEmpty();

		clerk.submit(path + "/uebernehmen", Map.of());
		assertThat(clerk.get("/intern/vorgaenge?bearbeitung=ich&suche=" + reference).mainText()).contains(reference);
		page = clerk.get(path);
		assertThat(page.mainText()).contains("Vollständigkeit prüfen");
		assertThat(clerk.submit(CaseFixtures.taskAction(page), Map.of()).isRedirect()).isTrue();

		page = clerk.get(path);
		assertThat(page.mainText()).contains("In Bearbeitung", "Entscheiden");
		String decide = CaseFixtures.taskAction(page);
		WebSession.Page refused = clerk.submit(decide, Map.of("result", "APPROVED", "reason", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary a[href=#reason]").text())
			.isEqualTo("Geben Sie eine Begründung ein");
		assertThat(clerk.submit(decide, Map.of("result", "APPROVED", "reason", "Alle Angaben sind vollständig."))
			.isRedirect()).isTrue();

		page = clerk.get(path);
		assertThat(page.mainText()).contains("Entschieden", "Bescheid erstellen");
		clerk.submit(CaseFixtures.taskAction(page), Map.of("noticeText", "Die Bescheinigung kommt mit der Post."));
		page = clerk.get(path);
		assertThat(page.mainText()).contains("Vorgang abschließen", "Bescheid herunterladen");
		clerk.submit(CaseFixtures.taskAction(page), Map.of());
		page = clerk.get(path);
		assertThat(page.mainText()).contains("Abgeschlossen", "Keine offenen Aufgaben");
		assertThat(this.jdbc.sql("select retain_until is not null from case_file where id = :id")
			.param("id", caseId)
			.query(Boolean.class)
			.single()).as("retention set on closing").isTrue();

		WebSession citizen = CaseFixtures.signedIn(newSession(), "/anmelden", CITIZEN);
		assertThat(citizen.get("/konto/antraege").mainText()).contains(reference);
		WebSession.Page mine = citizen.get("/konto/antraege/" + caseId);
		assertThat(mine.document().select("#status").text()).isEqualTo("Abgeschlossen");
		assertThat(mine.mainText()).contains("Eingegangen", "In Bearbeitung", "Entschieden", "bewilligt");
		HttpResponse<byte[]> notice = citizen.download("/konto/antraege/" + caseId + "/bescheid");
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(notice.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Bescheid", reference, "Ihr Antrag wird bewilligt.",
					"Alle Angaben sind vollständig.", "Die Bescheinigung kommt mit der Post.");
		}
		TestMailServer.awaitMail(CITIZEN, "Neuigkeiten zu Ihrem Antrag");
		assertThat(this.auditLog.forRecord("case", caseId.toString())).extracting((entry) -> entry.action())
			.contains("case.read", "case.claimed", "case.task-completed", "case.notice-created",
					"case.read-by-applicant", "case.notice-read");
	}

	@Test
	void nobodyOutsideTheUnitOrTheApplicantFindsTheCase() {
		UUID erika = CaseFixtures.accountOf(this.jdbc, CITIZEN);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), erika, "Erika",
				"Geheim", CITIZEN);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		String path = "/intern/vorgaenge/" + caseId;

		for (String outsider : new String[] { "standesamt@musterstadt.example", "buergerbuero@beispielheim.example" }) {
			WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", outsider);
			assertThat(clerk.get(path).status()).as(outsider + " case page").isEqualTo(404);
			assertThat(clerk.download(path + "/bescheid").statusCode()).as(outsider + " notice").isEqualTo(404);
			assertThat(clerk.download(path + "/anlagen/" + UUID.randomUUID()).statusCode()).as(outsider + " attachment")
				.isEqualTo(404);
			assertThat(clerk.get("/intern/vorgaenge?status=ALL&suche=Geheim").mainText())
				.doesNotContain(caseId.toString());
			clerk.get("/intern/vorgaenge");
			assertThat(clerk.post(path + "/uebernehmen", Map.of("_csrf", clerk.csrfToken())).status())
				.as(outsider + " claim")
				.isEqualTo(404);
		}
		assertThat(this.auditLog.forRecord("case", caseId.toString())).extracting((entry) -> entry.action())
			.as("the refusals outlive the rolled-back requests")
			.contains("case.refused");
		WebSession max = CaseFixtures.signedIn(newSession(), "/anmelden", "max.mustermann@example.org");
		assertThat(max.get("/konto/antraege/" + caseId).status()).isEqualTo(404);
		assertThat(max.download("/konto/antraege/" + caseId + "/bescheid").statusCode()).isEqualTo(404);
		assertThat(max.get("/konto/antraege").mainText()).doesNotContain("Geheim");
	}

	@Test
	void aGuestSeesTheStatusWithTheReferenceAndTheMailedAccessCodeOnly() {
		String email = "status-" + UUID.randomUUID() + "@example.org";
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), null, "Gustav",
				"Gast", email);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		String reference = this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		TestMailServer.ReceivedMail mail = TestMailServer.awaitMail(email, "wird bearbeitet");
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}").matcher(mail.body());
		assertThat(code.find()).as("access code in the mail").isTrue();

		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		WebSession.Page form = guest.get("/status");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.document().select("form[action=/status]")).as(form.body()).isNotEmpty();
		WebSession.Page wrong = guest.submit("/status", Map.of("reference", reference, "code", "AAAAA-AAAAA"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).startsWith("Fehler: ");
		assertThat(guest.get("/status/vorgang").status()).isEqualTo(404);
		guest.get("/status");

		WebSession.Page found = guest.submit("/status",
				Map.of("reference", reference.toLowerCase(), "code", code.group().toLowerCase()));
		assertThat(found.isRedirect()).isTrue();
		WebSession.Page status = guest.get("/status/vorgang");
		assertThat(status.document().select("#status").text()).isEqualTo("Eingegangen");
		assertThat(status.mainText()).contains(reference).doesNotContain("Gustav");
	}

	@Test
	void statusLookupsAreLimitedPerClient() {
		String client = "test-client-" + UUID.randomUUID();
		for (int i = 0; i < 30; i++) {
			assertThat(this.statusLookupLimit.tryLookup(client)).isTrue();
		}
		assertThat(this.statusLookupLimit.tryLookup(client)).isFalse();
		assertThat(this.statusLookupLimit.tryLookup("another-" + client)).isTrue();
	}

}
