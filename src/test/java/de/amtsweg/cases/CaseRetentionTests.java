package de.amtsweg.cases;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.cases.internal.CaseRetention;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closed case keeps its data until its retention ends; then the daily job removes the
 * answers, attachments, notes, the applicant's data and its postbox threads, and keeps
 * the reference and the figures.
 */
class CaseRetentionTests extends IntegrationTest {

	private static final String CLERK = "buergerbuero@musterstadt.example";

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	CaseRetention retention;

	private Map<String, Object> row(UUID caseId) {
		return this.jdbc.sql("""
				select reference, status, result, form_key, applicant_name, applicant_email, answers::text as answers,
				       retain_until, anonymised_at is not null as anonymised
				  from case_file where id = :id""").param("id", caseId).query().singleRow();
	}

	private long threads(UUID caseId) {
		return this.jdbc.sql("select count(*) from postbox_thread where topic = :t")
			.param("t", "case:" + caseId)
			.query(Long.class)
			.single();
	}

	@Test
	void aClosedCaseIsAnonymisedOnceItsRetentionHasEndedAndKeepsItsReference() {
		String family = "Aufbewahrt" + UUID.randomUUID().toString().substring(0, 8);
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling,
				this.municipalities.bySlug("musterstadt").orElseThrow(), null, "Rita", family,
				"retention-" + UUID.randomUUID() + "@example.org");
		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());
		String path = "/intern/vorgaenge/" + caseId;
		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", CLERK);
		clerk.get(path);
		clerk.submit(path + "/uebernehmen", Map.of());
		clerk.get(path);
		clerk.submit(path + "/rueckfrage", Map.of("question", "Wo ist die Vollmacht?", "replyBy", ""));
		clerk.get(path);
		clerk.submit(path + "/notizen", Map.of("text", "Rita ruft morgen an."));
		clerk.submit(CaseFixtures.taskAction(clerk.get(path)), Map.of());
		clerk.submit(CaseFixtures.taskAction(clerk.get(path)),
				Map.of("result", "WITHDRAWN", "reason", "Antrag zurückgezogen."));
		clerk.submit(CaseFixtures.taskAction(clerk.get(path)), Map.of());
		Map<String, Object> closed = row(caseId);
		assertThat(closed.get("status")).isEqualTo("CLOSED");
		assertThat(closed.get("retain_until")).as("withdrawn: two years").isNotNull();
		assertThat(threads(caseId)).isEqualTo(1);

		this.retention.anonymiseDue();
		assertThat(row(caseId).get("anonymised")).as("not before the retention ends").isEqualTo(false);
		assertThat(row(caseId).get("applicant_name")).isEqualTo("Rita " + family);

		this.clock.advance(Duration.ofDays(2 * 366 + 2));
		assertThat(this.retention.anonymiseDue()).isPositive();
		Map<String, Object> anonymised = row(caseId);
		assertThat(anonymised.get("anonymised")).isEqualTo(true);
		assertThat(anonymised.get("reference")).isEqualTo(closed.get("reference"));
		assertThat(anonymised.get("result")).isEqualTo("WITHDRAWN");
		assertThat(anonymised.get("form_key")).isEqualTo("meldebescheinigung");
		assertThat(anonymised.get("applicant_name")).isEqualTo("–");
		assertThat(anonymised.get("applicant_email")).isNull();
		assertThat(anonymised.get("answers")).isEqualTo("{}");
		assertThat(this.jdbc.sql("select count(*) from case_note where case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single()).isZero();
		assertThat(threads(caseId)).as("the Rückfrage's thread is gone").isZero();
		assertThat(clerk.get("/intern/vorgaenge?status=ALL&suche=" + family).mainText())
			.doesNotContain((String) closed.get("reference"));
		assertThat(this.auditLog.forRecord("case", caseId.toString())).extracting((entry) -> entry.action())
			.containsOnlyOnce("case.anonymised");

		this.retention.anonymiseDue();
		assertThat(this.auditLog.forRecord("case", caseId.toString())).extracting((entry) -> entry.action())
			.as("anonymised once")
			.containsOnlyOnce("case.anonymised");
	}

}
