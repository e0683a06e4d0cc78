package de.amtsweg.accounts.oidc;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.internal.oidc.Audience;
import de.amtsweg.accounts.internal.oidc.IdentityProviderRepository;
import de.amtsweg.accounts.internal.oidc.ProviderRegistrations;
import de.amtsweg.accounts.oidc.OidcFixtures.Provider;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityProviderAdminTests extends IntegrationTest {

	private static final String LIST = "/intern/admin/anmeldedienste";

	@Autowired
	IdentityProviderRepository providers;

	@Autowired
	ProviderRegistrations registrations;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void invalidInputIsExplainedAtEachFieldAndTheSecretIsNeverShown() {
		WebSession admin = signedIn("admin@musterstadt.example");
		admin.get(LIST + "/neu");
		String secret = "geheim-" + UUID.randomUUID();
		Map<String, String> fields = new HashMap<>();
		fields.put("registrationId", "Nicht gültig!");
		fields.put("displayName", "");
		fields.put("audience", "CITIZEN");
		fields.put("issuerUri", "http://login.example.org/realms/buerger");
		fields.put("clientId", "");
		fields.put("clientSecret", secret);
		fields.put("scopes", "openid email");
		fields.put("trustLevelClaim", "acr");
		fields.put("trustLevels", "urn:land:stufe-3 = SUBSTANTIAL\nurn:land:stufe-4 = SEHR HOCH");
		fields.put("enabled", "true");

		WebSession.Page page = admin.submit(LIST, fields);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#registrationId",
				"#displayName", "#issuerUri", "#clientId", "#trustLevels");
		assertThat(page.document().select(".error-summary a[href=#trustLevels]").text()).isEqualTo(
				"Zeile 2: Schreiben Sie jede Zeile als „Wert = NIVEAU“, mit LOW, SUBSTANTIAL oder HIGH als Niveau.");
		assertThat(page.document().select("#trustLevels-error").text())
			.endsWith(page.document().select(".error-summary a[href=#trustLevels]").text());
		assertThat(page.document().select("#registrationId").val()).isEqualTo("Nicht gültig!");
		assertThat(page.document().select("#clientSecret").val()).isEmpty();
		assertThat(page.body()).doesNotContain(secret);
	}

	@Test
	void anAdminAddsAndChangesAProviderOfTheirMunicipalityWithoutEverSeeingTheSecret() {
		WebSession admin = signedIn("admin@musterstadt.example");
		String registrationId = "land-" + UUID.randomUUID().toString().substring(0, 8);
		String secret = "geheim-" + UUID.randomUUID();
		admin.get(LIST + "/neu");
		WebSession.Page created = admin.submit(LIST,
				Map.of("registrationId", registrationId, "displayName", "Servicekonto Niedersachsen", "audience",
						"CITIZEN", "issuerUri", OidcTestServer.issuer(OidcTestServer.CITIZENS), "clientId",
						"amtsweg-musterstadt", "clientSecret", secret, "scopes", "openid profile email",
						"trustLevelClaim", "acr", "trustLevels", "urn:land:stufe-3 = SUBSTANTIAL", "enabled", "true"));

		assertThat(created.location()).hasValueSatisfying((location) -> assertThat(location).endsWith(LIST));
		WebSession.Page list = admin.get(LIST);
		assertThat(list.mainText()).contains("Der Anmeldedienst „Servicekonto Niedersachsen“ ist gespeichert.",
				registrationId, "Stadt Musterstadt");
		Map<String, Object> row = this.jdbc.sql("""
				select p.id, p.client_secret, p.municipality_id, t.claim_value, t.trust_level
				from identity_provider p join identity_provider_trust_level t on t.provider_id = p.id
				where p.registration_id = :id""").param("id", registrationId).query().singleRow();
		assertThat(row).containsEntry("client_secret", secret)
			.containsEntry("municipality_id", this.municipalities.bySlug("musterstadt").orElseThrow().id())
			.containsEntry("claim_value", "urn:land:stufe-3")
			.containsEntry("trust_level", "SUBSTANTIAL");
		assertThat(this.registrations.findByRegistrationId(registrationId).getClientId())
			.isEqualTo("amtsweg-musterstadt");

		String edit = LIST + "/" + row.get("id");
		WebSession.Page form = admin.get(edit);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).doesNotContain(secret);
		assertThat(form.mainText()).contains("/login/oauth2/code/" + registrationId);
		Map<String, String> changed = new HashMap<>();
		form.document()
			.select("form[action=" + edit + "] input:not([type=hidden]):not([type=radio]):not([type=checkbox])")
			.forEach((input) -> changed.put(input.attr("name"), input.val()));
		changed.put("trustLevels", form.document().select("#trustLevels").text());
		changed.put("audience", "CITIZEN");
		changed.put("clientId", "amtsweg-musterstadt-neu");
		changed.put("clientSecret", "");
		changed.put("enabled", "true");
		assertThat(admin.submit(edit, changed).location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith(LIST));

		assertThat(this.jdbc.sql("select client_secret from identity_provider where registration_id = :id")
			.param("id", registrationId)
			.query(String.class)
			.single()).isEqualTo(secret);
		assertThat(this.registrations.findByRegistrationId(registrationId).getClientId())
			.as("a change takes effect at the next sign-in")
			.isEqualTo("amtsweg-musterstadt-neu");
		assertThat(admin.get(edit).body()).doesNotContain(secret);

		WebSession citizen = newSession();
		citizen.get("/gemeinde/musterstadt");
		assertThat(citizen.get("/anmelden").document().select("a[href=/oauth2/authorization/" + registrationId + "]"))
			.hasSize(1);
		admin.get(edit);
		changed.remove("enabled");
		admin.submit(edit, changed);
		assertThat(citizen.get("/anmelden").document().select("a[href=/oauth2/authorization/" + registrationId + "]"))
			.as("a switched-off provider is not offered")
			.isEmpty();
		assertThat(this.registrations.findByRegistrationId(registrationId)).isNull();
	}

	@Test
	void anIssuerWithoutDiscoveryDocumentIsRefused() {
		WebSession admin = signedIn("admin@musterstadt.example");
		admin.get(LIST + "/neu");
		WebSession.Page page = admin.submit(LIST,
				Map.of("registrationId", "nirgends-" + UUID.randomUUID().toString().substring(0, 8), "displayName",
						"Nirgends", "audience", "STAFF", "issuerUri", "http://localhost:9/nirgends", "clientId",
						"amtsweg", "clientSecret", "geheim", "scopes", "openid", "trustLevelClaim", "acr", "enabled",
						"true"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select(".error-summary a[href=#issuerUri]").text())
			.isEqualTo("Unter dieser Adresse antwortet kein Anmeldedienst mit OpenID Connect. Prüfen Sie die Adresse.");
	}

	@Test
	void anAdminNeitherSeesNorChangesProvidersOfAnotherMunicipality() {
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		Provider theirs = OidcFixtures.provider(this.providers, OidcTestServer.STAFF, Audience.STAFF, beispielheim,
				Map.of());
		Provider portalWide = OidcFixtures.provider(this.providers, OidcTestServer.CITIZENS, Audience.CITIZEN, null,
				Map.of());
		WebSession admin = signedIn("admin@musterstadt.example");

		WebSession.Page list = admin.get(LIST);
		assertThat(list.mainText()).doesNotContain(theirs.registrationId()).contains(portalWide.registrationId());
		assertThat(list.document().select("a[href=" + LIST + "/" + portalWide.id() + "]")).isEmpty();
		assertThat(admin.get(LIST + "/" + theirs.id()).status()).isEqualTo(404);
		assertThat(admin.get(LIST + "/" + portalWide.id()).status()).isEqualTo(404);
		assertThat(admin.get(LIST + "/kein-schluessel").status()).isEqualTo(404);
	}

	@Test
	void aPortalAdminAddsAProviderForTheWholePortal() {
		WebSession operator = signedIn("betrieb@musterkreis.example");
		String registrationId = "bund-" + UUID.randomUUID().toString().substring(0, 8);
		WebSession.Page form = operator.get(LIST + "/neu");
		assertThat(form.document().select("#municipality option").eachText()).contains("Ganzes Portal",
				"Stadt Musterstadt", "Gemeinde Beispielheim");
		operator.submit(LIST,
				Map.of("registrationId", registrationId, "municipality", "", "displayName", "BundID", "audience",
						"CITIZEN", "issuerUri", OidcTestServer.issuer(OidcTestServer.CITIZENS), "clientId", "amtsweg",
						"clientSecret", "geheim", "scopes", "openid email", "trustLevelClaim", "acr", "enabled",
						"true"));
		assertThat(this.providers.findByRegistrationId(registrationId)).hasValueSatisfying((provider) -> {
			assertThat(provider.portalWide()).isTrue();
			assertThat(provider.scopes()).containsExactly("openid", "email");
		});
	}

	private WebSession signedIn(String email) {
		WebSession session = newSession();
		session.get("/intern/anmelden");
		WebSession.Page signedIn = session.submit("/intern/anmelden",
				Map.of("email", email, "passwort", DemoData.PASSWORD));
		assertThat(signedIn.location()).hasValueSatisfying((location) -> assertThat(location).doesNotContain("fehler"));
		return session;
	}

}
