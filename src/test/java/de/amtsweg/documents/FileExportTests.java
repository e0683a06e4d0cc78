package de.amtsweg.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.PdfAConformance;
import de.amtsweg.platform.PdfRenderer;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class FileExportTests extends IntegrationTest {

	@Autowired
	PdfRenderer renderer;

	@Autowired
	AuditLog auditLog;

	@Test
	void aWholeFileBecomesOneSignedPdfAWithContentsAndAManifestOfEveryDocumentsPages() throws Exception {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		String title = "Exportakte " + UUID.randomUUID();
		UUID fileId = DocumentFixtures.createFile(clerk, title);
		String marker = "Archivtext" + UUID.randomUUID().toString().substring(0, 8);
		byte[] archivable = this.renderer.renderXhtml("""
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bescheid</title></head>
				<body><p>Bescheid mit %s</p></body></html>""".formatted(marker));
		byte[] foreign = foreignPdf(2);
		byte[] text = ("Vermerk über die Ortsbesichtigung " + marker + "-Text").getBytes(StandardCharsets.UTF_8);
		byte[] binary = new byte[] { 1, 2, 3, 4, 5, (byte) 0xff };
		// newest date first: the order of the file page and of the export
		DocumentFixtures.upload(clerk, fileId, "NOTICE", "Bescheid archivfähig", "2026-11-05", "bescheid.pdf",
				"application/pdf", archivable);
		DocumentFixtures.upload(clerk, fileId, "LETTER_IN", "Fremdes PDF", "2026-11-04", "fremd.pdf", "application/pdf",
				foreign);
		DocumentFixtures.upload(clerk, fileId, "ATTACHMENT", "Lageplan Foto", "2026-11-03", "foto.png", "image/png",
				png());
		DocumentFixtures.upload(clerk, fileId, "NOTE", "Vermerk Ortsbesichtigung", "2026-11-02", "vermerk.txt",
				"text/plain", text);
		DocumentFixtures.upload(clerk, fileId, "OTHER", "Messdaten", "2026-11-01", "messung.bin",
				"application/octet-stream", binary);
		assertThat(
				clerk.get("/intern/akten/" + fileId).document().select("a[href$=/intern/akten/" + fileId + "/export]"))
			.isNotEmpty();

		HttpResponse<byte[]> response = clerk.download("/intern/akten/" + fileId + "/export");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
		Map<String, byte[]> zip = unzip(response.body());
		assertThat(zip.keySet()).containsExactlyInAnyOrder("akte-" + title.toLowerCase().replace(' ', '-') + ".pdf",
				"manifest.json", "manifest.xml");
		byte[] pdf = zip.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith(".pdf"))
			.findFirst()
			.orElseThrow()
			.getValue();
		JsonNode manifest = JsonMapper.builder().build().readTree(zip.get("manifest.json"));
		assertThat(manifest.get("pdf").get("sha256").asString()).isEqualTo(sha256(pdf));
		int coverPages = manifest.get("pdf").get("coverPages").asInt();
		JsonNode documents = manifest.get("documents");
		assertThat(documents).hasSize(5);
		assertThat(documents.get(0).get("title").asString()).isEqualTo("Bescheid archivfähig");
		assertThat(documents.get(0).get("sha256").asString()).isEqualTo(sha256(archivable));
		assertThat(documents.get(0).get("conversion").asString()).isEqualTo("PDF_PAGES");
		assertThat(documents.get(1).get("conversion").asString()).isEqualTo("PDF_PAGES_AS_IMAGES");
		assertThat(documents.get(1).get("lastPage").asInt() - documents.get(1).get("firstPage").asInt()).isEqualTo(1);
		assertThat(documents.get(2).get("conversion").asString()).isEqualTo("IMAGE");
		assertThat(documents.get(3).get("conversion").asString()).isEqualTo("TEXT");
		// a short text and the placeholder take one page each
		assertThat(documents.get(3).get("lastPage").asInt()).isEqualTo(documents.get(3).get("firstPage").asInt());
		assertThat(documents.get(4).get("lastPage").asInt()).isEqualTo(documents.get(4).get("firstPage").asInt());
		assertThat(documents.get(4).get("conversion").asString()).isEqualTo("PLACEHOLDER");
		assertThat(documents.get(4).get("sha256").asString()).isEqualTo(sha256(binary));
		assertThat(documents.get(0).get("firstPage").asInt()).isEqualTo(coverPages + 1);
		for (int i = 1; i < documents.size(); i++) {
			assertThat(documents.get(i).get("firstPage").asInt())
				.isEqualTo(documents.get(i - 1).get("lastPage").asInt() + 1);
		}
		int lastPage = documents.get(4).get("lastPage").asInt();
		assertThat(manifest.get("pdf").get("pages").asInt()).isEqualTo(lastPage);
		var xml = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(zip.get("manifest.xml")));
		assertThat(xml.getElementsByTagName("document").getLength()).isEqualTo(5);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(lastPage);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(1);
			stripper.setEndPage(coverPages);
			String cover = stripper.getText(document);
			assertThat(cover).contains("Aktenauszug", title, "Standesamt", "Bescheid archivfähig", "Fremdes PDF",
					"Lageplan Foto", "Ortsbesichtigung", "Messdaten");
			assertThat(pageText(document, documents.get(0))).contains("Bescheid mit " + marker);
			assertThat(pageText(document, documents.get(3))).contains(marker + "-Text");
			assertThat(pageText(document, documents.get(4))).contains("messung.bin", sha256(binary));
			assertThat(document.getSignatureDictionaries()).singleElement()
				.satisfies((signature) -> assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached"));
		}
		PdfAConformance.assertPdfA2b(pdf);
		assertThat(this.auditLog.forRecord("document-file", fileId.toString())).extracting((entry) -> entry.action())
			.contains("document-file.exported-pdf");
	}

	@Test
	void aClerkOfAnotherOrgUnitCannotExportTheFile() {
		WebSession owner = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(owner, "Geheime Exportakte " + UUID.randomUUID());
		DocumentFixtures.upload(owner, fileId, "NOTE", "Vermerk", "2026-11-20", "vermerk.txt", "text/plain",
				"Geheim".getBytes(StandardCharsets.UTF_8));
		WebSession other = newSession().signInAsStaff("bauamt@musterstadt.example");

		assertThat(other.download("/intern/akten/" + fileId + "/export").statusCode()).isEqualTo(404);
		assertThat(this.auditLog.forRecord("document-file", fileId.toString())).extracting((entry) -> entry.action())
			.doesNotContain("document-file.exported-pdf");
	}

	private static String pageText(PDDocument document, JsonNode entry) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(entry.get("firstPage").asInt());
		stripper.setEndPage(entry.get("lastPage").asInt());
		return stripper.getText(document);
	}

	/** A PDF as other software writes it: no PDF/A, a font that is not embedded. */
	private static byte[] foreignPdf(int pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
					content.newLineAtOffset(72, 700);
					content.showText("Fremdes Schreiben Seite " + (i + 1));
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 120, 60, 200));
		graphics.fillRect(50, 50, 300, 200);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
