package de.amtsweg.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import de.amtsweg.documents.internal.Retention;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	@Autowired
	BlobStore blobs;

	@Autowired
	AuditLog auditLog;

	@Test
	void aFileWhosePeriodEndedIsListedExportedAndDeletedForGood() throws IOException {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		String title = "Akte Aufbewahrung " + UUID.randomUUID();
		UUID fileId = DocumentFixtures.createFile(clerk, title);
		LocalDate today = LocalDate.now(this.clock);
		byte[] content = ("Sonstiges " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		UUID documentId = DocumentFixtures.upload(clerk, fileId, "OTHER", "Notiz", today.toString(), "notiz.txt",
				"text/plain", content);
		String blob = this.jdbc.sql("select blob from document_version where document_id = :id")
			.param("id", documentId)
			.query(String.class)
			.single();

		// "Sonstiges" is kept 2 years from its date
		this.clock.advance(Duration.ofDays(365 * 2 - 5));
		assertThat(SystemActor.call(this.retention::listEndedForReview)).doesNotContain(fileId);
		this.clock.advance(Duration.ofDays(10));
		assertThat(SystemActor.call(this.retention::listEndedForReview)).contains(fileId);

		WebSession admin = newSession().signInAsStaff("admin@musterstadt.example");
		WebSession.Page list = admin.get("/intern/admin/aufbewahrung");
		assertThat(list.mainText()).contains(title);
		HttpResponse<byte[]> export = admin.download("/intern/admin/aufbewahrung/" + fileId + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		Map<String, byte[]> entries = unzip(export.body());
		assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).contains(title, blob, "\"sha256\"",
				"Notiz");
		assertThat(entries).containsKey("documents/" + documentId + "/v1-notiz.txt");
		assertThat(entries.get("documents/" + documentId + "/v1-notiz.txt")).isEqualTo(content);

		WebSession.Page deleted = admin.submit("/intern/admin/aufbewahrung/" + fileId + "/loeschen", Map.of());

		assertThat(deleted.status()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from document_file where id = :id")
			.param("id", fileId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.blobs.exists(blob)).isFalse();
		assertThat(this.auditLog.forRecord("document-file", fileId.toString())).extracting((entry) -> entry.action())
			.contains("document-file.retention-ended", "document-file.exported", "document-file.deleted");
		assertThat(clerk.get("/intern/akten/" + fileId).status()).isEqualTo(404);
	}

	@Test
	void aFileUnderRetentionCanNeitherBeDeletedNorMarkedForAnArchive() {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte " + UUID.randomUUID());
		DocumentFixtures.upload(clerk, fileId, "CONTRACT", "Vertrag", LocalDate.now(this.clock).toString(),
				"vertrag.txt", "text/plain", ("Vertrag " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
		WebSession admin = newSession().signInAsStaff("admin@musterstadt.example");
		admin.get("/intern/admin/aufbewahrung");

		String token = admin.csrfToken();

		assertThat(admin.post("/intern/admin/aufbewahrung/" + fileId + "/loeschen", Map.of("_csrf", token)).status())
			.isEqualTo(404);
		assertThat(admin.post("/intern/admin/aufbewahrung/" + fileId + "/archivieren", Map.of("_csrf", token)).status())
			.isEqualTo(404);
		assertThat(clerk.get("/intern/akten/" + fileId).status()).isEqualTo(200);
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

}
