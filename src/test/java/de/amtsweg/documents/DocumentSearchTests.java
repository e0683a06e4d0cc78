package de.amtsweg.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentSearchTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void findsPlainTextByAGermanWordFormAndShowsThePassage() {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		String marker = marker();
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte Suche " + marker);
		UUID documentId = DocumentFixtures.upload(clerk, fileId, "LETTER_IN", "Widerspruch", "2026-11-20",
				"widerspruch.txt", "text/plain",
				("Sehr geehrte Damen und Herren, hiermit lege ich Widerspruch gegen die Gebühren der Hundesteuer ein. "
						+ "Zeichen " + marker + ".")
					.getBytes(StandardCharsets.UTF_8));
		DocumentFixtures.awaitText(this.jdbc, documentId);

		// "Gebühr" finds "Gebühren": German stemming
		WebSession.Page results = clerk.get("/intern/akten/suche?q=" + marker + "+Geb%C3%BChr");

		Element hit = results.document().selectFirst("ol.search-results li");
		assertThat(hit).isNotNull();
		assertThat(hit.select("a").attr("href")).endsWith("/intern/akten/dokumente/" + documentId);
		assertThat(hit.select("mark").eachText()).contains("Gebühren");
		assertThat(hit.select(".passage").text()).contains("Widerspruch gegen die Gebühren der Hundesteuer");
	}

	@Test
	void findsTheTextOfPdfAndWordDocuments() throws IOException {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		String pdfMarker = marker();
		String wordMarker = marker();
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte Formate " + pdfMarker);
		UUID pdf = DocumentFixtures.upload(clerk, fileId, "NOTICE", "Bescheid", "2026-11-20", "bescheid.pdf",
				"application/pdf", pdf("Bescheid über die Baugenehmigung " + pdfMarker));
		UUID word = DocumentFixtures.upload(clerk, fileId, "LETTER_OUT", "Anhörung", "2026-11-20", "anhoerung.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				docx("Anhörung vor Erlass eines Bußgeldbescheids " + wordMarker));
		DocumentFixtures.awaitText(this.jdbc, pdf);
		DocumentFixtures.awaitText(this.jdbc, word);

		assertThat(
				clerk.get("/intern/akten/suche?q=" + pdfMarker).document().select("ol.search-results a").attr("href"))
			.endsWith("/dokumente/" + pdf);
		assertThat(clerk.get("/intern/akten/suche?q=" + wordMarker).document().select(".passage").text())
			.contains("Bußgeldbescheids");
	}

	@Test
	void aReaderFindsOnlyDocumentsOfTheirOrgUnits() {
		String marker = marker();
		WebSession owner = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(owner, "Akte " + marker);
		UUID documentId = DocumentFixtures.upload(owner, fileId, "NOTE", "Vermerk", "2026-11-20", "vermerk.txt",
				"text/plain", ("Vermerk " + marker).getBytes(StandardCharsets.UTF_8));
		DocumentFixtures.awaitText(this.jdbc, documentId);
		WebSession other = newSession().signInAsStaff("bauamt@musterstadt.example");

		assertThat(owner.get("/intern/akten/suche?q=" + marker).document().select("ol.search-results li")).hasSize(1);
		WebSession.Page foreign = other.get("/intern/akten/suche?q=" + marker);
		assertThat(foreign.document().select("ol.search-results li")).isEmpty();
		assertThat(foreign.mainText()).contains("Keine Dokumente gefunden.");
	}

	@Test
	void resultsArePagedAndOnlyTheCurrentVersionIsFound() {
		String marker = marker();
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte " + marker);
		UUID last = null;
		for (int i = 0; i < 22; i++) {
			last = DocumentFixtures.upload(clerk, fileId, "NOTE", "Vermerk " + i, "2026-11-20", "v" + i + ".txt",
					"text/plain", ("Vermerk Nummer " + i + " " + marker).getBytes(StandardCharsets.UTF_8));
		}
		DocumentFixtures.awaitText(this.jdbc, last);
		String replaced = marker();
		DocumentFixtures.uploadVersion(clerk, last, "neu.txt", "text/plain",
				("Neue Fassung " + replaced).getBytes(StandardCharsets.UTF_8));
		DocumentFixtures.awaitText(this.jdbc, last);

		WebSession.Page first = clerk.get("/intern/akten/suche?q=" + marker);
		assertThat(first.document().select("ol.search-results li")).hasSize(20);
		assertThat(first.document().select("nav.pagination a").text()).contains("Nächste Seite");
		// 22 documents, one of which no longer says it in its current version
		assertThat(clerk.get("/intern/akten/suche?q=" + marker + "&seite=2").document().select("ol.search-results li"))
			.hasSize(1);
		assertThat(clerk.get("/intern/akten/suche?q=" + replaced).document().select("ol.search-results li")).hasSize(1);
	}

	private static String marker() {
		return "kennung" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static byte[] pdf(String text) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(50, 700);
				content.showText(text);
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] docx(String text) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			return out.toByteArray();
		}
	}

}
