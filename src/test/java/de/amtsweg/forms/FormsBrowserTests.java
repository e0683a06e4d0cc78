package de.amtsweg.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.BrowserTest;
import de.amtsweg.support.TestMailServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Every shipped form in a real browser: found through the catalogue, filled page by page,
 * saved as a draft, resumed (from the account, or by the mailed link as a guest),
 * submitted, and its receipt shown; axe-core finds no WCAG 2.1 A/AA violation on any page
 * on the way, error pages included. Also: a bad input of every field type is explained
 * with the right words in the summary and next to the field.
 */
class FormsBrowserTests extends BrowserTest {

	private static final String PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	/**
	 * Answers a plain default cannot give: patterns, limits, rules between dates, and the
	 * choices that lead through a form's conditional pages.
	 */
	private static final Map<String, String> COMMON = Map.ofEntries(Map.entry("taxMark", "1234"),
			Map.entry("plate", "MS AB 123"), Map.entry("chip", "276098100123456"), Map.entry("voterNumber", "12/345"),
			Map.entry("startTime", "14:00"), Map.entry("endTime", "16:30"), Map.entry("copies", "2"),
			Map.entry("employeesFull", "2"), Map.entry("employeesPart", "1"), Map.entry("visitors", "80"),
			Map.entry("participants", "60"), Map.entry("stewards", "2"), Map.entry("rooms", "3"),
			Map.entry("rent", "520,00"), Map.entry("heating", "80,00"), Map.entry("size", "62,5"),
			Map.entry("members", "2"), Map.entry("income", "1800,00"), Map.entry("ownIncome", "1800,00"),
			Map.entry("costs", "250000"), Map.entry("times", "10 bis 22 Uhr"),
			Map.entry("iban", "DE89 3704 0044 0532 0130 00"), Map.entry("childBirthDate", "1.6.2024"));

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Submissions submissions;

	/**
	 * How a citizen finds each form: a search word of the finder, or the service page
	 * that links to it; and the answers it needs beyond the defaults.
	 */
	private List<Journey> journeys() {
		String recent = german(LocalDate.now(this.clock).minusDays(10));
		String future = german(LocalDate.now(this.clock).plusDays(30));
		return List.of(new Journey("geburtsurkunde", null, "Geburtsurkunde", Map.of()),
				new Journey("urkundenanforderung", "sterbeurkunde", null,
						Map.of("kind", "sterbe", "relation", "nachkomme", "died", recent)),
				new Journey("meldebescheinigung", "meldebescheinigung", null, Map.of()),
				new Journey("briefwahl", "briefwahl", null, Map.of()),
				new Journey("hundesteuer-anmeldung", null, "Hund", Map.of()),
				new Journey("hundesteuer-abmeldung", "hundesteuer", null, Map.of("reason", "wegzug", "since", recent)),
				new Journey("bewohnerparkausweis", "bewohnerparkausweis", null, Map.of()),
				new Journey("gewerbeanmeldung", "gewerbeanzeige", null, Map.of("start", recent)),
				new Journey("gewerbeummeldung", "gewerbeanzeige", null,
						Map.of("changeDate", recent, "reasons", "verlegung,wechsel")),
				new Journey("gewerbeabmeldung", "gewerbeanzeige", null,
						Map.of("endDate", recent, "reason", "uebergabe")),
				new Journey("veranstaltung-anzeige", "veranstaltung", null,
						Map.of("startDate", future, "endDate", future)),
				new Journey("versammlung-anzeige", "versammlung", null,
						Map.of("date", future, "kind", "aufzug", "aids", "lautsprecher,transparente")),
				new Journey("kita-anmeldung", "kita-anmeldung", null, Map.of("careStart", future)),
				new Journey("wohnberechtigungsschein", "wohnberechtigungsschein", null, Map.of()),
				new Journey("wohngeld", "wohngeld", null, Map.of()),
				new Journey("bauantrag", "bauantrag", null, Map.of()));
	}

