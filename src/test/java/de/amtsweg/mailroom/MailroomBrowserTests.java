package de.amtsweg.mailroom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.mailroom.internal.IntakeWorker;
import de.amtsweg.mailroom.internal.TextRecognition;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The front desk uploads a scanned letter on a phone, Tesseract reads the case reference,
 * the worker files the letter into the case, and the case's clerk finds it in the case's
 * file; every page passes axe.
 */
class MailroomBrowserTests extends BrowserTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntakeWorker worker;

	@Autowired
	TextRecognition recognition;

	@TempDir
	Path directory;

	@Test
	void aScannedLetterIsUploadedReadAndFoundInTheCaseFile() throws Exception {
		assumeTrue(this.recognition.available(),
				"tesseract with the language deu is not installed (Debian: tesseract-ocr tesseract-ocr-deu); ./test.sh installs it");
		MailroomFixtures.NewCase found = MailroomFixtures.newCase(this.filling, this.jdbc,
				this.municipalities.bySlug("musterstadt").orElseThrow());
		Path scan = Files.write(this.directory.resolve("scan-brief.png"),
				Letters.png(Letters.scan(List.of("Erika Mustermann, Heidestraße 17, 31999 Musterstadt", "",
						"Stadt Musterstadt", "Rathausplatz 1", "31999 Musterstadt", "", "Betreff: Nachweis Wohnsitz",
						"Aktenzeichen: " + found.reference(), "", "Sehr geehrte Damen und Herren,",
						"anbei der Nachweis."))));

		signInAsStaff(MailroomFixtures.FRONT_DESK);
		phone();
		open("/intern/posteingang");
		assertAccessible();
		assertFitsPhone();
		find("#files").sendKeys(scan.toString());
		submit("/intern/posteingang");
		assertThat(mainText()).contains("1 Schriftstücke sind eingegangen", "scan-brief.png", "wird gelesen");
		assertAccessible();
		assertFitsPhone();

		this.worker.runOnce();

		follow("a[href^='/intern/posteingang/']:not([href$='eingang'])");
		assertThat(mainText()).contains("abgelegt", "Texterkennung (OCR)", found.reference());
		assertAccessible();
		desktop();

		// the case's clerk (the Bürgerbüro) opens the case and its e-file
		open("/intern/vorgaenge/" + found.id());
		follow("a[href='/intern/akten/vorgang/" + found.id() + "']");
		assertThat(mainText()).contains("Nachweis Wohnsitz", "Eingehendes Schreiben", "Erika Mustermann");
		assertAccessible();

		open("/intern/posteingang/eingang");
		assertAccessible();
		submit("/intern/abmelden");
		signInAsStaff("admin@musterstadt.example");
		open("/intern/admin/posteingang-regeln");
		assertAccessible();
		submit("/intern/admin/posteingang-regeln");
		assertThat(title()).startsWith("Fehler: ");
		assertAccessible();
	}

}
