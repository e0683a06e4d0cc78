package de.amtsweg.mailroom;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.CaseFixtures;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads and cases for the mail room's tests. */
final class MailroomFixtures {

	static final String FRONT_DESK = "buergerbuero@musterstadt.example";

	private MailroomFixtures() {
	}

	/** A new case of the Bürgerbüro Musterstadt; returns its id and reference. */
	static NewCase newCase(FormFilling filling, JdbcClient jdbc, Municipality municipality) {
		Submission submission = CaseFixtures.submitRegistrationCertificate(filling, municipality, null, "Erika", "Post",
				"post-" + UUID.randomUUID() + "@example.org");
		UUID caseId = CaseFixtures.awaitCase(jdbc, submission.id());
		String reference = jdbc.sql("select reference from case_file where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
		return new NewCase(caseId, reference, submission.reference());
	}

	/** Uploads the files as one batch through the page; returns the response. */
	static HttpResponse<byte[]> upload(WebSession session, String batchKey, List<WebSession.UploadFile> files) {
		session.get("/intern/posteingang");
		return session.postMultipartFiles("/intern/posteingang",
				Map.of("_csrf", session.csrfToken(), "batchKey", batchKey), "files", files);
	}

	/** Uploads one file as a new batch and returns the id of its item. */
	static UUID uploadOne(WebSession session, JdbcClient jdbc, String name, String type, byte[] content) {
		HttpResponse<byte[]> response = upload(session, UUID.randomUUID().toString(),
				List.of(new WebSession.UploadFile(name, type, content)));
		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(302);
		UUID batch = UUID
			.fromString(response.headers().firstValue("Location").orElseThrow().replaceAll(".*stapel=", ""));
		return jdbc.sql("select id from mail_item where batch_id = :b").param("b", batch).query(UUID.class).single();
	}

	static String state(JdbcClient jdbc, UUID itemId) {
		return jdbc.sql("select state from mail_item where id = :id").param("id", itemId).query(String.class).single();
	}

	/** Documents in the case's file with the title. */
	static int documentsInCaseFile(JdbcClient jdbc, UUID caseId, String title) {
		return jdbc.sql("""
				select count(*) from document d join document_file f on f.id = d.file_id
				where f.case_id = :case and d.title = :title""")
			.param("case", caseId)
			.param("title", title)
			.query(Integer.class)
			.single();
	}

	/**
	 * @param id the case
	 * @param reference its reference number
	 * @param submissionReference the number on the applicant's receipt
	 */
	record NewCase(UUID id, String reference, String submissionReference) {
	}

}