	@Test
	void aSignedInCitizenFindsFillsSavesResumesAndSubmitsEveryShippedForm() {
		signInAsCitizen("max.mustermann@example.org");
		open("/gemeinde/musterstadt");
		List<Executable> walks = new ArrayList<>();
		for (Journey journey : journeys()) {
			walks.add(() -> walkSignedIn(journey));
		}
		assertAll(walks);
	}

	@Test
	void aGuestWritesToTheResponsibleUnitSavesResumesByTheMailedLinkAndSubmits() {
		String email = "gast-" + UUID.randomUUID() + "@example.org";
		open("/gemeinde/musterstadt");
		open("/");
		follow("main a[href='/antrag/kontakt']");
		assertThat(path()).isEqualTo("/antrag/kontakt");
		assertAccessible();
		submit("/antrag/kontakt");
		assertThat(path()).endsWith("/anliegen");
		String draft = path().substring(0, path().lastIndexOf('/'));
		assertAccessible();
		Map<String, String> answers = Map.of("unit", "steueramt", "subject", "Frage zur Grundsteuer", "message",
				"Wann wird die Grundsteuer für 2027 fällig?", "email", email, "replyBy", "post");
		fill(answers);
		attachFiles();
		follow("button[name=aktion][value=speichern]");
		assertThat(path()).isEqualTo(draft + "/speichern");
		assertAccessible();
		type("#email", email);
		submit(draft + "/speichern");
		assertThat(mainText()).contains(email);
		assertAccessible();

		TestMailServer.ReceivedMail mail = TestMailServer.awaitLatestMail(email, "Ihr gespeicherter Antrag");
		String link = mail.link(baseUrl() + "/antrag/fortsetzen/");
		browser().manage().deleteAllCookies();
		open(link);
		assertThat(path()).as("resumed at the first page with open questions").isEqualTo(draft + "/absender");
		String reference = fillToReceipt(new Journey("kontakt", null, null, answers));

		UUID submissionId = UUID.fromString(path().substring(path().lastIndexOf('/') + 1));
		Submissions.SubmittedForm submitted = this.submissions.get(submissionId).orElseThrow();
		assertThat(submitted.reference()).isEqualTo(reference);
		assertThat(submitted.responsibleUnit()).as("goes to the unit the guest chose").isEqualTo("steueramt");
		assertThat(submitted.attachments()).extracting(Submissions.Attachment::fieldId).containsExactly("attachment");
	}

