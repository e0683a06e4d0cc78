package de.amtsweg.documents;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.cases.Cases;
import de.amtsweg.platform.AuditEntry;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.RealClamd;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DocumentFilesTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	BlobStore blobs;

	@Autowired
	Documents documents;

	@Autowired
	Cases cases;

	@Autowired
	Municipalities municipalities;

	@Autowired
	FormFilling filling;

	@Test
	void aNewVersionKeepsTheOldOneReadableAndDownloadable() {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(clerk, "Sachakte Urkundenwesen " + UUID.randomUUID());
		byte[] first = ("Erste Fassung " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		UUID documentId = DocumentFixtures.upload(clerk, fileId, "NOTE", "Vermerk zur Nachbeurkundung", "2026-11-20",
				"vermerk.txt", "text/plain", first);
		byte[] second = ("Zweite Fassung " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

		HttpResponse<byte[]> stored = DocumentFixtures.uploadVersion(clerk, documentId, "vermerk-v2.txt", "text/plain",
				second);

		assertThat(stored.statusCode()).isEqualTo(302);
		WebSession.Page page = clerk.get("/intern/akten/dokumente/" + documentId);
		assertThat(page.mainText()).contains("Vermerk zur Nachbeurkundung", "vermerk.txt (Version 1) herunterladen",
				"vermerk-v2.txt (Version 2) herunterladen");
		assertThat(clerk.download("/intern/akten/dokumente/" + documentId + "/versionen/1").body()).isEqualTo(first);
		assertThat(clerk.download("/intern/akten/dokumente/" + documentId + "/versionen/2").body()).isEqualTo(second);
		assertThat(clerk.get("/intern/akten/" + fileId).mainText()).contains("Vermerk zur Nachbeurkundung");
		assertThat(this.auditLog.forRecord("document", documentId.toString())).extracting((entry) -> entry.action())
			.contains("document.created", "document.version-added", "document.read", "document.downloaded");
	}

	@Test
	void aClerkOfAnotherOrgUnitSeesNeitherTheFileNorItsDocuments() {
		WebSession owner = newSession().signInAsStaff("standesamt@musterstadt.example");
		String title = "Vertrauliche Akte " + UUID.randomUUID();
		UUID fileId = DocumentFixtures.createFile(owner, title);
		UUID documentId = DocumentFixtures.upload(owner, fileId, "LETTER_IN", "Schreiben", "2026-11-20", "brief.txt",
				"text/plain", "Geheim".getBytes(StandardCharsets.UTF_8));
		WebSession other = newSession().signInAsStaff("bauamt@musterstadt.example");

		assertThat(other.get("/intern/akten/" + fileId).status()).isEqualTo(404);
		assertThat(other.get("/intern/akten/dokumente/" + documentId).status()).isEqualTo(404);
		assertThat(other.download("/intern/akten/dokumente/" + documentId + "/versionen/1").statusCode())
			.isEqualTo(404);
		assertThat(other.get("/intern/akten").mainText()).doesNotContain(title);
		assertThat(owner.get("/intern/akten").mainText()).contains(title);
		assertThat(this.auditLog.forRecord("document-file", fileId.toString())).extracting(AuditEntry::action)
			.as("the refusals outlive the rolled-back requests")
			.contains("document-file.refused");
	}

	@Test
	void anInfectedUploadIsRefusedWithAMessageAndTheRefusalIsAudited() {
		this.virusScanner.useRealClamd();
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte " + UUID.randomUUID());
		byte[] infected = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n" + RealClamd.EICAR)
			.getBytes(StandardCharsets.US_ASCII);
		clerk.get("/intern/akten/" + fileId);
		HttpResponse<byte[]> response = clerk.postMultipart(
				"/intern/akten/" + fileId, Map.of("_csrf", clerk.csrfToken(), "type", "LETTER_IN", "title", "Verseucht",
						"correspondent", "", "documentDate", "2026-11-20"),
				"content", "virus.pdf", "application/pdf", infected);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.contains("Die Datei „virus.pdf“ enthält Schadsoftware und wurde nicht angenommen.");
		assertThat(this.auditLog.forRecord("upload", Sha256.hex(infected))).extracting(AuditEntry::action)
			.containsExactly("upload.infected");
		assertThat(clerk.get("/intern/akten/" + fileId).mainText()).doesNotContain("Verseucht");
	}

	@Test
	void anUploadWithoutFileOrDateIsRefusedWithTheFieldsNamed() {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte " + UUID.randomUUID());
		clerk.get("/intern/akten/" + fileId);

		HttpResponse<byte[]> response = clerk.postMultipart(
				"/intern/akten/" + fileId, Map.of("_csrf", clerk.csrfToken(), "type", "NOTE", "title", "",
						"correspondent", "", "documentDate", "31.02.2026"),
				"content", "leer.txt", "text/plain", new byte[0]);

		assertThat(response.statusCode()).isEqualTo(400);
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(body).contains("<title>Fehler: ", "Wählen Sie eine Datei aus",
				"Geben Sie das Datum des Dokuments als Datum ein");
	}

	@Test
	void anOpenedCaseGetsItsFileAndTheCasePageLinksToIt() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		UUID submissionId = submitRegistrationCertificate(musterstadt, "Akten" + UUID.randomUUID());
		UUID caseId = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select id from case_file where submission_id = :s")
				.param("s", submissionId)
				.query(UUID.class)
				.optional(), java.util.Optional::isPresent)
			.orElseThrow();
		DocumentFile file = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.documents.fileOfCase(caseId), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(file.title()).startsWith(this.cases.byId(caseId).orElseThrow().reference());

		UUID documentId = SystemActor.call(() -> this.documents.addToCase(caseId,
				new NewDocument("LETTER_IN", "Nachreichung", "Erika Mustermann", LocalDate.of(2026, 11, 20),
						"nachreichung.txt", "text/plain",
						("Nachreichung " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))));

		assertThat(SystemActor.call(() -> this.documents.list(file.id()))).extracting(FiledDocument::id)
			.contains(documentId);
		WebSession clerk = newSession().signInAsStaff("buergerbuero@musterstadt.example");
		WebSession.Page casePage = clerk.get("/intern/vorgaenge/" + caseId);
		assertThat(casePage.status()).isEqualTo(200);
		assertThat(casePage.document().select("a[href$=/intern/akten/vorgang/" + caseId + "]")).isNotEmpty();
		WebSession.Page redirect = clerk.get("/intern/akten/vorgang/" + caseId);
		assertThat(redirect.location().orElseThrow()).endsWith("/intern/akten/" + file.id());
		assertThat(clerk.get("/intern/akten/" + file.id()).mainText()).contains("Nachreichung");
	}

	@Test
	void anOpenedCaseFilesTheApplicantsSignedReceipt() throws Exception {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String familyName = "Quittung" + UUID.randomUUID().toString().substring(0, 8);
		UUID submissionId = submitRegistrationCertificate(musterstadt, familyName);
		UUID caseId = de.amtsweg.cases.CaseFixtures.awaitCase(this.jdbc, submissionId);
		DocumentFile file = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.documents.fileOfCase(caseId), java.util.Optional::isPresent)
			.orElseThrow();
		String submissionReference = this.jdbc.sql("select reference from form_submission where id = :s")
			.param("s", submissionId)
			.query(String.class)
			.single();

		FiledDocument receipt = SystemActor.call(() -> this.documents.list(file.id()))
			.stream()
			.filter((document) -> "APPLICATION".equals(document.type()))
			.findFirst()
			.orElseThrow();

		assertThat(receipt.title()).isEqualTo("Eingangsbestätigung " + submissionReference);
		String blob = this.jdbc.sql("select blob from document_version where document_id = :d and version = 1")
			.param("d", receipt.id())
			.query(String.class)
			.single();
		byte[] pdf = this.blobs.get(blob);
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Eingangsbestätigung", submissionReference, familyName);
			assertThat(document.getSignatureDictionaries()).isNotEmpty();
		}
	}

	private UUID submitRegistrationCertificate(Municipality municipality, String familyName) {
		return SystemActor.call(() -> {
			String key = "meldebescheinigung";
			Draft draft = this.filling.start(municipality, key, null);
			Applicant applicant = new Applicant(null, Set.of(draft.id()), Set.of());
			FormFilling.Loaded loaded = this.filling.load(municipality, key, draft.id(), applicant);
			Answers answers = loaded.draft().answers();
			answers.put("givenName", "Erika");
			answers.put("familyName", familyName);
			answers.put("dateOfBirth", new LinkedHashMap<>(Map.of("day", "12", "month", "2", "year", "1980")));
			answers.put("address", new LinkedHashMap<>(
					Map.of("street", "Heidestraße", "houseNumber", "17", "postcode", "31999", "city", "Musterstadt")));
			answers.put("kind", "erweitert");
			answers.put("copies", "2");
			answers.put("delivery", "post");
			answers.put("email", "akten-" + UUID.randomUUID() + "@example.org");
			answers.put("truthful", "true");
			answers.put("privacy", "true");
			this.filling.save(loaded, answers);
			return this.filling.submit(municipality, key, draft.id(), draft.idempotencyKey(), applicant, Locale.GERMAN)
				.id();
		});
	}

}
