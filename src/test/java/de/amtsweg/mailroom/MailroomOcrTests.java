package de.amtsweg.mailroom;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.mailroom.internal.IntakeWorker;
import de.amtsweg.mailroom.internal.TextRecognition;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static de.amtsweg.mailroom.MailroomFixtures.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Scans without a text layer: Tesseract reads the case reference from a PNG drawn with
 * Java2D and from a PDF that holds only an image, the item is filed into that case, and
 * the filed PDF carries the recognised text, so the e-file's search finds it.
 */
class MailroomOcrTests extends IntegrationTest {

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

	@BeforeEach
	void tesseractIsInstalled() {
		assumeTrue(this.recognition.available(),
				"tesseract with the language deu is not installed (Debian: tesseract-ocr tesseract-ocr-deu); ./test.sh installs it");
	}

	private MailroomFixtures.NewCase newCase() {
		return MailroomFixtures.newCase(this.filling, this.jdbc,
				this.municipalities.bySlug("musterstadt").orElseThrow());
	}

	private static BufferedImage letter(String subject, String reference) {
		return Letters
			.scan(List.of("Erika Mustermann, Heidestraße 17, 31999 Musterstadt", "", "Stadt Musterstadt", "Bürgerbüro",
					"Rathausplatz 1", "31999 Musterstadt", "", "Betreff: " + subject, "Aktenzeichen: " + reference, "",
					"Sehr geehrte Damen und Herren,", "anbei sende ich Ihnen die fehlende Unterlage."));
	}

	@Test
	void aScannedImageIsReadAndFiledIntoTheCaseItNames() {
		MailroomFixtures.NewCase found = newCase();
		String subject = "Unterlage Meldebescheinigung";
		UUID item = MailroomFixtures.uploadOne(newSession().signInAsStaff(FRONT_DESK), this.jdbc, "scan.png",
				"image/png", Letters.png(letter(subject, found.reference())));

		this.worker.runOnce();

		assertThat(this.jdbc.sql("select recognition from mail_item where id = :id")
			.param("id", item)
			.query(String.class)
			.single()).isEqualTo("OCR");
		assertThat(MailroomFixtures.state(this.jdbc, item)).isEqualTo("FILED");
		assertThat(this.jdbc.sql("select case_id from mail_item where id = :id")
			.param("id", item)
			.query(UUID.class)
			.single()).isEqualTo(found.id());
		UUID document = this.jdbc.sql("select document_id from mail_item where id = :id")
			.param("id", item)
			.query(UUID.class)
			.single();
		// the filed PDF has the recognised text as a layer: the e-file's own extraction
		// finds the reference
		String indexed = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select coalesce(content, '') from document_version where document_id = :d")
				.param("d", document)
				.query(String.class)
				.single(), (text) -> !text.isEmpty());
		assertThat(indexed).contains(found.reference());
		WebSession clerk = newSession().signInAsStaff(FRONT_DESK);
		assertThat(clerk.open("/intern/akten/vorgang/" + found.id()).mainText()).contains(subject, "Erika Mustermann");
	}

	@Test
	void aScannedPdfWithoutTextLayerIsReadPageByPage() {
		MailroomFixtures.NewCase found = newCase();
		UUID item = MailroomFixtures.uploadOne(newSession().signInAsStaff(FRONT_DESK), this.jdbc, "fax.pdf",
				"application/pdf", Letters.scannedPdf(letter("Widerspruch", found.reference())));

		this.worker.runOnce();

		assertThat(this.jdbc.sql(
				"select recognition || ' ' || state || ' ' || coalesce(case_reference, '-') from mail_item where id = :id")
			.param("id", item)
			.query(String.class)
			.single()).isEqualTo("OCR FILED " + found.reference());
		assertThat(MailroomFixtures.documentsInCaseFile(this.jdbc, found.id(), "Widerspruch")).isEqualTo(1);
	}

}
