package de.amtsweg.cases;

import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk hands a case to a named colleague of the same org unit: the colleague holds it
 * and its tasks, gets a mail, the history and the audit log say so; nobody outside the
 * unit can be chosen or hand over.
 */
class CaseHandOverTests extends IntegrationTest {

	private static final String CLERK = "buergerbuero@musterstadt.example";

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	/** A second clerk of the Bürgerbüro, who signs in with the demo password. */
	private Colleague newColleague(String unitKey) {
		UUID id = UUID.randomUUID();
		String email = "kollegin-" + id.toString().substring(0, 8) + "@musterstadt.example";
		String family = "Kollegin" + id.toString().substring(0, 6);
		this.jdbc.sql("""
				insert into staff_account (id, municipality_id, email, password_hash, given_name, family_name)
				select :id, municipality_id, :email, password_hash, 'Klara', :family from staff_account
				 where email = :template""")
			.param("id", id)
			.param("email", email)
			.param("family", family)
			.param("template", CLERK)
			.update();
		this.jdbc.sql("insert into staff_role (staff_id, role, org_unit_id) values (:id, 'CLERK', :unit)")
			.param("id", id)
			.param("unit", this.orgUnits.byKey(musterstadt().id(), unitKey).orElseThrow().id())
			.update();
		return new Colleague(id, email, "Klara " + family);
	}

	private record Colleague(UUID id, String email, String name) {
	}

	private UUID newCase() {
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), null, "Hanna",
				"Hand", "uebergabe-" + UUID.randomUUID() + "@example.org");
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	@Test
	void aClerkHandsTheCaseToAColleagueOfTheUnitWhoGetsItWithAMail() {
		Colleague klara = newColleague("buergerbuero");
		UUID caseId = newCase();
		String path = "/intern/vorgaenge/" + caseId;
		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK);
		clerk.get(path);
		clerk.submit(path + "/uebernehmen", Map.of());

		WebSession.Page page = clerk.get(path);
		assertThat(page.document().select("select#colleague option").eachAttr("value")).contains(klara.id().toString())
			.doesNotContain(this.jdbc.sql("select id::text from staff_account where email = :e")
				.param("e", CLERK)
				.query(String.class)
				.single());
		WebSession.Page refused = clerk.submit(path + "/uebergeben", Map.of("colleague", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary a[href=#colleague]").text())
			.isEqualTo("Wählen Sie eine Kolleg:in der Organisationseinheit");

		clerk.get(path);
		assertThat(clerk.submit(path + "/uebergeben", Map.of("colleague", klara.id().toString())).isRedirect())
			.isTrue();
		assertThat(this.jdbc.sql("select assignee_staff_id from case_file where id = :id")
			.param("id", caseId)
			.query(UUID.class)
			.single()).isEqualTo(klara.id());
		TestMailServer.ReceivedMail mail = TestMailServer.awaitMail(klara.email(), "übergeben");
		assertThat(mail.body()).contains(baseUrl() + path).doesNotContain("Hanna");
		assertThat(clerk.get(path).mainText()).contains("Übergeben an: " + klara.name());
		assertThat(this.auditLog.forRecord("case", caseId.toString())).extracting((entry) -> entry.action())
			.contains("case.handed-over");

		WebSession colleague = CaseFixtures.signedIn(newSession(), "/intern/anmelden", klara.email());
		WebSession.Page hers = colleague.get(path);
		assertThat(hers.mainText()).contains("Vollständigkeit prüfen");
		assertThat(colleague.submit(CaseFixtures.taskAction(hers), Map.of()).isRedirect())
			.as("the colleague works on the tasks")
			.isTrue();
	}

	@Test
	void nobodyOutsideTheUnitIsChosenOrHandsOver() {
		Colleague elsewhere = newColleague("standesamt");
		UUID caseId = newCase();
		String path = "/intern/vorgaenge/" + caseId;
		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK);
		clerk.get(path);
		clerk.submit(path + "/uebernehmen", Map.of());
		WebSession.Page page = clerk.get(path);
		assertThat(page.document().select("select#colleague option").eachAttr("value"))
			.doesNotContain(elsewhere.id().toString());
		assertThat(clerk
			.post(path + "/uebergeben", Map.of("_csrf", clerk.csrfToken(), "colleague", elsewhere.id().toString()))
			.status()).as("a clerk of another unit cannot be chosen").isEqualTo(400);

		WebSession outsider = CaseFixtures.signedIn(newSession(), "/intern/anmelden", elsewhere.email());
		outsider.get("/intern/vorgaenge");
		assertThat(outsider
			.post(path + "/uebergeben", Map.of("_csrf", outsider.csrfToken(), "colleague", elsewhere.id().toString()))
			.status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select assignee_name from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single()).isEqualTo("Berta Bürger");
	}

}
