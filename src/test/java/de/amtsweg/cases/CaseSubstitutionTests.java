package de.amtsweg.cases;

import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Substitution (Vertretung): a clerk of the Bürgerbüro claims a case and reports their
 * absence with a colleague of the Standesamt as deputy; the deputy then finds the case
 * under "assigned to me", marked, and may open it, until the clerk is back. Cases nobody
 * has claimed stay with the clerk's unit.
 */
class CaseSubstitutionTests extends IntegrationTest {

	private static final String INBOX = "/intern/vorgaenge";

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Test
	void theDeputySeesTheClaimedCasesOfTheAbsentClerkUntilTheClerkIsBack() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String clerkEmail = newClerk("buergerbuero", "Anna", "Abwesend");
		String deputyEmail = newClerk("standesamt", "Dora", "Vertretung");
		UUID clerkId = staffId(clerkEmail);
		UUID deputyId = staffId(deputyEmail);

		String family = "Vertretung" + UUID.randomUUID().toString().substring(0, 8);
		UUID claimed = caseOf(CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt, null, "Carla",
				family, "carla@example.org"));
		UUID unclaimed = caseOf(CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt, null, "Udo",
				family, "udo@example.org"));
		String claimedReference = reference(claimed);
		String unclaimedReference = reference(unclaimed);

		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", clerkEmail);
		clerk.get(INBOX + "/" + claimed);
		assertThat(clerk.submit(INBOX + "/" + claimed + "/uebernehmen", Map.of()).isRedirect()).isTrue();

		WebSession deputy = CaseFixtures.signedIn(newSession(), "/intern/anmelden", deputyEmail);
		assertThat(deputy.get(INBOX + "?status=ALL&suche=" + family).mainText()).doesNotContain(claimedReference);
		assertThat(deputy.get(INBOX + "/" + claimed).status()).as("not the deputy's unit").isEqualTo(404);

		WebSession.Page form = clerk.get("/intern/abwesenheit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.document().select("select#deputy option[value=" + deputyId + "]")).hasSize(1);
		assertThat(clerk.submit("/intern/abwesenheit", Map.of("deputy", deputyId.toString())).isRedirect()).isTrue();
		assertThat(clerk.get("/intern/abwesenheit").mainText()).contains("Dora Vertretung");

		WebSession.Page mine = deputy.get(INBOX + "?bearbeitung=ich&suche=" + family);
		assertThat(mine.mainText()).contains(claimedReference).doesNotContain(unclaimedReference);
		assertThat(mine.document().select("tbody tr:contains(" + claimedReference + ") .tag:contains(in Vertretung)"))
			.hasSize(1);
		assertThat(deputy.get(INBOX + "?suche=" + family).mainText()).as("all cases of the deputy's inbox")
			.contains(claimedReference)
			.doesNotContain(unclaimedReference);
		assertThat(deputy.get(INBOX + "/" + claimed).status()).isEqualTo(200);
		assertThat(deputy.get(INBOX + "/" + unclaimed).status()).isEqualTo(404);
		assertThat(deputy.get("/intern/abwesenheit").mainText()).contains("Anna Abwesend");

		WebSession colleague = CaseFixtures.signedIn(newSession(), "/intern/anmelden",
				"buergerbuero@musterstadt.example");
		assertThat(colleague.get(INBOX + "?bearbeitung=offen&suche=" + family).mainText()).as("unclaimed stay")
			.contains(unclaimedReference)
			.doesNotContain(claimedReference);

		assertThat(clerk.submit("/intern/abwesenheit/beenden", Map.of()).isRedirect()).isTrue();
		assertThat(deputy.get(INBOX + "?bearbeitung=ich&suche=" + family).mainText()).doesNotContain(claimedReference);
		assertThat(deputy.get(INBOX + "/" + claimed).status()).isEqualTo(404);
		assertThat(this.auditLog.forRecord("staff-account", clerkId.toString())).extracting(AuditEntry::action)
			.contains("staff-account.absent", "staff-account.present");
	}

	@Test
	void anAdminMarksAClerkAbsentAndADeputyMustBeAColleague() {
		String clerkEmail = newClerk("bauamt", "Bernd", "Urlaub");
		String deputyEmail = newClerk("bauamt", "Greta", "Hilfe");
		UUID clerkId = staffId(clerkEmail);
		UUID deputyId = staffId(deputyEmail);
		UUID otherMunicipality = this.jdbc.sql("""
				select s.id from staff_account s join municipality m on m.id = s.municipality_id
				 where m.slug <> 'musterstadt' and s.active limit 1""").query(UUID.class).single();

		WebSession admin = CaseFixtures.signedIn(newSession(), "/intern/anmelden", "admin@musterstadt.example");
		String path = "/intern/admin/personal/" + clerkId + "/abwesenheit";
		assertThat(admin.get("/intern/admin/personal/" + clerkId).document().select("a[href=" + path + "]")).hasSize(1);
		assertThat(admin.get(path).status()).isEqualTo(200);
		WebSession.Page refused = admin.submit(path, Map.of("deputy", otherMunicipality.toString()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary a[href=#deputy]").text())
			.isEqualTo("Wählen Sie eine andere Person aus Ihrer Verwaltung als Vertretung aus");
		assertThat(admin.submit(path, Map.of("deputy", clerkId.toString())).status()).as("not oneself").isEqualTo(400);
		assertThat(admin.submit(path, Map.of("deputy", deputyId.toString())).isRedirect()).isTrue();
		assertThat(this.jdbc.sql("select deputy_id from staff_absence where staff_id = :id")
			.param("id", clerkId)
			.query(UUID.class)
			.single()).isEqualTo(deputyId);

		WebSession deputy = CaseFixtures.signedIn(newSession(), "/intern/anmelden", deputyEmail);
		assertThat(deputy.get("/intern/admin/personal/" + clerkId + "/abwesenheit").status()).as("admins only")
			.isIn(403, 404);
		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", clerkEmail);
		assertThat(clerk.get("/intern/abwesenheit").mainText()).contains("Greta Hilfe");
	}

	/** A clerk of the unit, signing in with the demo password. */
	private String newClerk(String unitKey, String givenName, String familyName) {
		String email = "vertretung-" + UUID.randomUUID() + "@musterstadt.example";
		UUID id = this.jdbc.sql("""
				insert into staff_account (municipality_id, email, given_name, family_name, password_hash)
				select municipality_id, :email, :given, :family, password_hash
				  from staff_account where email = 'buergerbuero@musterstadt.example'
				returning id""")
			.param("email", email)
			.param("given", givenName)
			.param("family", familyName)
			.query(UUID.class)
			.single();
		this.jdbc.sql("""
				insert into staff_role (staff_id, role, org_unit_id)
				select :id, 'CLERK', u.id from org_unit u join municipality m on m.id = u.municipality_id
				 where m.slug = 'musterstadt' and u.key = :unit""").param("id", id).param("unit", unitKey).update();
		return email;
	}

	private UUID staffId(String email) {
		return this.jdbc.sql("select id from staff_account where email = :e")
			.param("e", email)
			.query(UUID.class)
			.single();
	}

	private UUID caseOf(Submission submission) {
		return CaseFixtures.awaitCase(this.jdbc, submission.id());
	}

	private String reference(UUID caseId) {
		return this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

}
