package de.amtsweg.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clerk inbox and applicant status page with one million cases in the database (run by
 * {@code bench/cases.sh}; its name keeps it out of {@code ./mvnw verify}). The cases are
 * generated with {@code generate_series} over both demo municipalities and all their org
 * units, most of them closed, spread over three years; then each page is requested over
 * real HTTP and the latencies' percentiles are printed. Timings never fail the run.
 */
class CasesBenchmark extends IntegrationTest {

	private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);

	@Autowired
	JdbcClient jdbc;

	@Test
	void inboxAndStatusPageWithAMillionCases() {
		long started = System.nanoTime();
		generate();
		System.out.printf("generated %,d cases in %.1f s%n", CASES, (System.nanoTime() - started) / 1e9);

		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", "buergerbuero@musterstadt.example");
		String reference = this.jdbc.sql("""
				select c.reference from case_file c join org_unit u on u.id = c.org_unit_id
				 where u.key = 'buergerbuero' and c.municipality_id = u.municipality_id
				   and u.municipality_id = (select id from municipality where slug = 'musterstadt')
				 order by c.submitted_at desc offset 5000 limit 1""").query(String.class).single();
		measure("inbox, open cases (default)", () -> clerk.get("/intern/vorgaenge"));
		measure("inbox, page 3", () -> clerk.get("/intern/vorgaenge?seite=3"));
		measure("inbox, all incl. closed", () -> clerk.get("/intern/vorgaenge?status=ALL"));
		measure("inbox, overdue", () -> clerk.get("/intern/vorgaenge?ueberfaellig=true"));
		measure("inbox, unassigned", () -> clerk.get("/intern/vorgaenge?bearbeitung=offen"));
		measure("inbox, search by reference", () -> clerk.get("/intern/vorgaenge?status=ALL&suche=" + reference));
		measure("inbox, search by name", () -> clerk.get("/intern/vorgaenge?status=ALL&suche=Bench7"));
		measure("inbox, search in answers", () -> clerk.get("/intern/vorgaenge?status=ALL&suche=Hundeleine"));

		Map<String, Object> sample = this.jdbc.sql("""
				select reference, access_code from case_file
				 where municipality_id = (select id from municipality where slug = 'musterstadt')
				 order by submitted_at desc offset 123456 limit 1""").query().singleRow();
		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/status");
		WebSession.Page found = guest.submit("/status",
				Map.of("reference", (String) sample.get("reference"), "code", (String) sample.get("access_code")));
		assertThat(found.isRedirect()).isTrue();
		measure("status page (reference + code)", () -> guest.get("/status/vorgang"));
	}

	private void measure(String label, Supplier<WebSession.Page> request) {
		for (int i = 0; i < 30; i++) {
			assertThat(request.get().status()).as(label).isEqualTo(200);
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			long begin = System.nanoTime();
			WebSession.Page page = request.get();
			millis.add((System.nanoTime() - begin) / 1e6);
			assertThat(page.status()).as(label).isEqualTo(200);
		}
		Collections.sort(millis);
		System.out.printf("%-34s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (%d requests)%n", label,
				percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), ROUNDS);
	}

	private static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private void generate() {
		UUID caseType = this.jdbc.sql("select id from case_type where form_key is null and municipality_id is null")
			.query(UUID.class)
			.single();
		this.jdbc.sql("""
				with units as (select row_number() over (order by id) - 1 as i, id, municipality_id from org_unit),
				     unit_count as (select count(*) as c from units)
				insert into case_file (municipality_id, reference, submission_id, submission_reference, case_type_id,
				    form_key, form_version, title_de, title_en, org_unit_id, applicant_name, applicant_email, answers,
				    status, result, decision_reason, access_code, submitted_at, deadline, closed_at)
				select u.municipality_id,
				       'VG-' || (2023 + n % 3) || '-' || lpad((9000000 + n)::text, 7, '0'),
				       gen_random_uuid(), 'BEN-' || n, :caseType,
				       (array['meldebescheinigung','hundesteuer-anmeldung','geburtsurkunde','bauantrag'])[1 + n % 4], 1,
				       'Bench-Antrag', 'Bench application', u.id,
				       'Bench' || (n % 1000) || ' Person' || n, 'bench' || n || '@example.org',
				       jsonb_build_object('givenName', 'Bench' || (n % 1000), 'familyName', 'Person' || n,
				           'note', (array['Hundeleine und Maulkorb', 'Carport an der Grenze', 'Umzug in die Altstadt',
				                          'Geburt im Klinikum'])[1 + n % 4]),
				       case when n % 20 = 0 then 'RECEIVED' when n % 20 = 1 then 'IN_PROGRESS'
				            when n % 20 = 2 then 'DECIDED' else 'CLOSED' end,
				       case when n % 20 >= 2 then 'APPROVED' end,
				       case when n % 20 >= 2 then 'Bench' end,
				       'BENCH-' || lpad((n % 100000)::text, 5, '0'),
				       now() - (n % 1095) * interval '1 day' - (n % 1440) * interval '1 minute',
				       (now() - (n % 1095) * interval '1 day')::date + 30,
				       case when n % 20 >= 3 then now() - (n % 1095) * interval '1 day' + interval '20 days' end
				  from generate_series(1, :count) n
				  cross join unit_count
				  join units u on u.i = n % unit_count.c""").param("caseType", caseType).param("count", CASES).update();
		this.jdbc.sql("analyze case_file").update();
	}

}
