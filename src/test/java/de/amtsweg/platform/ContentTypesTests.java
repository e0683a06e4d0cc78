package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Test
	void typesAreReadFromTheFirstBytes() {
		assertThat(ContentTypes.detect(PDF)).isEqualTo(ContentTypes.PDF);
		assertThat(ContentTypes.detect(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 }))
			.isEqualTo(ContentTypes.JPEG);
		assertThat(ContentTypes.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 }))
			.isEqualTo(ContentTypes.PNG);
		assertThat(ContentTypes.detect(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 })).isEqualTo(ContentTypes.TIFF);
	}

	@Test
	void neitherTheNameNorAnEmbeddedMarkerMakesAFileAPdf() {
		assertThat(ContentTypes.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII), "brief.pdf"))
			.isNotEqualTo(ContentTypes.PDF);
		assertThat(ContentTypes.detectAllowed("<html>%PDF-".getBytes(StandardCharsets.US_ASCII),
				ContentTypes.PDF_PNG_JPEG))
			.isNull();
		assertThat(ContentTypes.detect("Hallo".getBytes(StandardCharsets.UTF_8), "bild.png")).isEqualTo("text/plain");
		assertThat(ContentTypes.detectAllowed(PDF, ContentTypes.PDF_PNG_JPEG)).isEqualTo(ContentTypes.PDF);
	}

}
