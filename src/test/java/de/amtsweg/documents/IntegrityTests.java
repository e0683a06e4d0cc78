package de.amtsweg.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import de.amtsweg.documents.internal.IntegritySweep;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntegritySweep sweep;

	@Autowired
	AuditLog auditLog;

	@Value("${amtsweg.blobs.directory}")
	Path blobDirectory;

	@Test
	void theSweepReportsABlobChangedOnDisk() throws IOException {
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		UUID fileId = DocumentFixtures.createFile(clerk, "Akte Integrität " + UUID.randomUUID());
		byte[] original = ("Urkunde " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		UUID documentId = DocumentFixtures.upload(clerk, fileId, "OTHER", "Urkunde", "2026-11-20", "urkunde.txt",
				"text/plain", original);
		String blob = this.jdbc.sql("select blob from document_version where document_id = :id")
			.param("id", documentId)
			.query(String.class)
			.single();
		Path stored = this.blobDirectory.toAbsolutePath()
			.normalize()
			.resolve(blob.substring(0, 2))
			.resolve(blob.substring(2, 4))
			.resolve(blob);
		Files.writeString(stored, "Gefälschte Urkunde");
		try {
			IntegritySweep.Sweep result = SystemActor.call(this.sweep::run);

			assertThat(result.mismatches()).contains(new IntegritySweep.Mismatch(blob, "CHANGED"));
			assertThat(this.auditLog.forRecord("blob", blob)).extracting((entry) -> entry.action())
				.contains("document.integrity-mismatch");
			WebSession admin = newSession().signInAsStaff("admin@musterstadt.example");
			WebSession.Page page = admin.get("/intern/admin/integritaet");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.mainText()).contains(blob, "verändert");
			assertThat(clerk.download("/intern/akten/dokumente/" + documentId + "/versionen/1").statusCode())
				.isNotEqualTo(200);
		}
		finally {
			Files.write(stored, original);
		}
		assertThat(SystemActor.call(this.sweep::run).mismatches()).extracting(IntegritySweep.Mismatch::blob)
			.doesNotContain(blob);
	}

	@Test
	void anAdminStartsTheSweepByHand() {
		WebSession admin = newSession().signInAsStaff("admin@musterstadt.example");
		admin.get("/intern/admin/integritaet");

		WebSession.Page done = admin.submit("/intern/admin/integritaet", java.util.Map.of());

		assertThat(done.status()).isEqualTo(302);
		assertThat(admin.get("/intern/admin/integritaet").mainText()).contains("Die Prüfung ist abgeschlossen");
		WebSession clerk = newSession().signInAsStaff("standesamt@musterstadt.example");
		assertThat(clerk.get("/intern/admin/integritaet").status()).isEqualTo(403);
	}

}
