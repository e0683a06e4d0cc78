package de.amtsweg.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.support.BrowserTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The media-break-free path in a real browser: a citizen submits a form, a clerk of the
 * responsible unit finds the case, claims it and asks a question; the citizen answers in
 * the postbox with a file; the clerk decides and issues the notice; the citizen downloads
 * it and sees the case closed. axe-core checks every page of both; the citizen's pages
 * also at phone width.
 */
class CaseJourneyBrowserTests extends BrowserTest {

	private static final String CITIZEN = "erika.mustermann@example.org";

	private static final String CLERK = "buergerbuero@musterstadt.example";

	private static final String PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""";

	@Autowired
	JdbcClient jdbc;

	/** A citizen's page: accessible on desktop and phone, and no sideways scrolling. */
	private void checkCitizenPage() {
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void aSubmittedFormIsAskedAboutAnsweredDecidedAndClosedWithTheNoticeInTheAccount() {
		// the citizen applies for a registration certificate
		signInAsCitizen(CITIZEN);
		open("/gemeinde/musterstadt");
		open("/antrag/meldebescheinigung");
		checkCitizenPage();
		submit("/antrag/meldebescheinigung");
		String family = "Reise" + UUID.randomUUID().toString().substring(0, 6);
		for (int pages = 0; !path().endsWith("/pruefen"); pages++) {
			assertThat(pages).as("stuck at " + path() + ": " + mainText()).isLessThan(12);
			checkCitizenPage();
			fillPage(family);
			follow("button[name=aktion][value=weiter]");
		}
		checkCitizenPage();
		submit(path().replace("/pruefen", "/absenden"));
		assertThat(path()).startsWith("/antrag/eingang/");
		String receipt = find("#reference").getText();
		checkCitizenPage();
		UUID caseId = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select id from case_file where submission_reference = :r")
				.param("r", receipt)
				.query(UUID.class)
				.optional(), Optional::isPresent)
			.orElseThrow();
		String reference = this.jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		String casePath = "/intern/vorgaenge/" + caseId;
		submit("/abmelden");

		// the clerk finds it in the inbox, claims it and asks
		signInAsStaff(CLERK);
		open("/intern/vorgaenge");
		assertAccessible();
		type("#suche", family);
		submitFormWith("#suche");
		assertThat(mainText()).contains(reference);
		assertAccessible();
		follow("main a[href='" + casePath + "']");
		assertThat(mainText()).contains(family);
		assertAccessible();
		submit(casePath + "/uebernehmen");
		assertAccessible();
		type("#question", "Bitte laden Sie Ihren Mietvertrag hoch.");
		submit(casePath + "/rueckfrage");
		assertThat(mainText()).contains("wartet auf Antwort");
		assertAccessible();
		submit("/intern/abmelden");

		// the citizen sees the question and answers in the postbox with a file
		signInAsCitizen(CITIZEN);
		open("/konto/antraege/" + caseId);
		assertThat(find("#status").getText()).isEqualTo("Rückfrage");
		checkCitizenPage();
		follow("#question a");
		assertThat(mainText()).contains("Bitte laden Sie Ihren Mietvertrag hoch.");
		checkCitizenPage();
		String threadPath = path();
		type("#text", "Anbei der Mietvertrag.");
		find("input[type=file]").sendKeys(pdfFile().toString());
		submit(threadPath);
		assertThat(mainText()).contains("Anbei der Mietvertrag.", "mietvertrag.pdf");
		checkCitizenPage();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "IN_PROGRESS".equals(this.jdbc.sql("select status from case_file where id = :id")
				.param("id", caseId)
				.query(String.class)
				.single()));
		submit("/abmelden");

		// the clerk sees the answer, decides and issues the notice
		signInAsStaff(CLERK);
		open(casePath);
		assertThat(mainText()).contains("beantwortet", "mit 1 Datei");
		assertAccessible();
		follow("main a[href^='/intern/postfach/']");
		assertThat(mainText()).contains("Anbei der Mietvertrag.", "mietvertrag.pdf");
		assertAccessible();
		open(casePath);
		submitTask();
		click("#result");
		type("#reason", "Die Angaben und der Mietvertrag sind vollständig.");
		submitTask();
		assertThat(mainText()).contains("Entschieden", "Bescheid erstellen");
		assertAccessible();
		submitTask();
		assertThat(mainText()).contains("Bescheid herunterladen");
		assertAccessible();
		submit("/intern/abmelden");

		// the citizen downloads the notice from the account
		signInAsCitizen(CITIZEN);
		open("/konto/antraege/" + caseId);
		checkCitizenPage();
		String notice = pdfText(find("#notice").getDomAttribute("href"));
		assertThat(notice).contains("Bescheid", reference, "Erika Mustermann", "Ihr Antrag wird bewilligt.");
		submit("/abmelden");

		// the clerk closes the case
		signInAsStaff(CLERK);
		open(casePath);
		submitTask();
		assertThat(mainText()).contains("Abgeschlossen", "Keine offenen Aufgaben");
		assertAccessible();
		submit("/intern/abmelden");

		signInAsCitizen(CITIZEN);
		open("/konto/antraege/" + caseId);
		assertThat(find("#status").getText()).isEqualTo("Abgeschlossen");
		checkCitizenPage();
	}

	/** Sends the form of the route's open task. */
	private void submitTask() {
		String action = find("form[action*='/aufgaben/']").getDomAttribute("action");
		submit(action);
	}

	/**
	 * Fills the empty fields of a form page: the family name, a plain value in each other
	 * text field, the first option of each choice, every declaration.
	 */
	private void fillPage(String family) {
		script("""
				const family = arguments[0];
				const form = document.querySelector('button[name=aktion][value=weiter]').form;
				const seen = new Set();
				for (const input of form.elements) {
					const name = input.name;
					if (!name || ['hidden', 'submit', 'file', 'button'].includes(input.type)) continue;
					if (input.type === 'radio') {
						if (seen.has(name)) continue;
						seen.add(name);
						const options = Array.from(form.querySelectorAll('input[name="' + name + '"]'));
						if (!options.some((option) => option.checked)) options[0].checked = true;
						continue;
					}
					if (input.type === 'checkbox') { input.checked = true; continue; }
					if (input.tagName === 'SELECT') {
						if (!input.value) input.value = Array.from(input.options).find((o) => o.value).value;
						continue;
					}
					if (name === 'familyName') { input.value = family; continue; }
					if (input.value) continue;
					input.value = /\\.day$/.test(name) ? '12' : /\\.month$/.test(name) ? '2' : /\\.year$/.test(name) ? '1980'
						: /\\.postcode$/.test(name) ? '31999' : /\\.houseNumber$/.test(name) ? '1'
						: input.type === 'email' ? 'erika.mustermann@example.org' : input.type === 'tel' ? '05999 123456'
						: /copies/.test(name) ? '1' : 'Musterstadt';
				}
				""",
				family);
	}

	private Path pdfFile() {
		try {
			Path directory = Files.createTempDirectory("rueckfrage");
			Path file = directory.resolve("mietvertrag.pdf");
			Files.writeString(file, PDF, StandardCharsets.US_ASCII);
			file.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Downloads a PDF with the browser's session and returns its text. */
	private String pdfText(String href) {
		String base64 = (String) browser().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
					.then((response) => response.ok ? response.arrayBuffer() : Promise.reject(response.status))
					.then((buffer) => {
						let binary = '';
						new Uint8Array(buffer).forEach((b) => binary += String.fromCharCode(b));
						done(btoa(binary));
					})
					.catch((status) => done('failed ' + status));
				""", href);
		assertThat(base64).doesNotStartWith("failed");
		try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
			return new PDFTextStripper().getText(pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
