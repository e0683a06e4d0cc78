package de.amtsweg.forms;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.DraftExpiry;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DraftTests extends IntegrationTest {

	private static final Map<String, String> PERSON = Map.of("name", "Gertrud Beispiel", "born.day", "12", "born.month",
			"2", "born.year", "1940", "died.day", "3", "died.month", "11", "died.year", "2026");

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	DraftExpiry expiry;

	@Autowired
	JdbcClient jdbc;

	private String key;

	@BeforeEach
	void publishForm() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		this.key = TestForms.publish(this.definitions, musterstadt, TestForms.DEATH_CERTIFICATE, "entwurf");
	}

	@Test
	void aCitizenSavesADraftFindsItInTheAccountAndAnotherCitizenCannotSeeIt() {
		WebSession erika = signedIn("erika.mustermann@example.org");
		String person = startDraft(erika);
		erika.get(person);
		WebSession.Page saved = erika.submit(person, with(PERSON, "aktion", "speichern"));
		assertThat(saved.location())
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/konto/antraege/entwuerfe?gespeichert"));

		WebSession.Page list = erika.get(saved.location().orElseThrow().replace(baseUrl(), ""));
		assertThat(list.mainText()).contains("Ihr Entwurf ist gespeichert", "Sterbeurkunde beantragen");
		String resume = list.document().select("a[href^=/konto/antraege/entwuerfe/]").last().attr("href");
		// continues where answers are missing: the first page is done, the second is not
		assertThat(erika.get(resume).location()).hasValueSatisfying((to) -> assertThat(to).endsWith("/urkunden"));

		WebSession max = signedIn("max.mustermann@example.org");
		assertThat(max.get(person).status()).isEqualTo(404);
		assertThat(max.get(resume).status()).isEqualTo(404);
		assertThat(max.get("/konto/antraege/entwuerfe").mainText()).doesNotContain(this.key);
		assertThat(newSession().get("/konto/antraege/entwuerfe").location())
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/anmelden"));
	}

	@Test
	void aSignedInCitizenFindsNameBirthDateAndAddressFilledInAndCanChangeThem() {
		WebSession erika = signedIn("erika.mustermann@example.org");
		erika.get("/antrag/geburtsurkunde");
		String first = erika.submit("/antrag/geburtsurkunde", Map.of()).location().orElseThrow().replace(baseUrl(), "");
		String person = first.replaceFirst("/geburt$", "/person");
		WebSession.Page page = erika.get(person);
		assertThat(page.document().select("#givenName").attr("value")).isEqualTo("Erika");
		assertThat(page.document().select("#familyName").attr("value")).isEqualTo("Mustermann");
		assertThat(page.document().select("#dateOfBirth-year").attr("value")).isEqualTo("1964");
		WebSession.Page address = erika.get(first.replaceFirst("/geburt$", "/anschrift"));
		assertThat(address.document().select("#address-street").attr("value")).isEqualTo("Heidestraße");
		assertThat(address.document().select("#address-houseNumber").attr("value")).isEqualTo("17");
		assertThat(address.document().select("#address-postcode").attr("value")).isEqualTo("31999");

		erika.get(person);
		erika.submit(person, Map.of("givenName", "Erika Maria", "familyName", "Mustermann", "dateOfBirth.day", "12",
				"dateOfBirth.month", "8", "dateOfBirth.year", "1964"));
		assertThat(erika.get(person).document().select("#givenName").attr("value")).isEqualTo("Erika Maria");
	}

	@Test
	void aGuestGetsAResumeLinkByMailThatOpensTheDraftInAnotherBrowser() {
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		String person = startDraft(guest);
		guest.get(person);
		String saveForm = guest.submit(person, with(PERSON, "aktion", "speichern")).location().orElseThrow();
		assertThat(saveForm).endsWith("/speichern");
		String savePath = saveForm.replace(baseUrl(), "");
		guest.get(savePath);
		WebSession.Page wrong = guest.submit(savePath, Map.of("email", "kein-at-zeichen"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.title()).startsWith("Fehler: ");
		assertThat(wrong.document().select(".error-summary a[href=#email]").text())
			.isEqualTo("Geben Sie eine E-Mail-Adresse in der richtigen Form an, zum Beispiel name@beispiel.de.");

		String email = "gast-" + UUID.randomUUID() + "@example.org";
		String confirmation = guest.submit(savePath, Map.of("email", email)).location().orElseThrow();
		assertThat(guest.get(confirmation.replace(baseUrl(), "")).mainText()).contains(email);

		TestMailServer.ReceivedMail mail = TestMailServer.awaitMail(email, "Ihr gespeicherter Antrag");
		String body = decodeQuotedPrintable(mail.body());
		assertThat(body).contains("Sterbeurkunde beantragen").doesNotContain("Gertrud");
		String link = new TestMailServer.ReceivedMail(email, mail.subject(), body)
			.link(baseUrl() + "/antrag/fortsetzen/");
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(this.jdbc
			.sql("select count(*) from form_draft where resume_token_hash = :token or answers::text like :like")
			.param("token", token)
			.param("like", "%" + token + "%")
			.query(Integer.class)
			.single()).as("only the hash of the link is stored").isZero();

		WebSession otherBrowser = newSession();
		WebSession.Page opened = otherBrowser.get(link.replace(baseUrl(), ""));
		assertThat(opened.location()).hasValueSatisfying((to) -> assertThat(to).endsWith("/urkunden"));
		assertThat(otherBrowser.get(opened.location().orElseThrow().replace(baseUrl(), "")).status()).isEqualTo(200);
		assertThat(newSession().get("/antrag/fortsetzen/falsch").status()).isEqualTo(404);
	}

	@Test
	void draftsExpireAfterTheirLifetime() {
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		String person = startDraft(guest);
		assertThat(guest.get(person).status()).isEqualTo(200);

		this.clock.advance(Duration.ofDays(29));
		this.expiry.deleteExpired();
		assertThat(guest.get(person).status()).isEqualTo(200);

		this.clock.advance(Duration.ofDays(31));
		assertThat(this.expiry.deleteExpired()).isPositive();
		UUID draftId = UUID.fromString(person.split("/")[3]);
		assertThat(this.jdbc.sql("select count(*) from form_draft where id = :id")
			.param("id", draftId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(guest.get(person).status()).isEqualTo(404);
	}

	private String startDraft(WebSession session) {
		session.get("/antrag/" + this.key);
		return session.submit("/antrag/" + this.key, Map.of()).location().orElseThrow().replace(baseUrl(), "");
	}

	private WebSession signedIn(String email) {
		WebSession session = newSession();
		session.get("/gemeinde/musterstadt");
		session.get("/anmelden");
		WebSession.Page result = session.submit("/anmelden", Map.of("email", email, "passwort", DemoData.PASSWORD));
		assertThat(result.location()).hasValueSatisfying((to) -> assertThat(to).doesNotContain("fehler"));
		return session;
	}

	/** Mail bodies with umlauts travel quoted-printable, which wraps long links. */
	static String decodeQuotedPrintable(String body) {
		try (java.io.InputStream in = jakarta.mail.internet.MimeUtility.decode(
				new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
				"quoted-printable")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException | jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> with(Map<String, String> values, String key, String value) {
		Map<String, String> all = new java.util.LinkedHashMap<>(values);
		all.put(key, value);
		return all;
	}

}
