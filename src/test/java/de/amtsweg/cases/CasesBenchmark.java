package de.amtsweg.cases;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import de.amtsweg.cases.internal.InboxPlans;
import de.amtsweg.cases.internal.InboxQuery;

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

	private static final int WARM_UP = Integer.getInteger("bench.warmUp", 30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void inboxAndStatusPageWithAMillionCases() throws Exception {
		long started = System.nanoTime();
		generate();
		System.out.printf("generated %,d cases in %.1f s%n", CASES, (System.nanoTime() - started) / 1e9);
		System.out.println("load average: " + loadAverage());
		// what the migration's index build costs at this size
		long rebuild = System.nanoTime();
		this.jdbc.sql("reindex index case_file_unit_search_idx").update();
		System.out.printf("rebuilt case_file_unit_search_idx in %.1f s%n", (System.nanoTime() - rebuild) / 1e9);

		String clerkMail = "buergerbuero@musterstadt.example";
		WebSession clerk = CaseFixtures.signedIn(newSession(), "/intern/anmelden", clerkMail);
		UUID municipalityId = this.jdbc.sql("select id from municipality where slug = 'musterstadt'")
			.query(UUID.class)
			.single();
		UUID staffId = this.jdbc.sql("select id from staff_account where lower(email) = :e")
			.param("e", clerkMail)
			.query(UUID.class)
			.single();
		Set<UUID> units = new HashSet<>(this.jdbc.sql(
				"select org_unit_id from staff_role where staff_id = :s and role = 'CLERK' and org_unit_id is not null")
			.param("s", staffId)
			.query(UUID.class)
			.list());
		String reference = this.jdbc.sql("""
				select c.reference from case_file c join org_unit u on u.id = c.org_unit_id
				 where u.key = 'buergerbuero' and c.municipality_id = u.municipality_id
				   and u.municipality_id = (select id from municipality where slug = 'musterstadt')
				 order by c.submitted_at desc offset 5000 limit 1""").query(String.class).single();
		// a few of the clerk's cases are theirs, as in real life
		this.jdbc.sql("""
				update case_file set assignee_staff_id = :s, assignee_name = 'Bench Clerk'
				 where id in (select id from case_file where org_unit_id = any(:units) and status <> 'CLOSED'
				               order by submitted_at desc limit 200)""")
			.param("s", staffId)
			.param("units", units.toArray(new UUID[0]))
			.update();
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Variant> variants = new LinkedHashMap<>();
		variants.put("inbox, open cases (default)", new Variant("/intern/vorgaenge",
				inbox(municipalityId, staffId, units, false, null, null, InboxQuery.Assignee.ANYONE, null, 1)));
		variants.put("inbox, page 3", new Variant("/intern/vorgaenge?seite=3",
				inbox(municipalityId, staffId, units, false, null, null, InboxQuery.Assignee.ANYONE, null, 3)));
		variants.put("inbox, all incl. closed", new Variant("/intern/vorgaenge?status=ALL",
				inbox(municipalityId, staffId, units, true, null, null, InboxQuery.Assignee.ANYONE, null, 1)));
		variants.put("inbox, overdue", new Variant("/intern/vorgaenge?ueberfaellig=true",
				inbox(municipalityId, staffId, units, false, null, today, InboxQuery.Assignee.ANYONE, null, 1)));
		variants.put("inbox, unassigned", new Variant("/intern/vorgaenge?bearbeitung=offen",
				inbox(municipalityId, staffId, units, false, null, null, InboxQuery.Assignee.UNASSIGNED, null, 1)));
		variants.put("inbox, assigned to me", new Variant("/intern/vorgaenge?bearbeitung=ich",
				inbox(municipalityId, staffId, units, false, null, null, InboxQuery.Assignee.ME, null, 1)));
		variants.put("inbox, by service",
				new Variant("/intern/vorgaenge?formular=hundesteuer-anmeldung", inbox(municipalityId, staffId, units,
						false, "hundesteuer-anmeldung", null, InboxQuery.Assignee.ANYONE, null, 1)));
		variants.put("inbox, search by reference", new Variant("/intern/vorgaenge?status=ALL&suche=" + reference,
				inbox(municipalityId, staffId, units, true, null, null, InboxQuery.Assignee.ANYONE, reference, 1)));
		variants.put("inbox, search by name", new Variant("/intern/vorgaenge?status=ALL&suche=Bench7",
				inbox(municipalityId, staffId, units, true, null, null, InboxQuery.Assignee.ANYONE, "Bench7", 1)));
		variants.put("inbox, search in answers", new Variant("/intern/vorgaenge?status=ALL&suche=Hundeleine",
				inbox(municipalityId, staffId, units, true, null, null, InboxQuery.Assignee.ANYONE, "Hundeleine", 1)));
		variants.put("inbox, open, search in answers", new Variant("/intern/vorgaenge?suche=Hundeleine",
				inbox(municipalityId, staffId, units, false, null, null, InboxQuery.Assignee.ANYONE, "Hundeleine", 1)));
		// "Hundeleine" is in a quarter of all cases but, by the generator's arithmetic,
		// in
		// none of the clerk's unit; this word is in half of the unit's cases
		String unitWord = this.jdbc.sql("""
				select split_part(answers ->> 'note', ' ', 1) from case_file where org_unit_id = any(:units)
				 order by submitted_at desc limit 1""")
			.param("units", units.toArray(new UUID[0]))
			.query(String.class)
			.single();
		variants
			.put("search, word in half the unit's cases", new Variant("/intern/vorgaenge?status=ALL&suche=" + unitWord,
					inbox(municipalityId, staffId, units, true, null, null, InboxQuery.Assignee.ANYONE, unitWord, 1)));
		variants.put("same word, page 3", new Variant("/intern/vorgaenge?status=ALL&seite=3&suche=" + unitWord,
				inbox(municipalityId, staffId, units, true, null, null, InboxQuery.Assignee.ANYONE, unitWord, 3)));

		Map<String, Object> sample = this.jdbc.sql("""
				select reference, access_code from case_file
				 where municipality_id = (select id from municipality where slug = 'musterstadt')
				 order by submitted_at desc offset :offset limit 1""")
			.param("offset", Math.min(123456, CASES / 4))
			.query()
			.singleRow();
		if (!Boolean.getBoolean("bench.noPlans")) {
			for (Map.Entry<String, Variant> variant : variants.entrySet()) {
				System.out.println("\n=== plan: " + variant.getKey());
				System.out.print(InboxPlans.explain(this.jdbc, variant.getValue().query()));
				if (Boolean.getBoolean("bench.plansBefore")) {
					System.out.println("\n=== plan before (one scan over all units): " + variant.getKey());
					System.out.print(InboxPlans.explainOverAllUnits(this.jdbc, variant.getValue().query()));
				}
			}
			System.out.println("\n=== plan: form filter");
			System.out.print(InboxPlans.explainFormKeys(this.jdbc, units));
			System.out.println("\n=== plan: status page, case by reference");
			System.out.print(
					InboxPlans.plan(this.jdbc, "select * from case_file where municipality_id = :m and reference = :r",
							Map.of("m", municipalityId, "r", sample.get("reference"))));
			System.out.println("\n=== plan: status page, history of the case");
			System.out.print(InboxPlans.plan(this.jdbc, """
					select at, kind, status, actor_name, details from case_event
					 where case_id = (select id from case_file where municipality_id = :m and reference = :r)
					   and shown_to_applicant order by id""",
					Map.of("m", municipalityId, "r", sample.get("reference"))));
		}

		for (Map.Entry<String, Variant> variant : variants.entrySet()) {
			measure(variant.getKey(), () -> clerk.get(variant.getValue().path()));
		}

		WebSession guest = newSession();
		guest.get("/gemeinde/musterstadt");
		guest.get("/status");
		WebSession.Page found = guest.submit("/status",
				Map.of("reference", (String) sample.get("reference"), "code", (String) sample.get("access_code")));
		assertThat(found.isRedirect()).isTrue();
		measure("status page (reference + code)", () -> guest.get("/status/vorgang"));

		System.out.println("load average: " + loadAverage());
		concurrently(8, clerkMail, "/intern/vorgaenge", "inbox, open cases, 8 clients");
		concurrently(8, clerkMail, "/intern/vorgaenge?status=ALL&suche=Hundeleine",
				"inbox, search in answers, 8 clients");
		System.out.println("load average: " + loadAverage());

	}

	private static InboxQuery inbox(UUID municipalityId, UUID staffId, Set<UUID> units, boolean includeClosed,
			String formKey, LocalDate overdueOn, InboxQuery.Assignee assignee, String search, int page) {
		return new InboxQuery(municipalityId, staffId, units, null, includeClosed, formKey, overdueOn, assignee, search,
				page, Set.of());
	}

	/**
	 * @param path the page
	 * @param query what the page asks the repository
	 */
	private record Variant(String path, InboxQuery query) {
	}

	private void measure(String label, Supplier<WebSession.Page> request) {
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(request.get().status()).as(label).isEqualTo(200);
		}
		List<Double> millis = new ArrayList<>();
		long cpuBefore = jvmCpuNanos();
		long dbBefore = this.databaseCpu.ticks();
		for (int i = 0; i < ROUNDS; i++) {
			long begin = System.nanoTime();
			WebSession.Page page = request.get();
			millis.add((System.nanoTime() - begin) / 1e6);
			assertThat(page.status()).as(label).isEqualTo(200);
		}
		double jvmCpu = (jvmCpuNanos() - cpuBefore) / 1e6 / ROUNDS;
		double dbCpu = this.databaseCpu.millis(this.databaseCpu.ticks() - dbBefore) / ROUNDS;
		Collections.sort(millis);
		System.out.printf(
				"%-36s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   cpu/request: JVM %5.1f ms, PostgreSQL %5.1f ms   (%d requests)%n",
				label, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), jvmCpu, dbCpu, ROUNDS);
	}

	/**
	 * Clients each with their own session, each sending ROUNDS requests one after the
	 * other.
	 */
	private void concurrently(int clients, String mail, String path, String label) throws Exception {
		List<WebSession> sessions = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			sessions.add(CaseFixtures.signedIn(newSession(), "/intern/anmelden", mail));
		}
		List<Double> millis = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long begin = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (WebSession session : sessions) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < Math.min(10, WARM_UP); i++) {
						session.get(path);
					}
					for (int i = 0; i < ROUNDS; i++) {
						long start = System.nanoTime();
						assertThat(session.get(path).status()).isEqualTo(200);
						millis.add((System.nanoTime() - start) / 1e6);
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.printf("%-36s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %.0f requests/s   (%d requests)%n", label,
				percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.size() / seconds,
				sorted.size());
	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private final DatabaseCpu databaseCpu = new DatabaseCpu();

	/**
	 * CPU time of the embedded PostgreSQL server: every process whose parent is the
	 * postmaster of this test's database (the backends, the writer, autovacuum), read
	 * from /proc. Other helpers' databases are other postmasters.
	 */
	private final class DatabaseCpu {

		private long postmaster = -1;

		long ticks() {
			try {
				if (this.postmaster < 0) {
					long backend = CasesBenchmark.this.jdbc.sql("select pg_backend_pid()").query(Long.class).single();
					this.postmaster = Long.parseLong(stat(backend)[3]);
				}
				long total = 0;
				try (var processes = Files.list(Path.of("/proc"))) {
					for (Path process : processes.filter((p) -> p.getFileName().toString().matches("[0-9]+"))
						.toList()) {
						try {
							String[] fields = stat(Long.parseLong(process.getFileName().toString()));
							if (Long.parseLong(fields[3]) == this.postmaster) {
								total += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
							}
						}
						catch (IOException | RuntimeException gone) {
							// the process ended meanwhile
						}
					}
				}
				return total;
			}
			catch (IOException ex) {
				return 0;
			}
		}

		double millis(long ticks) {
			// USER_HZ is 100 on Linux
			return ticks * 10.0;
		}

		private static String[] stat(long pid) throws IOException {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			// the command name in parentheses may contain spaces; index = field number -
			// 1
			return ("x x " + stat.substring(stat.lastIndexOf(')') + 2)).split(" ");
		}

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
