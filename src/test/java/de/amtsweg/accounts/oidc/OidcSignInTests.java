package de.amtsweg.accounts.oidc;

import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.StaffRole;
import de.amtsweg.accounts.TrustLevel;
import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.accounts.internal.StaffAccountRepository;
import de.amtsweg.accounts.internal.oidc.Audience;
import de.amtsweg.accounts.internal.oidc.IdentityProviderRepository;
import de.amtsweg.accounts.oidc.OidcFixtures.Provider;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.amtsweg.accounts.oidc.OidcFixtures.email;
import static de.amtsweg.accounts.oidc.OidcFixtures.signIn;
import static de.amtsweg.accounts.oidc.OidcTestServer.CITIZENS;
import static de.amtsweg.accounts.oidc.OidcTestServer.STAFF;
import static de.amtsweg.accounts.oidc.OidcTestServer.newSubject;
import static de.amtsweg.accounts.oidc.OidcTestServer.nextSignIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in over OpenID Connect end to end: the application over real HTTP, a real OpenID
 * Connect server, the browser's redirects between them.
 */
class OidcSignInTests extends IntegrationTest {

	@Autowired
	IdentityProviderRepository providers;

	@Autowired
	CitizenAccountRepository citizens;

	@Autowired
	StaffAccountRepository staff;

	@Autowired
	Municipalities municipalities;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCitizensFirstSignInCreatesAnAccountWithTheTrustLevelOfTheSignIn() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		String email = email();
		WebSession session = newSession();
		WebSession.Page signInPage = session.get("/anmelden");
		assertThat(
				signInPage.document().select("a[href=/oauth2/authorization/" + provider.registrationId() + "]").text())
			.isEqualTo("Anmelden mit " + provider.name());

