package de.amtsweg.accounts;

import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PublishedEventsExtension.class)
class AccountDeletionTests extends AccountsTestSupport {

	@Autowired
	CitizenAccountRepository accounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void deletingTheAccountRemovesItsDataPublishesTheEventAndEndsTheSignIn(PublishedEvents events) {
		String email = freshAddress("weg");
		WebSession session = registerAndConfirm(email);
		session.get("/konto/profil/bearbeiten");
		session.submit("/konto/profil/bearbeiten", Map.of("givenName", "Lisa", "familyName", "Löschmich", "dateOfBirth",
				"01.01.1980", "street", "", "postcode", "", "city", "", "phone", "", "preferredLanguage", "de"));
		UUID id = this.accounts.findByEmail(email).orElseThrow().id();
		WebSession otherDevice = signIn(email, PASSWORD);

		WebSession.Page page = session.get("/konto/loeschen");
		assertThat(page.mainText()).contains("Servicekonto löschen", "persönlichen Daten");
		WebSession.Page wrong = session.submit("/konto/loeschen", Map.of("password", "Falsches Passwort 1"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).isEqualTo("Fehler: Servicekonto löschen");
		assertThat(this.accounts.findById(id)).isPresent();

		WebSession.Page deleted = session.submit("/konto/loeschen", Map.of("password", PASSWORD));
		assertThat(deleted.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/konto-geloescht"));
		assertThat(session.get("/konto-geloescht").mainText()).contains("Ihr Servicekonto ist gelöscht");

		assertThat(this.accounts.findById(id)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from citizen_account where family_name = 'Löschmich' and id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(events.ofType(CitizenAccountDeleted.class).matching(CitizenAccountDeleted::accountId, id::equals))
			.hasSize(1);
		assertThat(this.auditLog.forRecord("citizen-account", id.toString())).extracting(AuditEntry::action)
			.contains("citizen-account.deleted");

		assertThat(session.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
		assertThat(otherDevice.get("/konto").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
		WebSession again = newSession();
		again.get("/anmelden");
		assertThat(again.submit("/anmelden", Map.of("email", email, "passwort", PASSWORD)).location())
			.hasValueSatisfying((l) -> assertThat(l).contains("/anmelden?fehler"));
	}

	@Test
	void theLastAdminOfAnOrganisationWithOtherMembersMustHandOverFirst(PublishedEvents events) {
		String adminEmail = freshAddress("einzig");
		String memberEmail = freshAddress("bleibt");
		WebSession admin = registerAndConfirm(adminEmail);
		registerAndConfirm(memberEmail);
		String shared = createOrganisation(admin, "Gemeinsamer Verein");
		admin.submit(shared + "/mitglieder", Map.of("email", memberEmail, "role", "MEMBER"));
		String alone = createOrganisation(admin, "Ein-Personen-Firma");

		WebSession.Page page = admin.get("/konto/loeschen");
		assertThat(page.mainText()).contains("Machen Sie zuerst ein anderes Mitglied zur Administration",
				"Gemeinsamer Verein", "Ein-Personen-Firma");
		WebSession.Page refused = admin.submit("/konto/loeschen", Map.of("password", PASSWORD));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.document().select(".error-summary a[href=#form-errors]").text())
			.contains("im Organisationskonto „Gemeinsamer Verein“");
		assertThat(this.accounts.findByEmail(adminEmail)).isPresent();

		UUID memberId = this.accounts.findByEmail(memberEmail).orElseThrow().id();
		admin.get(shared);
		admin.submit(shared + "/mitglieder/" + memberId + "/rolle", Map.of());
		admin.get("/konto/loeschen");
		assertThat(admin.submit("/konto/loeschen", Map.of("password", PASSWORD)).location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/konto-geloescht"));

		UUID aloneId = UUID.fromString(alone.substring(alone.lastIndexOf('/') + 1));
		assertThat(events.ofType(OrganisationAccountDeleted.class)
			.matching(OrganisationAccountDeleted::organisationId, aloneId::equals)).hasSize(1);
		WebSession member = signIn(memberEmail, PASSWORD);
		assertThat(member.get(shared).mainText()).contains("Gemeinsamer Verein", "Ihre Rolle: Administration")
			.doesNotContain(adminEmail);
	}

	private String createOrganisation(WebSession session, String name) {
		session.get("/konto/organisationen/neu");
		WebSession.Page created = session.submit("/konto/organisationen/neu",
				Map.of("name", name, "legalForm", "EV", "registerNumber", "", "street", "Weg 1", "postcode", "31999",
						"city", "Musterstadt", "email", "post@verein.example", "phone", ""));
		String location = created.location().orElseThrow();
		String path = location.substring(location.indexOf("/konto/organisationen/"));
		session.get(path);
		return path;
	}

}
