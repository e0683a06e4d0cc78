package de.amtsweg.cases.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.internal.CitizenAccountRepository;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo requests (off in the tests' configuration so that no other test sees them):
 * run for an account of its own, they are submitted through the forms and opened by the
 * normal intake, and the demo clerks move them to each state; a second run adds nothing.
 */
class CasesDemoDataTests extends IntegrationTest {

	@Autowired
	CasesDemoData seeder;

	@Autowired
	CitizenAccountRepository citizens;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoRequestsReachEveryStateThroughTheRealPathsAndASecondRunAddsNothing() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String familyName = "Demo" + UUID.randomUUID().toString().substring(0, 6);
		UUID account = newCitizen(familyName);
		int created = SystemActor.call(() -> this.seeder.seed(musterstadt, account, "Dora " + familyName));

		assertThat(created).isEqualTo(5);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(statuses(account)).containsExactlyInAnyOrderEntriesOf(
					Map.of("meldebescheinigung", "RECEIVED", "veranstaltung-anzeige", "IN_PROGRESS", "kita-anmeldung",
							"INFORMATION_REQUESTED", "hundesteuer-anmeldung", "DECIDED", "geburtsurkunde", "CLOSED")));
		assertThat(this.jdbc.sql("""
				select form_key from case_file where applicant_account_id = :a and notice_blob is not null""")
			.param("a", account)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("geburtsurkunde", "hundesteuer-anmeldung");
		assertThat(this.jdbc.sql("""
				select form_key from case_file where applicant_account_id = :a and assignee_staff_id is null""")
			.param("a", account)
			.query(String.class)
			.list()).containsExactly("meldebescheinigung");
		assertThat(this.jdbc.sql("""
				select count(*) from postbox_thread t join case_file c on t.topic = 'case:' || c.id
				where c.applicant_account_id = :a and c.form_key = 'kita-anmeldung'""")
			.param("a", account)
			.query(Integer.class)
			.single()).isOne();

		assertThat(this.jdbc.sql("""
				select count(*) from payment_claim p join case_file c on p.origin_ref = c.submission_id::text
				where p.origin_type = 'FORM' and c.applicant_account_id = :a and c.form_key = 'meldebescheinigung'""")
			.param("a", account)
			.query(Integer.class)
			.single()).as("the fee of the Meldebescheinigung").isOne();

		String inProgress = this.jdbc
			.sql("""
					select reference from case_file where applicant_account_id = :a and form_key = 'veranstaltung-anzeige'""")
			.param("a", account)
			.query(String.class)
			.single();
		WebSession clerk = newSession().signInAsStaff("ordnungsamt@musterstadt.example");
		assertThat(clerk.get("/intern/vorgaenge?suche=" + inProgress).mainText()).contains(inProgress);

		int again = SystemActor.call(() -> this.seeder.seed(musterstadt, account, "Dora " + familyName));

		assertThat(again).isZero();
		assertThat(this.jdbc.sql("select count(*) from form_submission where account_id = :a")
			.param("a", account)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(statuses(account)).hasSize(5);
	}

	private Map<String, String> statuses(UUID account) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select form_key, status from case_file where applicant_account_id = :a""")
			.param("a", account)
			.query()
			.listOfRows();
		Map<String, String> statuses = new java.util.HashMap<>();
		rows.forEach((row) -> statuses.put((String) row.get("form_key"), (String) row.get("status")));
		return statuses;
	}

	private UUID newCitizen(String familyName) {
		UUID id = this.citizens.insert("demo-" + UUID.randomUUID() + "@example.org", null, "Dora", familyName);
		this.jdbc.sql("""
				update citizen_account set email_confirmed_at = now(), date_of_birth = :birthDate,
				       street = 'Heidestraße 17', postcode = '31999', city = 'Musterstadt',
				       home_municipality_id = (select id from municipality where slug = 'musterstadt')
				where id = :id""").param("birthDate", LocalDate.of(1970, 4, 2)).param("id", id).update();
		return id;
	}

}
