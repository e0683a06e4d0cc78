package de.amtsweg.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks PDF/A-2b offline: veraPDF's validation of every rule of the profile, and the
 * main points once more with PDFBox so a failure says plainly what is missing.
 */
public final class PdfAConformance {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfAConformance() {
	}

	public static void assertPdfA2b(byte[] pdf) {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			assertThat(result.isCompliant())
				.as("veraPDF PDF/A-2b, failed rules:\n" + result.getTestAssertions()
					.stream()
					.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
					.map((assertion) -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
							+ ": " + assertion.getMessage())
					.distinct()
					.collect(Collectors.joining("\n")))
				.isTrue();
		}
		catch (Exception ex) {
			throw new AssertionError("veraPDF could not validate the PDF", ex);
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getOutputIntents())
				.extracting(PDOutputIntent::getOutputConditionIdentifier)
				.contains("sRGB IEC61966-2.1");
			String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(xmp).containsAnyOf("<pdfaid:part>2</pdfaid:part>", "pdfaid:part=\"2\"");
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as("font " + font.getName() + " embedded").isTrue();
				}
			}
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
