package de.amtsweg.accounts.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.StaffRole;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.admin.AdminTestSupport;
import de.amtsweg.platform.admin.FormBrowser;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff administration from invitation to deactivation, through the pages and the mails a
 * person would see.
 */
class StaffAdministrationTests extends AdminTestSupport {

	private static final String NEW_PASSWORD = "Sieben Brücken im Nebel";

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInvitedMemberSetsTheirPasswordAndSignsInWithTheRolesTheAdminGave() {
		Municipality municipality = newMunicipality();
		UUID buergerbuero = orgUnit(municipality, "buergerbuero");
		FormBrowser admin = new FormBrowser(baseUrl());
		admin.signIn(newAdmin(municipality.id()), "Amtsweg-Demo-2026");
		String email = uniqueEmail("neu");

		WebSession.Page list = admin.get("/intern/admin/personal");
		assertThat(list.mainText()).contains("Ada Admin");
		String create = "/intern/admin/personal/neu?gemeinde=" + municipality.slug();
		admin.get(create);
		WebSession.Page created = admin.submit(create,
				List.of(Map.entry("givenName", "Nora"), Map.entry("familyName", "Neu"), Map.entry("email", email)));
		String rolesPath = created.location().orElseThrow().replace(baseUrl(), "");
		assertThat(rolesPath).matches("/intern/admin/personal/[0-9a-f-]{36}/rollen");
		String memberPath = rolesPath.replace("/rollen", "");
		UUID memberId = UUID.fromString(memberPath.substring(memberPath.lastIndexOf('/') + 1));

		WebSession.Page roles = admin.get(rolesPath);
		assertThat(roles.mainText()).contains("Die Einladung an " + email + " ist unterwegs.");
		assertThat(roles.document().select("input[type=checkbox][name=roles]")).hasSize(1 + 5);
		assertThat(admin.submit(rolesPath,
				List.of(Map.entry("roles", "ADMIN"), Map.entry("roles", buergerbuero + ":CLERK"),
						Map.entry("roles", buergerbuero + ":FRONT_DESK")))
			.location()).hasValueSatisfying((location) -> assertThat(location).endsWith(memberPath));
		WebSession.Page member = admin.get(memberPath);
		assertThat(member.mainText()).contains("Die Rollen sind gespeichert.", "Administration der Gemeinde",
				"Sachbearbeitung – Bürgerbüro", "Schalter – Bürgerbüro", "eingeladen");

		String mail = mailText(email, "Ihr Zugang zum internen Bereich des Serviceportals");
		assertThat(mail).contains("Guten Tag Nora Neu,", municipality.name(), "72 Stunden");
		String link = linkInMail(email, "Ihr Zugang", baseUrl() + "/intern/einladung?token=");
		assertThat(this.jdbc
			.sql("select count(*) from account_token where account_id = :id and purpose = 'STAFF_INVITATION'")
			.param("id", memberId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select token_hash from account_token where account_id = :id")
			.param("id", memberId)
			.query(String.class)
			.single()).hasSize(64).doesNotContain(link.substring(link.indexOf("token=") + 6));

		WebSession invitee = newSession();
		WebSession.Page setPassword = invitee.get(link);
		assertThat(setPassword.status()).isEqualTo(200);
		assertThat(setPassword.document().select("h1").text()).isEqualTo("Legen Sie Ihr Passwort fest");
		WebSession.Page tooShort = invitee.submit("/intern/einladung",
				Map.of("password", "kurz", "repeatedPassword", "kurz"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.title()).startsWith("Fehler: ");
		assertThat(errorSummary(tooShort))
			.containsExactly("#password → Das Passwort muss mindestens 10 Zeichen lang sein.");
		WebSession.Page saved = invitee.submit("/intern/einladung",
				Map.of("password", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD));
		assertThat(saved.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/einladung/fertig"));
		assertThat(invitee.get("/intern/einladung/fertig").mainText()).contains("Ihr Passwort ist gespeichert");

		WebSession signedIn = newSession();
		assertThat(tryToSignIn(signedIn, email, NEW_PASSWORD).location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern"));
		assertThat(signedIn.get("/intern").document().select("h1").text()).isEqualTo("Guten Tag, Nora Neu");
		assertThat(signedIn.get("/intern/admin").status()).isEqualTo(200);
		assertThat(signedIn.get("/intern/admin/personal").mainText()).contains("Nora Neu", "Ada Admin");

		WebSession.Page usedAgain = newSession().get(link);
		assertThat(usedAgain.status()).isEqualTo(410);
		assertThat(usedAgain.mainText()).contains("Der Link wurde schon benutzt");
	}

	@Test
	void anInvitationLinkExpiresAfterSeventyTwoHours() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String email = uniqueEmail("spaet");
		String create = "/intern/admin/personal/neu?gemeinde=" + municipality.slug();
		admin.get(create);
		admin.submit(create, Map.of("givenName", "Sven", "familyName", "Spät", "email", email));
		String link = linkInMail(email, "Ihr Zugang", baseUrl() + "/intern/einladung?token=");

		this.clock.advance(Duration.ofHours(73));
		WebSession.Page expired = newSession().get(link);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.mainText()).contains("Der Link ist abgelaufen.");
		assertThat(newSession().get("/intern/einladung?token=erfunden").status()).isEqualTo(404);
	}

	@Test
	void newStaffNeedNamesAndAnUnusedAddress() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String create = "/intern/admin/personal/neu?gemeinde=" + municipality.slug();
		admin.get(create);
		WebSession.Page missing = admin.submit(create, Map.of("givenName", "", "familyName", " ", "email", "keine"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(errorSummary(missing)).containsExactly("#givenName → Geben Sie den Vornamen ein.",
				"#familyName → Geben Sie den Nachnamen ein.",
				"#email → Geben Sie eine E-Mail-Adresse wie name@musterstadt.de ein.");
		assertThat(missing.document().select("input#email").attr("value")).isEqualTo("keine");

		WebSession.Page taken = admin.submit(create,
				Map.of("givenName", "Berta", "familyName", "Doppelt", "email", "BUERGERBUERO@musterstadt.example"));
		assertThat(errorSummary(taken)).containsExactly("#email → Mit dieser E-Mail-Adresse gibt es schon ein Konto.");
	}

	@Test
	void aDeactivatedMemberCannotSignInAndLosesTheirOpenSession() {
		Municipality municipality = newMunicipality();
		String email = newStaffMember(municipality.id(), StaffRole.CLERK, orgUnit(municipality, "buergerbuero"));
		WebSession member = signedIn(email);
		assertThat(member.get("/intern").status()).isEqualTo(200);

		WebSession admin = signedIn(newAdmin(municipality.id()));
		String memberPath = "/intern/admin/personal/" + staffId(email);
		admin.get(memberPath);
		admin.submit(memberPath + "/deaktivieren", Map.of());
		WebSession.Page page = admin.get(memberPath);
		assertThat(page.mainText()).contains("Der Zugang ist gesperrt.", "deaktiviert");

		assertThat(member.get("/intern").location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden"));
		assertThat(tryToSignIn(newSession(), email, "Amtsweg-Demo-2026").location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden?fehler"));

		admin.get(memberPath);
		admin.submit(memberPath + "/reaktivieren", Map.of());
		assertThat(admin.get(memberPath).mainText()).contains("Der Zugang ist wieder offen.");
		signedIn(email);
	}

	@Test
	void anAdminCannotRemoveTheirOwnAdminRoleNorDeactivateThemselves() {
		Municipality municipality = newMunicipality();
		String email = newAdmin(municipality.id());
		UUID self = staffId(email);
		WebSession admin = signedIn(email);
		String rolesPath = "/intern/admin/personal/" + self + "/rollen";
		admin.get(rolesPath);
		WebSession.Page refused = admin.submit(rolesPath,
				Map.of("roles", orgUnit(municipality, "buergerbuero") + ":CLERK"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(errorSummary(refused)).containsExactly(
				"#roles → Sie können sich die Administration der Gemeinde nicht selbst nehmen. Bitten Sie eine andere Person mit Administrationsrechten darum.");
		assertThat(this.staffRepository.roles(self).values()).anyMatch((roles) -> roles.contains(StaffRole.ADMIN));

		WebSession.Page member = admin.get("/intern/admin/personal/" + self);
		assertThat(member.document().select("form[action$=/deaktivieren]")).isEmpty();
		assertThat(admin
			.post("/intern/admin/personal/" + self + "/deaktivieren",
					Map.of("_csrf", member.document().select("input[name=_csrf]").first().attr("value")))
			.status()).isEqualTo(302);
		assertThat(admin.get("/intern/admin/personal/" + self).document().select(".error-summary").text())
			.contains("Sie können sich nicht selbst deaktivieren.");
		assertThat(this.staffRepository.findById(self).orElseThrow().active()).isTrue();
	}

	@Test
	void aMunicipalityAdminNeitherSeesAnotherMunicipalitysStaffNorGrantsPortalAdmin() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		assertThat(admin.get("/intern/admin/personal/" + staffId(CLERK)).status()).isEqualTo(404);
		assertThat(admin.get("/intern/admin/personal?gemeinde=musterstadt").mainText()).doesNotContain(CLERK);
		assertThat(admin.get("/intern/admin/personal/betrieb").status()).isEqualTo(403);
		assertThat(admin.get("/intern/admin/personal/" + staffId(PORTAL_ADMIN)).status()).isEqualTo(404);

		String email = newStaffMember(municipality.id(), StaffRole.CLERK, orgUnit(municipality, "buergerbuero"));
		String rolesPath = "/intern/admin/personal/" + staffId(email) + "/rollen";
		admin.get(rolesPath);
		WebSession.Page refused = admin.submit(rolesPath, Map.of("roles", "PORTAL_ADMIN"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(errorSummary(refused)).containsExactly("#roles → Wählen Sie nur Rollen aus der Tabelle.");
		WebSession.Page foreignUnit = admin.submit(rolesPath,
				Map.of("roles", orgUnit(musterstadt(), "buergerbuero") + ":CLERK"));
		assertThat(foreignUnit.status()).isEqualTo(400);
		assertThat(this.staffRepository.roles(staffId(email)).values())
			.noneMatch((roles) -> roles.contains(StaffRole.PORTAL_ADMIN));
	}

	@Test
	void aPortalAdminInvitesAnOperatorAndGrantsPortalAdmin() {
		WebSession operator = signedIn(PORTAL_ADMIN);
		WebSession.Page operators = operator.get("/intern/admin/personal/betrieb");
		assertThat(operators.mainText()).contains("Petra Betrieb", "Betrieb des Portals");
		String email = uniqueEmail("betrieb");
		operator.get("/intern/admin/personal/betrieb/neu");
		String rolesPath = operator
			.submit("/intern/admin/personal/betrieb/neu",
					Map.of("givenName", "Olaf", "familyName", "Operator", "email", email))
			.location()
			.orElseThrow()
			.replace(baseUrl(), "");
		operator.get(rolesPath);
		assertThat(operator.submit(rolesPath, Map.of("roles", "PORTAL_ADMIN")).status()).isEqualTo(302);
		assertThat(this.staffRepository.roles(staffId(email)).values())
			.anyMatch((roles) -> roles.contains(StaffRole.PORTAL_ADMIN));
		assertThat(mailText(email, "Ihr Zugang")).contains("Landkreis Musterkreis");
	}

	@Test
	void anAdminRenamesAMemberAndSendsALinkForANewPassword() {
		Municipality municipality = newMunicipality();
		String email = newStaffMember(municipality.id(), StaffRole.CLERK, orgUnit(municipality, "buergerbuero"));
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String memberPath = "/intern/admin/personal/" + staffId(email);

		admin.get(memberPath + "/name");
		WebSession.Page empty = admin.submit(memberPath + "/name", Map.of("givenName", "Sam", "familyName", ""));
		assertThat(errorSummary(empty)).containsExactly("#familyName → Geben Sie den Nachnamen ein.");
		admin.submit(memberPath + "/name", Map.of("givenName", "Samira", "familyName", "Test-Neu"));
		assertThat(admin.get(memberPath).mainText()).contains("Der Name ist geändert.", "Samira Test-Neu");

		admin.get(memberPath);
		admin.submit(memberPath + "/einladung", Map.of());
		assertThat(admin.get(memberPath).mainText()).contains("Die E-Mail mit dem Link ist unterwegs.");
		String link = linkInMail(email, "Neues Passwort", baseUrl() + "/intern/einladung?token=");
		signedIn(email);

		WebSession member = newSession();
		member.get(link);
		WebSession.Page mismatch = member.submit("/intern/einladung",
				Map.of("password", NEW_PASSWORD, "repeatedPassword", "Sieben Brücken"));
		assertThat(errorSummary(mismatch)).containsExactly(
				"#repeatedPassword → Die beiden Passwörter stimmen nicht überein. Geben Sie das Passwort zweimal gleich ein.");
		member.submit("/intern/einladung", Map.of("password", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD));
		assertThat(tryToSignIn(newSession(), email, "Amtsweg-Demo-2026").location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden?fehler"));
		assertThat(tryToSignIn(newSession(), email, NEW_PASSWORD).location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern"));
	}

	@Test
	void everyReadAndChangeOfAStaffAccountIsAudited() {
		Municipality municipality = newMunicipality();
		String email = newStaffMember(municipality.id(), StaffRole.CLERK, orgUnit(municipality, "buergerbuero"));
		UUID id = staffId(email);
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String memberPath = "/intern/admin/personal/" + id;
		admin.get(memberPath);
		admin.submit(memberPath + "/deaktivieren", Map.of());
		assertThat(this.auditLog.forRecord("staff-account", id.toString())).extracting((entry) -> entry.action())
			.contains("staff-account.read", "staff-account.deactivated");
		assertThat(this.auditLog.forRecord("staff-account", id.toString()))
			.allMatch((entry) -> municipality.id().equals(entry.municipalityId()));
	}

}
