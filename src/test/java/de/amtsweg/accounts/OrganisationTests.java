package de.amtsweg.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTests extends AccountsTestSupport {

	@Autowired
	CitizenAccountRepository accounts;

	@Autowired
	CitizenAccounts citizenAccounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void aCitizenCreatesAnOrganisationAndAddsAMemberWhoGetsAMail() {
		String adminEmail = freshAddress("vorstand");
		String memberEmail = freshAddress("kassenwart");
		WebSession admin = registerAndConfirm(adminEmail);
		registerAndConfirm(memberEmail);

		String path = createOrganisation(admin, "Sportverein Probe e. V.");
		WebSession.Page page = admin.get(path);
		assertThat(page.mainText()).contains("Sportverein Probe e. V.", "Ihre Rolle: Administration", adminEmail);

		WebSession.Page added = admin.submit(path + "/mitglieder", Map.of("email", memberEmail, "role", "MEMBER"));
		assertThat(added.location()).hasValueSatisfying((l) -> assertThat(l).endsWith(path));
		assertThat(admin.get(path).mainText()).contains(memberEmail, "Das Mitglied ist hinzugefügt");
		assertThat(mailText(memberEmail, "Organisationskonto hinzugefügt")).contains("Sportverein Probe e. V.",
				baseUrl() + path);

		UUID memberId = this.accounts.findByEmail(memberEmail).orElseThrow().id();
		assertThat(SystemActor.call(() -> this.citizenAccounts.organisationsOf(memberId)))
			.extracting(OrganisationMembership::organisationName, OrganisationMembership::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Sportverein Probe e. V.", OrganisationRole.MEMBER));
		String organisationId = path.substring(path.lastIndexOf('/') + 1);
		assertThat(this.auditLog.forRecord("organisation-account", organisationId)).extracting(AuditEntry::action)
			.contains("organisation.created", "organisation.read", "organisation.member.added");
	}

	@Test
	void addingSomeoneWithoutAConfirmedAccountIsExplained() {
		WebSession admin = registerAndConfirm(freshAddress("verein"));
		String path = createOrganisation(admin, "Kleingartenverein");
		WebSession.Page refused = admin.submit(path + "/mitglieder",
				Map.of("email", freshAddress("unbekannt"), "role", "MEMBER"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(refused.document().select(".error-summary a[href=#email]").text())
			.startsWith("Zu dieser E-Mail-Adresse gibt es kein bestätigtes Servicekonto.");
	}

	@Test
	void anotherCitizenCannotSeeOrChangeTheOrganisation() {
		WebSession owner = registerAndConfirm(freshAddress("eigen"));
		String path = createOrganisation(owner, "Geheimverein");
		WebSession stranger = registerAndConfirm(freshAddress("fremd"));
		assertThat(stranger.get(path).status()).isEqualTo(404);
		assertThat(stranger.get(path + "/bearbeiten").status()).isEqualTo(404);
		assertThat(stranger.get("/konto/organisationen").mainText()).doesNotContain("Geheimverein");
		stranger.get("/konto/organisationen");
		assertThat(stranger.submit("/abmelden", Map.of()).status()).isEqualTo(302);
		WebSession strangerAgain = registerAndConfirm(freshAddress("fremd2"));
		strangerAgain.get("/konto/organisationen");
		String csrf = strangerAgain.get("/konto/organisationen/neu").document().select("input[name=_csrf]").val();
		assertThat(strangerAgain.post(path + "/verlassen", Map.of("_csrf", csrf)).status()).isEqualTo(404);
		assertThat(owner.get(path).status()).isEqualTo(200);
	}

	@Test
	void aMemberWhoIsNotAnAdminCannotChangeTheOrganisation() {
		WebSession admin = registerAndConfirm(freshAddress("chef"));
		String memberEmail = freshAddress("mitglied");
		WebSession member = registerAndConfirm(memberEmail);
		String path = createOrganisation(admin, "Musikverein");
		admin.submit(path + "/mitglieder", Map.of("email", memberEmail, "role", "MEMBER"));

		WebSession.Page seen = member.get(path);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.mainText()).contains("Ihre Rolle: Mitglied").doesNotContain("Mitglied hinzufügen");
		assertThat(member.get(path + "/bearbeiten").status()).isEqualTo(403);
		String csrf = seen.document().select("input[name=_csrf]").val();
		assertThat(member.post(path + "/bearbeiten", organisation("Umbenannt", csrf)).status()).isEqualTo(403);
		assertThat(member.post(path + "/mitglieder", Map.of("_csrf", csrf, "email", freshAddress("x"), "role", "ADMIN"))
			.status()).isEqualTo(403);
		assertThat(admin.get(path).mainText()).contains("Musikverein");
	}

	@Test
	void theLastAdminCanNeitherLeaveNorBeDemotedUntilAnotherMemberIsAdmin() {
		String adminEmail = freshAddress("letzter");
		String memberEmail = freshAddress("nachfolger");
		WebSession admin = registerAndConfirm(adminEmail);
		registerAndConfirm(memberEmail);
		String path = createOrganisation(admin, "Heimatverein");
		admin.submit(path + "/mitglieder", Map.of("email", memberEmail, "role", "MEMBER"));
		admin.get(path);

		WebSession.Page leave = admin.submit(path + "/verlassen", Map.of());
		assertThat(leave.status()).isEqualTo(400);
		assertThat(leave.mainText()).contains("Sie sind die einzige Person mit der Rolle Administration");
		UUID adminId = this.accounts.findByEmail(adminEmail).orElseThrow().id();
		WebSession.Page demote = admin.submit(path + "/mitglieder/" + adminId + "/rolle", Map.of());
		assertThat(demote.status()).isEqualTo(400);
		assertThat(demote.mainText()).contains("Sie können die letzte Administration nicht zum Mitglied machen");

		UUID memberId = this.accounts.findByEmail(memberEmail).orElseThrow().id();
		admin.get(path);
		assertThat(admin.submit(path + "/mitglieder/" + memberId + "/rolle", Map.of()).status()).isEqualTo(302);
		admin.get(path);
		assertThat(admin.submit(path + "/verlassen", Map.of()).location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/konto/organisationen"));
		assertThat(admin.get(path).status()).isEqualTo(404);
	}

	@Test
	void theDatabaseKeepsAnAdminEvenIfTheServiceWereBypassed() {
		WebSession admin = registerAndConfirm(freshAddress("schutz"));
		String path = createOrganisation(admin, "Trigger-Verein");
		UUID organisationId = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		String memberEmail = freshAddress("zweiter");
		registerAndConfirm(memberEmail);
		admin.get(path);
		admin.submit(path + "/mitglieder", Map.of("email", memberEmail, "role", "MEMBER"));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.jdbc.sql("update organisation_member set role = 'MEMBER' where organisation_id = :id")
						.param("id", organisationId)
						.update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	private String createOrganisation(WebSession session, String name) {
		session.get("/konto/organisationen/neu");
		WebSession.Page created = session.submit("/konto/organisationen/neu", organisation(name, null));
		assertThat(created.status()).isEqualTo(302);
		String location = created.location().orElseThrow();
		String path = location.substring(location.indexOf("/konto/organisationen/"));
		assertThat(session.get(path).mainText()).contains(name, "Das Organisationskonto ist angelegt");
		return path;
	}

	private static Map<String, String> organisation(String name, String csrf) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (csrf != null) {
			fields.put("_csrf", csrf);
		}
		fields.put("name", name);
		fields.put("legalForm", "EV");
		fields.put("registerNumber", "VR 1234");
		fields.put("street", "Am Sportplatz 1");
		fields.put("postcode", "31999");
		fields.put("city", "Musterstadt");
		fields.put("email", "info@verein.example");
		fields.put("phone", "");
		return fields;
	}

}
