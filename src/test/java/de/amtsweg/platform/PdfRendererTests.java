package de.amtsweg.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class PdfRendererTests {

	private final PdfRenderer renderer = new PdfRenderer(new StaticMessageSource());

	@Test
	void rendersXhtmlIntoAPdfWhoseTextCanBeReadBack() throws IOException {
		byte[] pdf = this.renderer.renderXhtml("""
				<html><head><title>Bescheid</title></head>
				<body><h1>Eingangsbestätigung</h1><p>Jürgen Größer-Łukasiewicz zahlt 36,00 €.</p></body></html>""");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(new PDFTextStripper().getText(document)).contains("Eingangsbestätigung",
					"Jürgen Größer-Łukasiewicz zahlt 36,00 €.");
		}
	}

	@Test
	void rendersAThymeleafTemplateWithVariables() throws IOException {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("forms.pdf.heading", Locale.GERMAN, "Eingangsbestätigung");
		byte[] pdf = new PdfRenderer(messages).render("platform/pdf-test", Locale.GERMAN,
				Map.of("reference", "MUS-2026-000042"));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Eingangsbestätigung", "MUS-2026-000042");
		}
	}

	@Test
	void everyDocumentIsPdfA2bWithEmbeddedFontsOutputIntentAndMetadata() {
		byte[] pdf = this.renderer.renderXhtml(
				"""
						<html><head><title>Bescheid</title></head>
						<body><h1>Bescheid</h1><p style="color: #1d70b8">Jürgen Größer-Łukasiewicz zahlt 36,00 €.</p></body></html>""");
		PdfAConformance.assertPdfA2b(pdf);
	}

	@Test
	void theConformanceCheckRejectsAPdfThatIsNoPdfA() throws IOException {
		try (PDDocument plain = new PDDocument();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			plain.save(out);
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdfAConformance.assertPdfA2b(out.toByteArray()))
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("veraPDF PDF/A-2b");
		}
	}

}
