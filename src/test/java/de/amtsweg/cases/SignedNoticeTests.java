package de.amtsweg.cases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.PdfAConformance;
import de.amtsweg.platform.PdfRenderer;
import de.amtsweg.platform.PdfSigner;
import de.amtsweg.platform.SignatureCheck;
import de.amtsweg.platform.internal.PdfSigners;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices leave the route signed by their municipality as PDF/A; the public check
 * confirms them, and notices that were changed or signed with another certificate fail
 * it.
 */
class SignedNoticeTests extends IntegrationTest {

	private static final String CLERK = "buergerbuero@musterstadt.example";

	private static final String CITIZEN = "erika.mustermann@example.org";

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PdfSigner signer;

	@Autowired
	PdfRenderer renderer;

	@TempDir
	Path otherKeys;

	private Municipality musterstadt() {
		return this.municipalities.bySlug("musterstadt").orElseThrow();
	}

	/** Works a case along the default route up to the notice and returns the notice. */
	static byte[] issueNotice(WebSession clerk, UUID caseId) {
		String path = "/intern/vorgaenge/" + caseId;
		clerk.get(path);
		clerk.submit(path + "/uebernehmen", Map.of());
		clerk.submit(CaseFixtures.taskAction(clerk.get(path)), Map.of());
		clerk.submit(CaseFixtures.taskAction(clerk.get(path)),
				Map.of("result", "APPROVED", "reason", "Alle Angaben sind vollständig."));
		clerk.submit(CaseFixtures.taskAction(clerk.get(path)), Map.of("noticeText", "Signiert und geprüft."));
		HttpResponse<byte[]> notice = clerk.download(path + "/bescheid");
		assertThat(notice.statusCode()).isEqualTo(200);
		return notice.body();
	}

