package de.amtsweg.forms;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.TestMailServer;
import de.amtsweg.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class FormFillingTests extends IntegrationTest {

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	private String key;

	private final String email = "gertrud-" + UUID.randomUUID() + "@example.org";

	@BeforeEach
	void publishForm() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		this.key = TestForms.publish(this.definitions, musterstadt, TestForms.DEATH_CERTIFICATE, "sterbe");
	}

	@Test
	void aGuestFillsTheFormPageByPageCorrectsMistakesChecksAndSubmitsOnce() throws IOException {
		WebSession session = guestInMusterstadt();
		WebSession.Page start = session.get("/antrag/" + this.key);
		assertThat(start.status()).isEqualTo(200);
		assertThat(start.mainText()).contains("Sterbeurkunde beantragen", "Name und Lebensdaten");

		String person = session.submit("/antrag/" + this.key, Map.of()).location().orElseThrow();
		assertThat(person).endsWith("/person");
		String personPath = path(person);
		session.get(personPath);

		// nothing entered: every problem in the summary, linked to its input, same words
		// inline
		WebSession.Page empty = session.submit(personPath, Map.of("aktion", "weiter"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.title()).startsWith("Fehler: Verstorbene Person");
		Document page = empty.document();
		assertThat(page.select(".error-summary a")).extracting((a) -> a.attr("href"))
			.containsExactly("#name", "#born-day", "#died-day");
		assertThat(page.select(".error-summary a").first().text()).isEqualTo("Geben Sie „Name“ an.");
		assertThat(page.select("#name-error").text()).isEqualTo("Fehler: Geben Sie „Name“ an.");
		assertThat(page.select("#name")).isNotEmpty();
		assertThat(page.select("#born-day")).isNotEmpty();

		// a wrong date and a death before the birth: input kept, told how to fix it
		WebSession.Page wrong = session.submit(personPath, Map.of("name", "Gertrud Beispiel", "born.day", "31",
				"born.month", "2", "born.year", "1940", "died.day", "1", "died.month", "1", "died.year", "1930"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.document().select("#name").attr("value")).isEqualTo("Gertrud Beispiel");
		assertThat(wrong.document().select(".error-summary a").eachText()).containsExactly(
				"„Geburtsdatum“ muss ein echtes Datum sein. Geben Sie Tag, Monat und Jahr als Zahlen an, zum Beispiel 27 3 2007.");
		WebSession.Page rule = session.submit(personPath, Map.of("name", "Gertrud Beispiel", "born.day", "12",
				"born.month", "2", "born.year", "1940", "died.day", "1", "died.month", "1", "died.year", "1930"));
		assertThat(rule.document().select(".error-summary a").eachText())
			.containsExactly("Das Sterbedatum muss am oder nach dem Geburtsdatum liegen.");
		assertThat(rule.document().select(".error-summary a").attr("href")).isEqualTo("#died-day");

		WebSession.Page next = session.submit(personPath, Map.of("name", "Gertrud Beispiel", "born.day", "12",
				"born.month", "2", "born.year", "1940", "died.day", "3", "died.month", "11", "died.year", "2026"));
		String urkunden = path(next.location().orElseThrow());
		assertThat(urkunden).endsWith("/urkunden");

		// the group starts empty; adding an entry needs no JavaScript
		session.get(urkunden);
		String added = session.submit(urkunden, Map.of("aktion", "hinzufuegen:certificates")).location().orElseThrow();
		assertThat(added).endsWith("/urkunden#certificates-0");
		WebSession.Page groupPage = session.get(urkunden);
		assertThat(groupPage.document().select("input[name=certificates.count]").attr("value")).isEqualTo("1");
		session.submit(urkunden, Map.of("certificates.count", "1", "certificates.0.kind", "standard",
				"certificates.0.copies", "2", "aktion", "hinzufuegen:certificates"));
		session.get(urkunden);
		WebSession.Page groupErrors = session.submit(urkunden,
				Map.of("certificates.count", "2", "certificates.0.kind", "standard", "certificates.0.copies", "2",
						"certificates.1.kind", "international", "certificates.1.copies", "zwei", "abroad", "no"));
		assertThat(groupErrors.document().select(".error-summary a").eachText())
			.containsExactly("„Anzahl (Urkunde 2)“ muss eine Zahl sein, zum Beispiel 3.");
		assertThat(groupErrors.document().select(".error-summary a").attr("href")).isEqualTo("#certificates-1-copies");
		String kontakt = path(session
			.submit(urkunden,
					Map.of("certificates.count", "2", "certificates.0.kind", "standard", "certificates.0.copies", "2",
							"certificates.1.kind", "international", "certificates.1.copies", "1", "abroad", "no"))
			.location()
			.orElseThrow());
		// "abroad = no" skips the page about use abroad
		assertThat(kontakt).endsWith("/kontakt");

		WebSession.Page contact = session.get(kontakt);
		assertThat(contact.document().select("a.back-link").attr("href")).endsWith("/urkunden");
		WebSession.Page badIban = session.submit(kontakt,
				Map.of("email", "gertrud@example", "iban", "DE89 3704 0044 0532 0130 01"));
		assertThat(badIban.document().select(".error-summary a").eachText()).containsExactly(
				"Geben Sie bei „E-Mail-Adresse“ eine E-Mail-Adresse in der richtigen Form an, zum Beispiel name@beispiel.de.",
				"Die IBAN bei „IBAN für die Lastschrift“ ist nicht gültig. Prüfen Sie jede Ziffer – wahrscheinlich hat sich ein Tippfehler eingeschlichen.",
				"Bestätigen Sie „Ich versichere, dass meine Angaben richtig sind.“, indem Sie das Kästchen ankreuzen.");
		String check = path(session
			.submit(kontakt, Map.of("email", this.email, "iban", "DE89 3704 0044 0532 0130 00", "consent", "true"))
			.location()
			.orElseThrow());
		assertThat(check).endsWith("/pruefen");

		// check your answers, with the fee computed from the copies: 3 × 12 EUR
		WebSession.Page summary = session.get(check);
		assertThat(summary.mainText()).contains("Gertrud Beispiel", "12.02.1940", "03.11.2026", "Urkunde 2",
				"Art der Urkunde: Internationale Sterbeurkunde", "DE89 3704 0044 0532 0130 00", "36,00 €");
		assertThat(summary.document().select("#computed-fee").text()).isEqualTo("36,00 €");

		// a change link leads to the page and straight back
		String changeName = summary.document().select("a[href*=/person?aendern]").attr("href");
		assertThat(changeName).endsWith("#name");
		WebSession.Page changePage = session.get(changeName.replaceFirst("#.*", ""));
		assertThat(changePage.document().select("a.back-link").attr("href")).endsWith("/pruefen");
		String back = session.submit(changePage.document().select("form").attr("action"),
				Map.of("name", "Gertrud Beispiel-Muster", "born.day", "12", "born.month", "2", "born.year", "1940",
						"died.day", "3", "died.month", "11", "died.year", "2026"))
			.location()
			.orElseThrow();
		assertThat(back).endsWith("/pruefen");
		summary = session.get(check);
		assertThat(summary.mainText()).contains("Gertrud Beispiel-Muster");

		// a double click: the same idempotency key twice makes one submission
		String action = summary.document().select("form[action$=/absenden]").attr("action");
		String idempotencyKey = summary.document().select("input[name=idempotencyKey]").attr("value");
		WebSession.Page first = session.submit(action, Map.of());
		WebSession.Page second = session.submit(action, Map.of());
		assertThat(first.location()).isPresent();
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(this.jdbc.sql("select count(*) from form_submission where idempotency_key = :key")
			.param("key", UUID.fromString(idempotencyKey))
			.query(Integer.class)
			.single()).isEqualTo(1);

		WebSession.Page receipt = session.get(path(first.location().orElseThrow()));
		String reference = receipt.document().select("#reference").text();
		assertThat(reference).matches("MUS-\\d{4}-\\d{6}");

		// a notice by e-mail: the reference number, no answers
		TestMailServer.ReceivedMail notice = TestMailServer.awaitMail(this.email, "Ihr Antrag ist eingegangen");
		String noticeText = DraftTests.decodeQuotedPrintable(notice.body());
		assertThat(noticeText).contains(reference, "Sterbeurkunde beantragen").doesNotContain("Gertrud", "DE89");
		assertThat(receipt.mainText()).contains("Das Standesamt schickt die Urkunden per Post.");

		// the receipt PDF carries the reference number and the answers
		byte[] pdf = download(session, receipt.document().select("a[href$=.pdf]").attr("href"));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Eingangsbestätigung", reference, "Gertrud Beispiel-Muster",
					"Internationale Sterbeurkunde", "36,00 €");
		}

		// the draft is gone; another browser cannot see the receipt
		assertThat(session.get(check).status()).isEqualTo(404);
		assertThat(guestInMusterstadt().get(path(first.location().orElseThrow())).status()).isEqualTo(404);
	}

	@Test
	void theFormSpeaksEnglishToo() {
		WebSession session = guestInMusterstadt();
		session.get("/antrag/" + this.key + "?sprache=en");
		String person = path(session.submit("/antrag/" + this.key, Map.of()).location().orElseThrow());
		session.get(person);
		WebSession.Page empty = session.submit(person, Map.of("aktion", "weiter"));
		assertThat(empty.title()).startsWith("Error: Deceased person");
		assertThat(empty.document().select(".error-summary a").eachText()).contains("Enter \"Name\".",
				"Enter \"Date of birth\" with day, month and year, for example 27 3 2007.");
	}

	@Test
	void anotherGuestCannotOpenMyDraft() {
		WebSession session = guestInMusterstadt();
		session.get("/antrag/" + this.key);
		String person = path(session.submit("/antrag/" + this.key, Map.of()).location().orElseThrow());
		assertThat(session.get(person).status()).isEqualTo(200);
		assertThat(guestInMusterstadt().get(person).status()).isEqualTo(404);
		assertThat(session.get(person.replace("/person", "/gibt-es-nicht")).status()).isEqualTo(404);
	}

	@Test
	void anUnknownFormIsNotFound() {
		assertThat(guestInMusterstadt().get("/antrag/gibt-es-nicht").status()).isEqualTo(404);
		// published in Musterstadt only
		WebSession beispielheim = newSession();
		beispielheim.get("/gemeinde/beispielheim");
		assertThat(beispielheim.get("/antrag/" + this.key).status()).isEqualTo(404);
	}

	WebSession guestInMusterstadt() {
		WebSession session = newSession();
		session.get("/gemeinde/musterstadt");
		return session;
	}

	private String path(String location) {
		return location.replace(baseUrl(), "");
	}

	private byte[] download(WebSession session, String path) {
		var response = session.download(baseUrl() + path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		return response.body();
	}

}
