package de.amtsweg.forms;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load driver of {@code bench/forms.sh} (its name keeps it out of {@code ./mvnw verify}):
 * sustained form submissions over HTTP from several signed-in clients, whether the
 * receipt notices (outbox listener) keep up, and the render time of a form page. Drafts
 * are filled in beforehand, in process, so the timed phase is only the submit request.
 * Prints its figures; asserts nothing about time.
 */
class FormsBenchmark extends IntegrationTest {

	private static final int THREADS = Integer.getInteger("bench.threads", 8);

	private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 6000);

	/** The forms module's own listener: the notice that a receipt is ready. */
	private static final String RECEIPTS = "%.ReceiptNotice.%";

	private static final int RENDER_SECONDS = Integer.getInteger("bench.seconds", 15);

	@Autowired
	FormDefinitions definitions;

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measure() throws Exception {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String key = TestForms.publish(this.definitions, musterstadt.id(), TestForms.DEATH_CERTIFICATE, "bench");
		UUID account = this.jdbc.sql("select id from citizen_account where email = 'max.mustermann@example.org'")
			.query(UUID.class)
			.single();
		FormVersion version = this.filling.publishedForm(musterstadt, key);

		long prepared = System.nanoTime();
		ConcurrentLinkedQueue<Draft> drafts = new ConcurrentLinkedQueue<>();
		SystemActor.run(() -> {
			for (int i = 0; i < SUBMISSIONS + 1; i++) {
				Draft draft = this.filling.start(musterstadt, key, account);
				this.filling.save(new FormFilling.Loaded(draft, version), answers());
				drafts.add(draft);
			}
		});
		System.out.printf(Locale.ROOT, "%nLoad average at the start: %.2f (%d cores)%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "Prepared %d filled drafts in %.1f s%n", drafts.size(),
				(System.nanoTime() - prepared) / 1e9);

		List<WebSession> clients = new ArrayList<>();
		Map<WebSession, String> tokens = new java.util.IdentityHashMap<>();
		for (int i = 0; i < THREADS; i++) {
			WebSession session = newSession();
			session.get("/gemeinde/musterstadt");
			session.get("/anmelden");
			session.submit("/anmelden", Map.of("email", "max.mustermann@example.org", "passwort", DemoData.PASSWORD));
			session.get("/konto");
			tokens.put(session, session.csrfToken());
			clients.add(session);
		}

		// 1. page render: one draft's form page and the check page, read over and over
		Draft shown = drafts.poll();
		String page = "/antrag/" + key + "/" + shown.id() + "/person";
		String check = "/antrag/" + key + "/" + shown.id() + "/pruefen";
		for (int i = 0; i < 200; i++) {
			assertThat(clients.get(0).get(page).status()).isEqualTo(200);
		}
		String pageName = "form page GET " + page.replace(shown.id().toString(), "{draft}");
		// "page render" plausibly means one person's page: one client, nothing else
		// running
		measured(pageName + ", 1 client", clients.subList(0, 1), (session) -> session.get(page).status());
		measured("check page GET, 1 client", clients.subList(0, 1), (session) -> session.get(check).status());
		measured(pageName + ", " + THREADS + " clients", clients, (session) -> session.get(page).status());
		measured("check page GET, " + THREADS + " clients", clients, (session) -> session.get(check).status());

		// 2. sustained submissions, and everything they cause: every listener of the
		// outbox
		// (receipt notice, case opening with its BPMN process, e-file, fee claim, mails)
		long outboxBefore = incompletePublications("%");
		long receiptsBefore = incompletePublications(RECEIPTS);
		jdk.jfr.Recording recording = profile();
		if (Boolean.getBoolean("bench.pgStatStatements")) {
			this.jdbc.sql("create extension if not exists pg_stat_statements").update();
			this.jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
		}
		ServerCost cost = ServerCost.start(this.jdbc);
		AtomicInteger failures = new AtomicInteger();
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService threads = Executors.newFixedThreadPool(THREADS, ServerCost.DRIVER);
		long start = System.nanoTime();
		for (WebSession session : clients) {
			threads.submit(ServerCost.driver(() -> {
				String token = tokens.get(session);
				Draft draft;
				while ((draft = drafts.poll()) != null) {
					long t = System.nanoTime();
					WebSession.Page response = session.post("/antrag/" + key + "/" + draft.id() + "/absenden",
							Map.of("_csrf", token, "idempotencyKey", draft.idempotencyKey().toString()));
					latencies.add((System.nanoTime() - t) / 1e6);
					if (response.location().filter((to) -> to.contains("/antrag/eingang/")).isEmpty()) {
						failures.incrementAndGet();
					}
				}
			}));
		}
		threads.shutdown();
		threads.awaitTermination(30, TimeUnit.MINUTES);
		long submitted = System.nanoTime();
		double seconds = (submitted - start) / 1e9;
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT,
				"Submissions: %d in %.1f s from %d clients = %.0f per second; latency p50 %.1f ms, p95 %.1f ms, "
						+ "p99 %.1f ms; failed %d%n",
				sorted.size(), seconds, THREADS, sorted.size() / seconds, percentile(sorted, 50),
				percentile(sorted, 95), percentile(sorted, 99), failures.get());
		System.out.printf(Locale.ROOT,
				"Outbox right after the last submit: %d receipt notices, %d publications in all still queued%n",
				incompletePublications(RECEIPTS) - receiptsBefore, incompletePublications("%") - outboxBefore);
		System.out.println("  by listener: " + backlog());
		Long receiptsDone = null;
		while (incompletePublications("%") > outboxBefore
				&& System.nanoTime() - submitted < Duration.ofMinutes(20).toNanos()) {
			if (receiptsDone == null && incompletePublications(RECEIPTS) <= receiptsBefore) {
				receiptsDone = System.nanoTime();
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		long drained = System.nanoTime();
		if (receiptsDone == null) {
			receiptsDone = drained;
		}
		System.out.printf(Locale.ROOT,
				"Receipt notices drained %.1f s after the last submit; all listeners drained %.1f s after it "
						+ "(%d left: %s)%n",
				(receiptsDone - submitted) / 1e9, (drained - submitted) / 1e9,
				incompletePublications("%") - outboxBefore, backlog());
		System.out.printf(Locale.ROOT,
				"Sustained: %d submissions in %.1f s until everything they caused was done = %.0f per second%n",
				sorted.size(), (drained - start) / 1e9, sorted.size() / ((drained - start) / 1e9));
		System.out.println("  per submission, all work included: " + cost.per(sorted.size()));
		if (recording != null) {
			Path file = Path.of("target/forms-benchmark.jfr").toAbsolutePath();
			recording.dump(file);
			recording.close();
			System.out.println("  JFR recording of the submissions and the drain: " + file);
		}
		statements();
		System.out.printf(Locale.ROOT, "Load average at the end: %.2f%n%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** {@code -Dbench.jfr=true}: a JFR profile of the submissions and the drain. */
	private static jdk.jfr.@org.jspecify.annotations.Nullable Recording profile() throws Exception {
		if (!Boolean.getBoolean("bench.jfr")) {
			return null;
		}
		jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
		recording.start();
		return recording;
	}

	/**
	 * With {@code -Dbench.pgStatStatements=true} (the embedded server preloads
	 * pg_stat_statements): the statements of the submissions phase by total time.
	 */
	private void statements() {
		if (!Boolean.getBoolean("bench.pgStatStatements")) {
			return;
		}
		System.out.println("  top statements by total time (calls, total ms, rows):");
		this.jdbc.sql("""
				select calls, total_exec_time, rows, regexp_replace(left(query, 150), '\\s+', ' ', 'g')
				from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
				order by total_exec_time desc limit 40""")
			.query((rs, row) -> String.format(Locale.ROOT, "    %8d %9.0f %8d  %s", rs.getLong(1), rs.getDouble(2),
					rs.getLong(3), rs.getString(4)))
			.list()
			.forEach(System.out::println);
	}

	private List<String> backlog() {
		return this.jdbc.sql("""
				select listener_id, count(*) from event_publication where completion_date is null
				group by listener_id order by 1""")
			.query((rs, row) -> rs.getString(1).replaceAll(".*\\.([A-Za-z]+\\.[a-zA-Z]+)\\(.*", "$1") + " "
					+ rs.getLong(2))
			.list();
	}

	private long incompletePublications(String listener) {
		return this.jdbc
			.sql("select count(*) from event_publication where completion_date is null and listener_id like :listener")
			.param("listener", listener)
			.query(Long.class)
			.single();
	}

	private static Answers answers() {
		Answers answers = new Answers();
		answers.put("name", "Gertrud Beispiel");
		answers.put("born", new LinkedHashMap<>(Map.of("day", "12", "month", "2", "year", "1940")));
		answers.put("died", new LinkedHashMap<>(Map.of("day", "3", "month", "1", "year", "2025")));
		answers.put("certificates",
				new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("kind", "standard", "copies", "2")),
						new LinkedHashMap<>(Map.of("kind", "international", "copies", "1")))));
		answers.put("abroad", "no");
		answers.put("email", "bench@example.org");
		answers.put("iban", "DE89 3704 0044 0532 0130 00");
		answers.put("consent", "true");
		return answers;
	}

	private void measured(String what, List<WebSession> clients, java.util.function.ToIntFunction<WebSession> request)
			throws InterruptedException {
		ServerCost cost = ServerCost.start(this.jdbc);
		List<Double> sorted = load(clients, request, RENDER_SECONDS);
		long ok = sorted.stream().filter((value) -> !value.isNaN()).count();
		report(what, clients.size(), sorted);
		System.out.println("  per request: " + cost.per(ok));
	}

	private static List<Double> load(List<WebSession> clients, java.util.function.ToIntFunction<WebSession> request,
			int seconds) throws InterruptedException {
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService threads = Executors.newFixedThreadPool(clients.size(), ServerCost.DRIVER);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		for (WebSession session : clients) {
			threads.submit(ServerCost.driver(() -> {
				while (System.nanoTime() < end) {
					long t = System.nanoTime();
					int status = request.applyAsInt(session);
					latencies.add((status == 200) ? (System.nanoTime() - t) / 1e6 : Double.NaN);
				}
			}));
		}
		threads.shutdown();
		threads.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return sorted;
	}

	private static void report(String what, int clients, List<Double> sorted) {
		long failed = sorted.stream().filter((value) -> value.isNaN()).count();
		List<Double> ok = sorted.stream().filter((value) -> !value.isNaN()).toList();
		System.out.printf(Locale.ROOT,
				"%s: %d requests in %d s = %.0f per second, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, failed %d%n", what,
				ok.size(), RENDER_SECONDS, ok.size() / (double) RENDER_SECONDS, percentile(ok, 50), percentile(ok, 95),
				percentile(ok, 99), failed);
	}

	private static double percentile(List<Double> sorted, int percent) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	/**
	 * What the server spent on a phase, independent of how loaded the machine is: CPU
	 * time of the Tomcat request threads (the load driver runs in the same JVM, on other
	 * threads), CPU time of the embedded PostgreSQL (postmaster and its backends) and the
	 * database's own counters (transactions, rows written, index and sequential scans).
	 */
	record ServerCost(JdbcClient jdbc, long requestThreadsNanos, long otherThreadsNanos, long processNanos,
			long driverAtStart, long postgresNanos, Map<String, Long> database) {

		/** Threads of the load driver, whose CPU time is not the server's. */
		static final java.util.concurrent.ThreadFactory DRIVER = new java.util.concurrent.ThreadFactory() {

			private final AtomicInteger count = new AtomicInteger();

			@Override
			public Thread newThread(Runnable work) {
				return new Thread(work, "bench-driver-" + this.count.incrementAndGet());
			}

		};

		/** CPU time of finished load-driver threads (a dead thread's time is gone). */
		private static final java.util.concurrent.atomic.LongAdder DRIVER_NANOS = new java.util.concurrent.atomic.LongAdder();

		static Runnable driver(Runnable work) {
			return () -> {
				long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
				try {
					work.run();
				}
				finally {
					DRIVER_NANOS.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - before);
				}
			};
		}

		private static final String DATABASE = """
				select d.xact_commit + d.xact_rollback as transactions, t.written, t.index_scans, t.seq_scans
				from pg_stat_database d,
				     (select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as written,
				             coalesce(sum(idx_scan), 0) as index_scans, coalesce(sum(seq_scan), 0) as seq_scans
				      from pg_stat_user_tables) t
				where d.datname = current_database()""";

		static ServerCost start(JdbcClient jdbc) {
			Map<String, Long> database = database(jdbc);
			return new ServerCost(jdbc, threads(true), threads(false), process(), driverNanos(), postgres(), database);
		}

		String per(long requests) {
			if (requests == 0) {
				return "no requests";
			}
			Map<String, Long> now = database(this.jdbc);
			long request = threads(true) - this.requestThreadsNanos;
			long other = threads(false) - this.otherThreadsNanos;
			// process CPU includes GC and JIT, but also the load driver: take it out
			long jvm = process() - this.processNanos - (driverNanos() - this.driverAtStart);
			// this query's own transaction and the statistics reads are negligible
			// against thousands of requests
			return String.format(Locale.ROOT,
					"server CPU %.2f ms in request threads + %.2f ms in other application threads (listeners, "
							+ "schedulers) = %.2f ms in the JVM incl. GC and JIT, + %.2f ms in PostgreSQL; "
							+ "%.1f transactions, %.1f rows written, %.1f index scans, %.2f sequential scans",
					request / 1e6 / requests, other / 1e6 / requests, jvm / 1e6 / requests,
					(postgres() - this.postgresNanos) / 1e6 / requests,
					(now.get("transactions") - this.database.get("transactions")) / (double) requests,
					(now.get("written") - this.database.get("written")) / (double) requests,
					(now.get("index_scans") - this.database.get("index_scans")) / (double) requests,
					(now.get("seq_scans") - this.database.get("seq_scans")) / (double) requests);
		}

		private static long process() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		/**
		 * Load driver: finished driver threads, live ones, and the HTTP client's own
		 * threads.
		 */
		private static long driverNanos() {
			long total = DRIVER_NANOS.sum();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info != null && (info.getThreadName().startsWith("HttpClient-")
						|| info.getThreadId() == Thread.currentThread().getId())) {
					total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
				}
			}
			return total;
		}

		private static Map<String, Long> database(JdbcClient jdbc) {
			// backends report their counters at the end of a transaction, at most once a
			// second
			try {
				TimeUnit.MILLISECONDS.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// each statement is its own transaction, so it sees fresh statistics
			return jdbc.sql(DATABASE)
				.query((rs, row) -> Map.of("transactions", rs.getLong(1), "written", rs.getLong(2), "index_scans",
						rs.getLong(3), "seq_scans", rs.getLong(4)))
				.single();
		}

		/**
		 * CPU of Tomcat's request threads, or of every other thread that is not the load
		 * driver's.
		 */
		private static long threads(boolean request) {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long total = 0;
			for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info == null) {
					continue;
				}
				String name = info.getThreadName();
				boolean driver = name.startsWith("bench-driver-") || name.startsWith("HttpClient-")
						|| info.getThreadId() == Thread.currentThread().getId();
				if (request ? name.startsWith("http-nio-") : !driver && !name.startsWith("http-nio-")) {
					total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
				}
			}
			return total;
		}

		private static long postgres() {
			String dataDirectory = Path.of("target/postgres-test").toAbsolutePath().toString();
			return ProcessHandle.allProcesses()
				.filter((process) -> process.info()
					.commandLine()
					.filter((line) -> line.contains(dataDirectory))
					.isPresent() && process.info().commandLine().get().contains("postgres -D"))
				.findFirst()
				.map((postmaster) -> cpu(postmaster) + postmaster.children().mapToLong(ServerCost::cpu).sum())
				.orElse(0L);
		}

		private static long cpu(ProcessHandle process) {
			// utime and stime of /proc/<pid>/stat, in clock ticks (100 per second)
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
			}
			catch (java.io.IOException | RuntimeException ex) {
				return 0;
			}
		}

	}

}
