package de.amtsweg.cases;

import java.time.Duration;
import java.util.UUID;

import de.amtsweg.forms.FormSubmitted;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.IntegrationTest;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CaseIntakeTests extends IntegrationTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSubmittedFormBecomesACaseOfTheResponsibleUnitWithItsRouteStarted() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String email = "intake-" + UUID.randomUUID() + "@example.org";
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt, null, "Greta",
				"Gast", email);

		UUID caseId = CaseFixtures.awaitCase(this.jdbc, submission.id());

		var row = this.jdbc.sql("""
				select reference, org_unit_id, status, applicant_name, applicant_email, submission_reference,
				       answers ->> 'familyName' as family, process_instance_id, access_code, deadline, submitted_at
				  from case_file where id = :id""").param("id", caseId).query().singleRow();
		assertThat((String) row.get("reference")).matches("VG-\\d{4}-\\d{6}");
		assertThat(row.get("org_unit_id"))
			.isEqualTo(this.orgUnits.byKey(musterstadt.id(), "buergerbuero").orElseThrow().id());
		assertThat(row.get("status")).isEqualTo("RECEIVED");
		assertThat(row.get("applicant_name")).isEqualTo("Greta Gast");
		assertThat(row.get("applicant_email")).isEqualTo(email);
		assertThat(row.get("submission_reference")).isEqualTo(submission.reference());
		assertThat(row.get("family")).isEqualTo("Gast");
		assertThat((String) row.get("access_code")).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");

		Task check = this.tasks.createTaskQuery()
			.processInstanceId((String) row.get("process_instance_id"))
			.singleResult();
		assertThat(check.getTaskDefinitionKey()).isEqualTo("check");
		assertThat(this.tasks.getIdentityLinksForTask(check.getId()))
			.anySatisfy((link) -> assertThat(link.getGroupId()).isEqualTo("orgunit:" + row.get("org_unit_id")));
		assertThat(this.auditLog.forRecord("case", caseId.toString()))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("case.opened"));
	}

	@Test
	void aRedeliveredFormSubmittedCreatesNoSecondCase() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		Submission submission = CaseFixtures.submitRegistrationCertificate(this.filling, musterstadt, null, "Rita",
				"Redelivery", "redelivery-" + UUID.randomUUID() + "@example.org");
		UUID first = CaseFixtures.awaitCase(this.jdbc, submission.id());

		FormSubmitted again = new FormSubmitted(submission.id(), "meldebescheinigung", 1, musterstadt.id(), null);
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(again));
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(again));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("""
					select count(*) from event_publication
					 where serialized_event like :id and listener_id like '%CaseIntake%'""")
				.param("id", "%" + submission.id() + "%")
				.query(Long.class)
				.single() == 0);
		assertThat(this.jdbc.sql("select id from case_file where submission_id = :s")
			.param("s", submission.id())
			.query(UUID.class)
			.list()).containsExactly(first);
	}

}
