package de.amtsweg.mailroom.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without Tesseract a scan cannot be read, a PDF with a text layer still can. */
class LetterTextTests {

	private final LetterText withoutOcr = new LetterText(
			new TesseractRecognition("amtsweg-no-such-tesseract", "deu", Duration.ofSeconds(5)), 20);

	@Test
	void aMissingTesseractIsReportedAsUnavailable() throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png", png);
		assertThatThrownBy(() -> this.withoutOcr.read(png.toByteArray(), "image/png"))
			.isInstanceOf(TextRecognition.UnavailableException.class);
	}

	@Test
	void aTextLayerNeedsNoOcr() throws IOException {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
				stream.newLineAtOffset(70, 770);
				stream.showText("Betreff: Widerspruch gegen VG-2026-000042");
				stream.endText();
			}
			document.save(pdf);
		}
		LetterText.Result result = this.withoutOcr.read(pdf.toByteArray(), "application/pdf");
		assertThat(result.recognition()).isEqualTo("TEXT");
		assertThat(result.text()).contains("VG-2026-000042");
		assertThat(result.searchablePdf()).isNull();
	}

}
