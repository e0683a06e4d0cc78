package de.amtsweg.accounts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTests extends AccountsTestSupport {

	@Autowired
	CitizenAccountRepository accounts;

	@Autowired
	CitizenAccounts citizenAccounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	AuditLog auditLog;

	@Test
	void invalidProfileInputIsExplainedAtTheTopAndAtEachFieldAndKept() {
		WebSession session = registerAndConfirm(freshAddress("fehler"));
		session.get("/konto/profil/bearbeiten");
		WebSession.Page page = session.submit("/konto/profil/bearbeiten",
				profile("", "Mustermann", "31.02.1985", "Heidestraße 17", "123", "Musterstadt", "de"));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).isEqualTo("Fehler: Persönliche Daten ändern");
		Document document = page.document();
		assertThat(document.select(".error-summary a").eachAttr("href")).containsExactly("#givenName", "#dateOfBirth",
				"#postcode");
		for (String field : new String[] { "givenName", "dateOfBirth", "postcode" }) {
			String summary = document.select(".error-summary a[href=#" + field + "]").text();
			assertThat(document.select("#" + field + "-error").text()).isEqualTo("Fehler: " + summary);
			assertThat(document.select("#" + field).attr("aria-describedby")).contains(field + "-error");
		}
		assertThat(document.select(".error-summary a[href=#dateOfBirth]").text())
			.isEqualTo("Geben Sie das Geburtsdatum als Tag, Monat und Jahr ein, zum Beispiel 17.03.1985.");
		assertThat(document.select("#dateOfBirth").attr("value")).isEqualTo("31.02.1985");
		assertThat(document.select("#familyName").attr("value")).isEqualTo("Mustermann");
		assertThat(document.select("#postcode").attr("value")).isEqualTo("123");
		assertThat(document.select("label[for=dateOfBirth]").text()).contains("(optional)");
	}

	@Test
	void aValidProfileIsSavedWithItsMunicipalityAndEveryReadAndChangeIsAudited() {
		String email = freshAddress("profil");
		WebSession session = registerAndConfirm(email);
		UUID id = this.accounts.findByEmail(email).orElseThrow().id();
		session.get("/konto/profil/bearbeiten");
		WebSession.Page saved = session.submit("/konto/profil/bearbeiten",
				profile("Erika", "Probe", "17.03.1985", "Heidestraße 17", "31999", "Musterstadt", "de"));
		assertThat(saved.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/konto/profil"));

		WebSession.Page profile = session.get("/konto/profil");
		assertThat(profile.mainText()).contains("Ihre Angaben sind gespeichert", "Erika Probe", "17.03.1985",
				"Heidestraße 17", "31999 Musterstadt", "Stadt Musterstadt");
		assertThat(session.get("/konto").mainText()).contains("Guten Tag, Erika Probe");

		assertThat(this.auditLog.forRecord("citizen-account", id.toString())).extracting(AuditEntry::action)
			.contains("citizen-account.profile.read", "citizen-account.profile.changed");
		assertThat(this.auditLog.forRecord("citizen-account", id.toString()))
			.filteredOn((entry) -> entry.action().equals("citizen-account.profile.changed"))
			.extracting(AuditEntry::actor)
			.containsOnly("citizen:" + id);

		session.get("/konto/profil/bearbeiten");
		session.submit("/konto/profil/bearbeiten",
				profile("Erika", "Probe", "1985-03-18", "Heidestraße 17", "31999", "Musterstadt", "en"));
		assertThat(this.accounts.findById(id).orElseThrow().dateOfBirth()).isEqualTo(LocalDate.of(1985, 3, 18));
		assertThat(this.accounts.findById(id).orElseThrow().preferredLanguage()).isEqualTo("en");
	}

	@Test
	void aPostcodeOfSeveralMunicipalitiesAsksWhichOne() {
		String email = freshAddress("grenze");
		WebSession session = registerAndConfirm(email);
		session.get("/konto/profil/bearbeiten");
		WebSession.Page asked = session.submit("/konto/profil/bearbeiten",
				profile("Grenz", "Gänger", "", "Grenzweg 1", "31997", "Grenzdorf", "de"));
		assertThat(asked.status()).isEqualTo(400);
		assertThat(asked.document().select(".error-summary a[href=#homeMunicipality]").text())
			.isEqualTo("Wählen Sie die Gemeinde, zu der Ihre Anschrift gehört.");
		assertThat(asked.document().select("input[name=homeMunicipality]").eachAttr("value"))
			.containsExactlyInAnyOrder("musterstadt", "beispielheim");

		Map<String, String> chosen = profile("Grenz", "Gänger", "", "Grenzweg 1", "31997", "Grenzdorf", "de");
		chosen.put("homeMunicipality", "beispielheim");
		session.submit("/konto/profil/bearbeiten", chosen);
		assertThat(this.accounts.findByEmail(email).orElseThrow().homeMunicipalityId())
			.isEqualTo(this.municipalities.bySlug("beispielheim").orElseThrow().id());
	}

	@Test
	void otherModulesReadTheProfileThroughTheApiAndTheReadIsAudited() {
		String email = freshAddress("api");
		WebSession session = registerAndConfirm(email);
		session.get("/konto/profil/bearbeiten");
		session.submit("/konto/profil/bearbeiten",
				profile("Anna", "Api", "01.02.1990", "Am Anger 3", "31998", "Beispielheim", "de"));
		UUID id = this.accounts.findByEmail(email).orElseThrow().id();

		CitizenProfile profile = SystemActor.call(() -> this.citizenAccounts.profile(id)).orElseThrow();
		assertThat(profile.email()).isEqualTo(email);
		assertThat(profile.givenName()).isEqualTo("Anna");
		assertThat(profile.dateOfBirth()).isEqualTo(LocalDate.of(1990, 2, 1));
		assertThat(profile.postcode()).isEqualTo("31998");
		assertThat(profile.homeMunicipalityId())
			.isEqualTo(this.municipalities.bySlug("beispielheim").orElseThrow().id());
		assertThat(profile.trustLevel()).isEqualTo(TrustLevel.LOW);
		assertThat(this.auditLog.forRecord("citizen-account", id.toString()))
			.filteredOn((entry) -> entry.details().equals("api"))
			.extracting(AuditEntry::actor, AuditEntry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("system", "citizen-account.profile.read"));
		assertThat(SystemActor.call(() -> this.citizenAccounts.profile(UUID.randomUUID()))).isEmpty();
	}

	@Test
	void aCitizenCannotReadAnotherCitizensProfile() {
		WebSession session = registerAndConfirm(freshAddress("neugierig"));
		assertThat(session.get("/konto/profil").mainText()).doesNotContain("Erika Mustermann");
		// There is no address that names another account: the profile is always the
		// signed-in citizen's own.
		assertThat(session.get("/konto/profil?id=" + UUID.randomUUID()).mainText()).doesNotContain("Erika Mustermann");
		assertThat(newSession().get("/konto/profil").location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/anmelden"));
	}

	private static Map<String, String> profile(String givenName, String familyName, String dateOfBirth, String street,
			String postcode, String city, String language) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("givenName", givenName);
		fields.put("familyName", familyName);
		fields.put("dateOfBirth", dateOfBirth);
		fields.put("street", street);
		fields.put("postcode", postcode);
		fields.put("city", city);
		fields.put("phone", "05123 45678");
		fields.put("preferredLanguage", language);
		return fields;
	}

}