		nextSignIn(CITIZENS, newSubject(), Map.of("acr", "substantial", "email", email, "email_verified", true,
				"given_name", "Greta", "family_name", "Sonnenschein"));
		WebSession.Page back = signIn(session, "/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/konto"));
		WebSession.Page linked = session.get("/konto/anmeldedienste");
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.document().select("#vertrauensniveau").text()).isEqualTo("substanziell");
		assertThat(linked.mainText()).contains(provider.name());
		Map<String, Object> account = account(email);
		assertThat(account).containsEntry("trust_level", "SUBSTANTIAL")
			.containsEntry("given_name", "Greta")
			.containsEntry("family_name", "Sonnenschein")
			.containsEntry("confirmed", true)
			.containsEntry("has_password", false);
		String accountId = account.get("id").toString();
		assertThat(this.auditLog.forRecord("citizen-account", accountId)).extracting(AuditEntry::action)
			.containsOnlyOnce("citizen-account.created", "sign-in");
	}

	@Test
	void aSignInWithTheOnlineIdCardIsHighAndALaterWeakerOneDoesNotLowerTheAccount() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		String email = email();
		String subject = newSubject();
		WebSession eid = newSession();
		nextSignIn(CITIZENS, subject,
				Map.of("acr", "http://eidas.europa.eu/LoA/high", "email", email, "email_verified", true));
		signIn(eid, "/oauth2/authorization/" + provider.registrationId());
		assertThat(eid.get("/konto/anmeldedienste").document().select("#vertrauensniveau").text()).isEqualTo("hoch");

		WebSession weaker = newSession();
		nextSignIn(CITIZENS, subject, Map.of("acr", "STORK-QAA-Level-1", "email", email, "email_verified", true));
		signIn(weaker, "/oauth2/authorization/" + provider.registrationId());
		assertThat(weaker.get("/konto/anmeldedienste").document().select("#vertrauensniveau").text())
			.isEqualTo("niedrig");
		assertThat(account(email)).containsEntry("trust_level", "HIGH");
		assertThat(this.jdbc.sql("select count(*) from citizen_account where lower(email) = lower(:email)")
			.param("email", email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aProvidersOwnClaimValueDecidesTheTrustLevel() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null,
				Map.of("urn:land:stufe-3", TrustLevel.SUBSTANTIAL));
		WebSession session = newSession();
		nextSignIn(CITIZENS, newSubject(), Map.of("acr", "urn:land:stufe-3", "email", email(), "email_verified", true));
		signIn(session, "/oauth2/authorization/" + provider.registrationId());
		assertThat(session.get("/konto/anmeldedienste").document().select("#vertrauensniveau").text())
			.isEqualTo("substanziell");
	}

	@Test
	void aVerifiedAddressLinksTheExistingAccountWithThatAddress() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		String email = email();
		UUID existing = SystemActor.call(() -> this.citizens.insert(email, "{noop}unused", "Karl", "Konto"));
		this.jdbc.sql("update citizen_account set email_confirmed_at = now() where id = :id")
			.param("id", existing)
			.update();

		WebSession session = newSession();
		nextSignIn(CITIZENS, newSubject(),
				Map.of("acr", "substantial", "email", email.toUpperCase(), "email_verified", true));
		WebSession.Page back = signIn(session, "/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/konto"));
		assertThat(account(email)).containsEntry("id", existing)
			.containsEntry("has_password", true)
			.containsEntry("trust_level", "SUBSTANTIAL");
		assertThat(this.jdbc.sql("select count(*) from external_identity where citizen_account_id = :id")
			.param("id", existing)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(session.get("/konto/anmeldedienste").mainText()).contains(provider.name());
	}

	@Test
	void anUnverifiedAddressOfAnExistingAccountIsNotLinked() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		String email = email();
		SystemActor.call(() -> this.citizens.insert(email, "{noop}unused", "Karl", "Konto"));

		WebSession session = newSession();
		nextSignIn(CITIZENS, newSubject(), Map.of("acr", "high", "email", email, "email_verified", false));
		WebSession.Page back = signIn(session, "/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/anmelden?fehler"));
		WebSession.Page page = session.get("/anmelden");
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a[href=#anmeldedienste]").text())
			.contains("hat die Adresse aber nicht als bestätigt gemeldet");
		assertThat(session.get("/konto/anmeldedienste").isRedirect()).isTrue();
	}

	@Test
	void aProviderThatSendsNoAddressCannotCreateAnAccount() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		WebSession session = newSession();
		nextSignIn(CITIZENS, newSubject(), Map.of("acr", "high"));
		WebSession.Page back = signIn(session, "/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/anmelden?fehler"));
		assertThat(session.get("/anmelden").mainText())
			.contains("Der Anmeldedienst „" + provider.name() + "“ hat uns keine E-Mail-Adresse übermittelt.");
	}

	@Test
	void staffSignInCarriesTheRolesOfTheStaffAccount() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		Provider provider = OidcFixtures.provider(this.providers, STAFF, Audience.STAFF, musterstadt, Map.of());
		String email = email();
		UUID staffId = SystemActor.call(() -> {
			UUID id = this.staff.insert(musterstadt, email, "Ada", "Admin", null);
			this.staff.grant(id, StaffRole.ADMIN, null);
			return id;
		});

		WebSession session = newSession();
		session.get("/gemeinde/musterstadt");
		assertThat(session.get("/intern/anmelden")
			.document()
			.select("a[href=/intern/oauth2/authorization/" + provider.registrationId() + "]")
			.text()).isEqualTo("Anmelden mit " + provider.name());
		nextSignIn(STAFF, newSubject(), Map.of("email", email, "email_verified", true));
		WebSession.Page back = signIn(session, "/intern/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/intern"));
		assertThat(session.get("/intern/admin/anmeldedienste").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from external_identity where staff_account_id = :id")
			.param("id", staffId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.auditLog.forRecord("staff-account", staffId.toString())).extracting(AuditEntry::action)
			.containsOnlyOnce("external-identity.linked", "sign-in");
	}

	@Test
	void aClerkSignedInThroughAProviderCannotAdminister() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		Provider provider = OidcFixtures.provider(this.providers, STAFF, Audience.STAFF, null, Map.of());
		String email = email();
		SystemActor.run(() -> this.staff.grant(this.staff.insert(musterstadt, email, "Carl", "Clerk", null),
				StaffRole.CLERK, null));

		WebSession session = newSession();
		nextSignIn(STAFF, newSubject(), Map.of("email", email, "email_verified", true));
		signIn(session, "/intern/oauth2/authorization/" + provider.registrationId());

		assertThat(session.get("/intern/admin/anmeldedienste").status()).isEqualTo(403);
	}

	@Test
	void aLockedStaffAccountCannotSignInThroughAProvider() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		Provider provider = OidcFixtures.provider(this.providers, STAFF, Audience.STAFF, null, Map.of());
		String email = email();
		UUID staffId = SystemActor.call(() -> this.staff.insert(musterstadt, email, "Lena", "Gesperrt", null));
		this.jdbc.sql("update staff_account set active = false where id = :id").param("id", staffId).update();

		WebSession session = newSession();
		nextSignIn(STAFF, newSubject(), Map.of("email", email, "email_verified", true));
		signIn(session, "/intern/oauth2/authorization/" + provider.registrationId());

		assertThat(session.get("/intern/anmelden").mainText()).contains("Ihr Konto für Mitarbeitende ist gesperrt.");
		assertThat(session.get("/intern/admin/anmeldedienste").isRedirect()).isTrue();
	}

	@Test
	void anUnknownStaffIdentityIsRefusedWithAMessage() {
		Provider provider = OidcFixtures.provider(this.providers, STAFF, Audience.STAFF, null, Map.of());
		WebSession session = newSession();
		nextSignIn(STAFF, newSubject(), Map.of("email", email(), "email_verified", true));
		WebSession.Page back = signIn(session, "/intern/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden?fehler"));
		WebSession.Page page = session.get("/intern/anmelden");
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select("#anmeldedienste .error-message").text())
			.contains("Zu dieser Anmeldung bei „" + provider.name() + "“ gibt es kein Konto für Mitarbeitende");
		assertThat(session.get("/intern/admin/anmeldedienste").location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden"));
	}

	@Test
	void aStaffProviderOfAMunicipalityDoesNotSignInStaffOfAnother() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		Provider provider = OidcFixtures.provider(this.providers, STAFF, Audience.STAFF, musterstadt, Map.of());
		String email = email();
		SystemActor.run(() -> this.staff.grant(this.staff.insert(beispielheim, email, "Berta", "Anders", null),
				StaffRole.ADMIN, null));

		WebSession session = newSession();
		session.get("/gemeinde/musterstadt");
		nextSignIn(STAFF, newSubject(), Map.of("email", email, "email_verified", true));
		WebSession.Page back = signIn(session, "/intern/oauth2/authorization/" + provider.registrationId());

		assertThat(back.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden?fehler"));
		assertThat(session.get("/intern/anmelden").mainText()).contains("gibt es kein Konto für Mitarbeitende");
	}

	@Test
	void aCitizensProviderIsRefusedInTheStaffChainBeforeAnyRedirect() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		WebSession session = newSession();
		assertThat(session.get("/intern/anmelden").document().select("a[href*=" + provider.registrationId() + "]"))
			.isEmpty();

		WebSession.Page refused = session.get("/intern/oauth2/authorization/" + provider.registrationId());

		assertThat(refused.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden?fehler"));
		WebSession.Page page = session.get("/intern/anmelden");
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a[href=#anmeldedienste]").text())
			.isEqualTo("Der Anmeldedienst „" + provider.name()
					+ "“ ist für Bürgerinnen und Bürger gedacht, nicht für Mitarbeitende der Verwaltung. Melden Sie sich mit dem Anmeldedienst Ihrer Verwaltung oder mit Ihrem Passwort an.");
	}

	@Test
	void aStaffProviderIsRefusedInThePortalChain() {
		Provider provider = OidcFixtures.provider(this.providers, STAFF, Audience.STAFF, null, Map.of());
		WebSession session = newSession();
		WebSession.Page refused = session.get("/oauth2/authorization/" + provider.registrationId());
		assertThat(refused.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/anmelden?fehler"));
		assertThat(session.get("/anmelden").mainText()).contains("ist nur für Mitarbeitende der Verwaltung");
	}

	@Test
	void aProviderOfAnotherMunicipalityIsNeitherShownNorUsable() {
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, beispielheim, Map.of());
		WebSession session = newSession();
		session.get("/gemeinde/musterstadt");
		assertThat(session.get("/anmelden").document().select("a[href*=" + provider.registrationId() + "]")).isEmpty();

		WebSession.Page refused = session.get("/oauth2/authorization/" + provider.registrationId());

		assertThat(refused.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/anmelden?fehler"));
		assertThat(session.get("/anmelden").mainText())
			.contains("Der Anmeldedienst „" + provider.name() + "“ gilt nur für Gemeinde Beispielheim");

		WebSession neighbour = newSession();
		neighbour.get("/gemeinde/beispielheim");
		assertThat(neighbour.get("/anmelden").document().select("a[href*=" + provider.registrationId() + "]"))
			.hasSize(1);
	}

	@Test
	void aDisabledProviderIsRefused() {
		Provider provider = OidcFixtures.provider(this.providers, CITIZENS, Audience.CITIZEN, null, Map.of());
		this.jdbc.sql("update identity_provider set enabled = false, version = version + 1 where id = :id")
			.param("id", provider.id())
			.update();
		WebSession session = newSession();
		assertThat(session.get("/anmelden").document().select("a[href*=" + provider.registrationId() + "]")).isEmpty();
		WebSession.Page refused = session.get("/oauth2/authorization/" + provider.registrationId());
		assertThat(refused.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/anmelden?fehler"));
		assertThat(session.get("/anmelden").mainText()).contains("Diesen Anmeldedienst gibt es nicht");
	}

	private Map<String, Object> account(String email) {
		return this.jdbc.sql("""
				select id, trust_level, given_name, family_name, email_confirmed_at is not null as confirmed,
				       password_hash is not null as has_password
				from citizen_account where lower(email) = lower(:email)""").param("email", email).query().singleRow();
	}

}