	private byte[] signedNoticeOfANewCase() {
		UUID erika = CaseFixtures.accountOf(this.jdbc, CITIZEN);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt(), erika, "Erika",
				"Signatur" + UUID.randomUUID().toString().substring(0, 8), CITIZEN);
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		return issueNotice(CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK), caseId);
	}

	@Test
	void aNoticeIsAPdfASignedByItsMunicipalityAndThePublicCheckConfirmsIt() throws IOException {
		byte[] notice = signedNoticeOfANewCase();

		try (PDDocument pdf = Loader.loadPDF(notice)) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Bescheid", "Ihr Antrag wird bewilligt.",
					"Signiert und geprüft.");
			assertThat(pdf.getSignatureDictionaries()).singleElement().satisfies((signature) -> {
				assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
				assertThat(signature.getName()).isEqualTo(musterstadt().name());
			});
		}
		PdfAConformance.assertPdfA2b(notice);

		SignatureCheck check = this.signer.verify(notice);
		assertThat(check.intact()).isTrue();
		assertThat(check.unchanged()).isTrue();
		assertThat(check.municipalityId()).isEqualTo(musterstadt().id());
		assertThat(check.verified()).isTrue();
		assertThat(check.signedAt()).isNotNull();

		WebSession anyone = newSession();
		anyone.get("/bescheid-pruefen");
		Document page = upload(anyone, notice, "bescheid.pdf");
		assertThat(page.select("#ergebnis h2").text())
			.isEqualTo("Echt und unverändert: ausgestellt von " + musterstadt().name());
		assertThat(page.select("#signatur").text()).isEqualTo("gültig");
		assertThat(page.select("#unveraendert").text()).isEqualTo("ja");
		assertThat(page.select("#aussteller").text()).isEqualTo(musterstadt().name());
		assertThat(page.select("#signiert-am").text()).matches("\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d");
	}

	@Test
	void oneChangedByteBreaksTheSignatureAndAnAppendedUpdateIsReportedAsAChange() {
		byte[] notice = sign(this.renderer.renderXhtml(
				"""
						<html><head><title>Bescheid</title></head><body><h1>Bescheid</h1><p>Gebühr: 36,00 €</p></body></html>"""));
		assertThat(this.signer.verify(notice).verified()).isTrue();

		byte[] changed = notice.clone();
		int position = firstSignedPart(notice) / 2;
		changed[position] = (byte) (changed[position] ^ 1);
		SignatureCheck check = this.signer.verify(changed);
		assertThat(check.signed()).isTrue();
		assertThat(check.intact()).isFalse();
		assertThat(check.verified()).isFalse();

		byte[] update = "\n1 0 obj\n(Nachtrag)\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] appended = java.util.Arrays.copyOf(notice, notice.length + update.length);
		System.arraycopy(update, 0, appended, notice.length, update.length);
		SignatureCheck afterwards = this.signer.verify(appended);
		assertThat(afterwards.intact()).as("the signed part itself is still genuine").isTrue();
		assertThat(afterwards.unchanged()).isFalse();
		assertThat(afterwards.verified()).isFalse();

		WebSession anyone = newSession();
		anyone.get("/bescheid-pruefen");
		Document page = upload(anyone, changed, "geaendert.pdf");
		assertThat(page.select("#ergebnis h2").text()).isEqualTo("Die Echtheit ist nicht bestätigt");
		assertThat(page.select("#signatur").text()).isEqualTo("ungültig");
	}

	@Test
	void aPdfSignedWithAnotherCertificateOfTheSameNameIsNotIssuedByThePortal() {
		PdfSigner forger = PdfSigners.withOwnCertificates(this.otherKeys, this.municipalities, this.clock);
		byte[] forged = forger.sign(this.renderer.renderXhtml("""
				<html><head><title>Bescheid</title></head><body><h1>Bescheid</h1></body></html>"""), musterstadt().id(),
				"Bescheid");

		SignatureCheck check = this.signer.verify(forged);
		assertThat(check.intact()).isTrue();
		assertThat(check.unchanged()).isTrue();
		assertThat(check.signerName()).isEqualTo(musterstadt().name());
		assertThat(check.issuedByPortal()).isFalse();
		assertThat(check.verified()).isFalse();

		WebSession anyone = newSession();
		anyone.get("/bescheid-pruefen");
		Document page = upload(anyone, forged, "faelschung.pdf");
		assertThat(page.select("#ergebnis h2").text()).isEqualTo("Die Echtheit ist nicht bestätigt");
		assertThat(page.select("#aussteller").text()).startsWith("nicht von diesem Portal");
	}

	@Test
	void theJsonApiChecksWithoutSignInAndAFileThatIsNoPdfIsUnsigned() throws Exception {
		byte[] notice = sign(this.renderer.renderXhtml("""
				<html><head><title>Bescheid</title></head><body><h1>Bescheid</h1></body></html>"""));
		String json = postToApi(notice);
		assertThat(json).contains("\"verified\":true", "\"issuedByPortal\":true",
				"\"municipality\":\"" + musterstadt().name() + "\"");
		assertThat(postToApi("kein PDF".getBytes(StandardCharsets.UTF_8))).contains("\"signed\":false",
				"\"verified\":false");
	}

	@Test
	void thePageAsksForAFileWhenNoneIsChosen() {
		WebSession anyone = newSession();
		anyone.get("/bescheid-pruefen");
		HttpResponse<byte[]> response = anyone.postMultipart("/bescheid-pruefen", Map.of("_csrf", anyone.csrfToken()),
				"datei", "", "application/octet-stream", new byte[0]);
		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
		assertThat(page.title()).startsWith("Fehler: ");
		assertThat(page.select(".error-summary a[href=#datei]").text()).isEqualTo("Wählen Sie eine PDF-Datei aus");
	}

	private byte[] sign(byte[] pdf) {
		return this.signer.sign(pdf, musterstadt().id(), "Bescheid");
	}

	private String postToApi(byte[] content) throws Exception {
		String boundary = "----sig" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(head);
		body.writeBytes(content);
		body.writeBytes(tail);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/signatures/verify"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static Document upload(WebSession session, byte[] pdf, String name) {
		HttpResponse<byte[]> response = session.postMultipart("/bescheid-pruefen", Map.of("_csrf", session.csrfToken()),
				"datei", name, "application/pdf", pdf);
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
	}

	/** Length of the bytes before the signature value, all of them signed. */
	private static int firstSignedPart(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getSignatureDictionaries().get(0).getByteRange()[1];
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