	@Test
	void aBadInputOfEveryFieldTypeIsExplainedInTheSummaryAndNextToTheField() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		String key = TestForms.publish(this.definitions, musterstadt, EVERY_FIELD_TYPE, "felder");
		open("/gemeinde/musterstadt");
		open("/antrag/" + key);
		submit("/antrag/" + key);
		String page = path();
		Map<String, String> bad = new HashMap<>();
		bad.put("text", "sechs!");
		bad.put("code", "AB-12");
		bad.put("long", "kurz");
		bad.put("number", "zwei");
		bad.put("amount", "zwölf Euro");
		bad.put("date", "31.2.2026");
		bad.put("email", "name@");
		bad.put("phone", "ruf mich an");
		bad.put("iban", "DE89 3704 0044 0532 0130 01");
		bad.put("postcode", "3199");
		bad.put("address.street", "");
		bad.put("address.houseNumber", "1");
		bad.put("address.postcode", "31999");
		bad.put("address.city", "Musterstadt");
		bad.put("colours", "rot,gruen");
		fill(bad, false);
		follow("button[name=aktion][value=weiter]");
		assertThat(path()).isEqualTo(page);
		assertThat(title()).startsWith("Fehler: ");
		List<String> summary = findAll(".error-summary a").stream().map(WebElement::getText).toList();
		assertThat(summary).containsExactly("„Name“ darf höchstens 5 Zeichen lang sein. Kürzen Sie den Text.",
				"Das Kennzeichen hat zwei Buchstaben und drei Ziffern, zum Beispiel AB123.",
				"„Begründung“ muss mindestens 20 Zeichen lang sein.", "„Anzahl“ muss eine Zahl sein, zum Beispiel 3.",
				"„Betrag“ muss ein Betrag in Euro sein, zum Beispiel 12,50.",
				"„Tag“ muss ein echtes Datum sein. Geben Sie Tag, Monat und Jahr als Zahlen an, zum Beispiel 27 3 2007.",
				"Geben Sie bei „E-Mail“ eine E-Mail-Adresse in der richtigen Form an, zum Beispiel name@beispiel.de.",
				"Geben Sie bei „Telefon“ eine Telefonnummer an, zum Beispiel 05999 123456 oder +49 5999 123456.",
				"Die IBAN bei „IBAN“ ist nicht gültig. Prüfen Sie jede Ziffer – wahrscheinlich hat sich ein Tippfehler eingeschlichen.",
				"Die Postleitzahl bei „Postleitzahl“ besteht aus fünf Ziffern, zum Beispiel 31999.",
				"Geben Sie bei „Anschrift“ die Straße an.", "Wählen Sie bei „Hund vorhanden?“ eine Antwort aus.",
				"Wählen Sie bei „Farbe“ eine Antwort aus.", "Wählen Sie bei „Farben“ höchstens 1 Antworten aus.",
				"Laden Sie bei „Nachweis“ eine Datei hoch.",
				"Bestätigen Sie „Ich stimme zu.“, indem Sie das Kästchen ankreuzen.",
				"Geben Sie bei „Kinder“ mindestens 1 Eintrag/Einträge an. Nutzen Sie dazu „Weiteren Eintrag hinzufügen“.");
		for (WebElement link : findAll(".error-summary a")) {
			String target = link.getDomAttribute("href").substring(1);
			assertThat(findAll("[id='" + target + "']")).as("the summary links to " + target).hasSize(1);
			assertThat(find("main form").getText()).as("the same words next to the field").contains(link.getText());
		}
		assertThat(find("[id='text']").getDomProperty("value")).as("input kept").isEqualTo("sechs!");
		assertAccessible();
	}

	private void walkSignedIn(Journey journey) {
		findInCatalogue(journey);
		assertThat(path()).isEqualTo("/antrag/" + journey.key());
		assertAccessible();
		submit("/antrag/" + journey.key());
		String draftPath = path().substring(0, path().lastIndexOf('/'));
		String draftId = draftPath.substring(draftPath.lastIndexOf('/') + 1);
		assertAccessible();
		fillAndContinue(journey);
		assertAccessible();
		fill(answers(journey));
		attachFiles();
		follow("button[name=aktion][value=speichern]");
		assertThat(path()).isEqualTo("/konto/antraege/entwuerfe?gespeichert");
		assertAccessible();
		follow("main a[href='/konto/antraege/entwuerfe/" + draftId + "']");
		assertThat(path()).as(journey.key() + " resumes where answers are missing").startsWith(draftPath + "/");
		fillToReceipt(journey);
	}

	private void findInCatalogue(Journey journey) {
		if (journey.search() != null) {
			open("/leistungen?q=" + journey.search());
			assertAccessible();
			follow("#ergebnisse li h2 a");
		}
		else {
			open("/leistungen/" + journey.service());
		}
		assertAccessible();
		follow("main a[href='/antrag/" + journey.key() + "']");
	}

	/**
	 * Fills every page up to the check page, submits, and returns the reference number.
	 */
	private String fillToReceipt(Journey journey) {
		for (int pages = 0; !path().endsWith("/pruefen"); pages++) {
			assertThat(pages).as(journey.key() + ": too many pages, stuck at " + path()).isLessThan(15);
			assertAccessible();
			fillAndContinue(journey);
		}
		assertAccessible();
		assertThat(findAll("main .summary-list")).as(journey.key() + " check page").isNotEmpty();
		String check = path();
		submit(check.replace("/pruefen", "/absenden"));
		if (path().startsWith("/bezahlen/forderung/")) {
			// a form whose fee is paid before it counts: pay through the sandbox first
			submit(path());
			follow("#zahlen");
			follow("#eingangsbestaetigung");
		}
		assertThat(path()).as(journey.key() + " receipt").startsWith("/antrag/eingang/");
		String reference = find("#reference").getText();
		assertThat(reference).matches("MUS-\\d{4}-\\d{6}");
		assertAccessible();
		return reference;
	}

	/**
	 * Fills the page and continues; a page that shows new questions after an answer (e.g.
	 * a file after "yes, I need a permit") gets a second round.
	 */
	private void fillAndContinue(Journey journey) {
		String here = path();
		for (int round = 0; round < 3; round++) {
			addAnEntryToEmptyGroups();
			fill(answers(journey));
			attachFiles();
			follow("button[name=aktion][value=weiter]");
			if (!title().startsWith("Fehler")) {
				return;
			}
			assertAccessible();
		}
		throw new AssertionError(journey.key() + " " + here + ": " + find(".error-summary").getText());
	}

	private Map<String, String> answers(Journey journey) {
		Map<String, String> answers = new HashMap<>(COMMON);
		answers.putAll(journey.answers());
		return answers;
	}

	private void addAnEntryToEmptyGroups() {
		for (WebElement count : findAll("input[type=hidden][name$='.count']")) {
			if ("0".equals(count.getDomAttribute("value"))) {
				String group = count.getDomAttribute("name").replace(".count", "");
				follow("button[name=aktion][value='hinzufuegen:" + group + "']");
				return;
			}
		}
	}

	private void fill(Map<String, String> answers) {
		fill(answers, true);
	}

	/**
	 * Fills the empty inputs of the page in one script: an answer given by name or by
	 * field id, else a plain default of the input's kind; the first option of a choice.
	 */
	private void fill(Map<String, String> answers, boolean defaults) {
		script("""
				const answers = arguments[0], defaults = arguments[1];
				const form = document.querySelector('button[name=aktion][value=weiter]').form;
				const parts = /\\.(day|month|year|street|houseNumber|postcode|city)$/;
				const field = (name) => name.replace(parts, '').replace(/^.*\\.\\d+\\./, '');
				const answer = (name) => name in answers ? answers[name] : answers[field(name)];
				const done = new Set();
				for (const input of form.elements) {
					const name = input.name;
					if (!name || ['hidden', 'submit', 'file', 'button'].includes(input.type)) continue;
					const given = answer(name);
					if (input.type === 'radio' || (input.type === 'checkbox' && input.value !== 'true')) {
						if (done.has(name)) continue;
						done.add(name);
						const options = Array.from(form.querySelectorAll('input[name="' + name + '"]'));
						if (given !== undefined) {
							const wanted = given.split(',');
							options.forEach((option) => option.checked = wanted.includes(option.value));
						} else if (defaults && !options.some((option) => option.checked)) {
							options[0].checked = true;
						}
						continue;
					}
					if (input.type === 'checkbox') {
						if (defaults) input.checked = true;
						continue;
					}
					if (input.tagName === 'SELECT') {
						if (given !== undefined) input.value = given;
						else if (defaults && !input.value) input.value = Array.from(input.options).find((o) => o.value).value;
						continue;
					}
					if (input.value && given === undefined) continue;
					const part = (name.match(parts) || [])[1];
					let value = given;
					if (part && ['day', 'month', 'year'].includes(part)) {
						const date = (answer(name) || '15.3.1980').split('.');
						value = date[['day', 'month', 'year'].indexOf(part)];
					} else if (part && given === undefined) {
						value = { street: 'Marktplatz', houseNumber: '1', postcode: '31999', city: 'Musterstadt' }[part];
					} else if (value === undefined && defaults) {
						value = input.type === 'email' ? 'test@example.org'
							: input.type === 'tel' ? '05999 123456'
							: /input--width-(5|10)/.test(input.className) ? '1'
							: input.tagName === 'TEXTAREA' ? 'Testangabe mit einer ausführlichen Beschreibung'
							: 'Testangabe';
					}
					if (value !== undefined) input.value = value;
				}
				""",
				answers, defaults);
	}

	/**
	 * Chooses a file for every file input that has none yet: a PDF, or a PNG where only
	 * images are taken.
	 */
	private void attachFiles() {
		for (WebElement input : findAll("input[type=file]")) {
			WebElement group = input.findElement(By.xpath("ancestor::div[contains(@class,'form-group')][1]"));
			if (!group.findElements(By.cssSelector(".file-list__item")).isEmpty()) {
				continue;
			}
			String accept = String.valueOf(input.getDomAttribute("accept"));
			input.sendKeys(file(accept.isEmpty() || accept.contains("pdf")).toString());
		}
	}

	private static Path file(boolean pdf) {
		try {
			Path file = Files.createTempFile("nachweis-", pdf ? ".pdf" : ".png");
			Files.write(file, pdf ? PDF.getBytes(StandardCharsets.US_ASCII) : PNG);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String german(LocalDate date) {
		return date.getDayOfMonth() + "." + date.getMonthValue() + "." + date.getYear();
	}

	/**
	 * A form and how to get to it.
	 *
	 * @param key the form
	 * @param service the catalogue service page that links to it, or null
	 * @param search a search word that finds its service, or null
	 * @param answers answers beyond the defaults, by field id
	 */
	private record Journey(String key, @Nullable String service, @Nullable String search, Map<String, String> answers) {
	}

	/** One page with one field of every type, each with a limit to break. */
	private static final String EVERY_FIELD_TYPE = """
			{
			  "schemaVersion": 1,
			  "key": "KEY",
			  "title": "Alle Feldarten",
			  "pages": [
			    {"id": "alles", "title": "Alle Feldarten", "fields": [
			      {"id": "text", "type": "text", "label": "Name", "maxLength": 5},
			      {"id": "code", "type": "text", "label": "Kennzeichen", "pattern": "[A-Z]{2}[0-9]{3}",
			       "patternMessage": "Das Kennzeichen hat zwei Buchstaben und drei Ziffern, zum Beispiel AB123."},
			      {"id": "long", "type": "longText", "label": "Begründung", "minLength": 20},
			      {"id": "number", "type": "number", "label": "Anzahl"},
			      {"id": "amount", "type": "money", "label": "Betrag"},
			      {"id": "date", "type": "date", "label": "Tag"},
			      {"id": "email", "type": "email", "label": "E-Mail"},
			      {"id": "phone", "type": "phone", "label": "Telefon"},
			      {"id": "iban", "type": "iban", "label": "IBAN"},
			      {"id": "postcode", "type": "postcode", "label": "Postleitzahl"},
			      {"id": "address", "type": "address", "label": "Anschrift"},
			      {"id": "dog", "type": "yesNo", "label": "Hund vorhanden?"},
			      {"id": "colour", "type": "choice", "label": "Farbe", "codeList": "farben"},
			      {"id": "colours", "type": "multiChoice", "label": "Farben", "codeList": "farben", "maxSelected": 1},
			      {"id": "proof", "type": "file", "label": "Nachweis", "accept": ["pdf"]},
			      {"id": "consent", "type": "declaration", "label": "Ich stimme zu."},
			      {"id": "children", "type": "group", "label": "Kinder", "itemLabel": "Kind", "minItems": 1,
			       "fields": [{"id": "name", "type": "text", "label": "Name des Kindes"}]}
			    ]}
			  ],
			  "codeLists": {"farben": [{"code": "rot", "label": "Rot"}, {"code": "gruen", "label": "Grün"},
			                           {"code": "blau", "label": "Blau"}]},
			  "local": {"responsibleUnit": "buergerbuero"}
			}
			""";

}
