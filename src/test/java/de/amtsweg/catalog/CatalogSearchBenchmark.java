package de.amtsweg.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import de.amtsweg.catalog.internal.Csv;
import de.amtsweg.catalog.internal.FinderCache;
import de.amtsweg.catalog.internal.LeikaKeys;
import de.amtsweg.catalog.internal.SearchText;
import de.amtsweg.catalog.internal.Slugs;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search benchmark behind the finder's design (run by
 * {@code bench/catalog/search-bench.sh}; its name keeps it out of {@code ./mvnw verify}).
 * It compares four approaches on the realistic queries of {@code search-queries.csv}: hit
 * rate on the demo catalogue and on the demo catalogue plus the LeiKa list of the OZG
 * database (about 5,000 services, as distractors), latency percentiles in process, and
 * the throughput of the finder API over 600 services in each of 10 municipalities. It
 * prints its figures and asserts nothing about time.
 */
class CatalogSearchBenchmark extends IntegrationTest {

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

	private static final int THROUGHPUT_SECONDS = Integer.getInteger("bench.seconds", 20);

	private static final int CLIENT_THREADS = Integer.getInteger("bench.threads", 4);

	@Autowired
	ServiceFinder finder;

	@Autowired
	CatalogTransfer transfer;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FinderCache cache;

	private final Map<String, BiFunction<UUID, String, List<String>>> approaches = new LinkedHashMap<>();

	@Test
	void compareSearchApproaches() throws Exception {
		// the approaches are compared without the finder's result cache; the load test
		// runs
		// both ways
		Duration configured = this.cache.timeToLive().orElse(Duration.ofMinutes(2));
		this.cache.setTimeToLive(Duration.ZERO);
		prepareAlternatives();
		this.approaches.put("A plain german tsvector", this::plain);
		this.approaches.put("B prefix tsquery + trigram name fallback", this::prefixAndTrigram);
		this.approaches.put("C trigram word_similarity only", this::trigramOnly);
		this.approaches.put("D finder: prefix + compounds + synonyms + correction", this::finder);
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		List<SearchQueries> queries = SearchQueries.all();

		System.out.println();
		System.out.println("Catalogue search benchmark (" + queries.size() + " queries, "
				+ Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage() + ")");
		System.out.println();
		System.out.println("1. Demo catalogue of Musterstadt (" + offered(musterstadt) + " services)");
		report(musterstadt, queries);

		int imported = importLeika();
		adoptAll(musterstadt);
		refreshAlternatives();
		System.out.println();
		System.out.println("2. Demo catalogue plus " + imported + " LeiKa services (" + offered(musterstadt)
				+ " services in Musterstadt)");
		report(musterstadt, queries);

		System.out.println();
		List<Municipality> ten = tenMunicipalities(600);
		System.out.println("3. Finder API (GET /api/v1/finder) under load: 10 municipalities x 600 services, "
				+ CLIENT_THREADS + " client threads in the same JVM, " + THROUGHPUT_SECONDS + " s each");
		System.out.print("   without result cache: ");
		throughput(ten, queries);
		this.cache.setTimeToLive(configured);
		System.out.print("   with result cache (" + configured + "): ");
		throughput(ten, queries);
		System.out.println("   load average at the end: " + loadAverage());
		System.out.println();
	}

	// The approaches

	private List<String> finder(UUID municipality, String query) {
		return this.finder.search(municipality, query, null, false, 10)
			.hits()
			.stream()
			.map(ServiceSummary::slug)
			.toList();
	}

	private List<String> plain(UUID municipality, String query) {
		return this.jdbc.sql("""
				select s.slug from catalog_offering o join catalog_service s on s.id = o.service_id,
				       plainto_tsquery('german', :q) q
				where o.municipality_id = :m and s.bench_plain @@ q
				order by ts_rank(s.bench_plain, q) desc, s.sort_name limit 10""")
			.param("m", municipality)
			.param("q", query)
			.query(String.class)
			.list();
	}

	private List<String> prefixAndTrigram(UUID municipality, String query) {
		List<String> words = SearchText.words(query).stream().filter((w) -> w.length() >= 2).toList();
		if (words.isEmpty()) {
			return List.of();
		}
		String tsQuery = words.stream().map((w) -> w + ":*").collect(Collectors.joining(" & "));
		List<String> hits = new ArrayList<>(this.jdbc.sql("""
				select s.slug from catalog_offering o join catalog_service s on s.id = o.service_id,
				       to_tsquery('german', :q) q
				where o.municipality_id = :m and s.bench_plain @@ q
				order by ts_rank(s.bench_plain, q) desc, s.sort_name limit 10""")
			.param("m", municipality)
			.param("q", tsQuery)
			.query(String.class)
			.list());
		if (hits.size() < 3) {
			for (String slug : trigram(municipality, String.join(" ", words))) {
				if (!hits.contains(slug) && hits.size() < 10) {
					hits.add(slug);
				}
			}
		}
		return hits;
	}

	private List<String> trigramOnly(UUID municipality, String query) {
		return trigram(municipality, String.join(" ", SearchText.words(query)));
	}

	private List<String> trigram(UUID municipality, String text) {
		return this.jdbc.sql("""
				select s.slug from catalog_offering o join catalog_service s on s.id = o.service_id
				where o.municipality_id = :m and :t <% s.bench_names
				order by word_similarity(:t, s.bench_names) desc, s.sort_name limit 10""")
			.param("m", municipality)
			.param("t", text)
			.query(String.class)
			.list();
	}

	private void prepareAlternatives() {
		this.jdbc.sql("alter table catalog_service add column if not exists bench_plain tsvector").update();
		this.jdbc.sql("alter table catalog_service add column if not exists bench_names text").update();
		this.jdbc.sql("create index if not exists bench_plain_idx on catalog_service using gin (bench_plain)").update();
		this.jdbc
			.sql("create index if not exists bench_names_idx on catalog_service using gin (bench_names gin_trgm_ops)")
			.update();
		refreshAlternatives();
	}

	/**
	 * The same texts the finder indexes (names, keywords, activities, summary,
	 * description), in the plain forms the other approaches use.
	 */
	private void refreshAlternatives() {
		this.jdbc
			.sql("""
					update catalog_service s set
					  bench_plain = to_tsvector('german', s.name_de || ' ' || s.name_en || ' ' || array_to_string(s.keywords, ' ')
					      || ' ' || coalesce((select string_agg(a.name_de, ' ') from catalog_activity a where a.service_id = s.id), '')
					      || ' ' || s.summary_de || ' ' || s.description_de),
					  bench_names = lower(unaccent(s.name_de || ' ' || s.name_en || ' ' || array_to_string(s.keywords, ' ')))""")
			.update();
		this.jdbc.sql("analyze catalog_service").update();
		this.jdbc.sql("analyze catalog_offering").update();
	}

	// The data

	private int offered(UUID municipality) {
		return this.jdbc.sql("select count(*) from catalog_offering where municipality_id = :m")
			.param("m", municipality)
			.query(Integer.class)
			.single();
	}

	/**
	 * Imports the LeiKa list into the district's shared catalogue, leaving out what the
	 * import rightly refuses (test rows, activities without their service) and what the
	 * demo catalogue already has.
	 */
	private int importLeika() throws Exception {
		Path file = Path
			.of(System.getenv().getOrDefault("LEIKA_CSV", "../shared/fixtures/ozg/leika_leistungen_kdn_nrw_2019.csv"));
		String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
				: new String(CatalogFixtures.resource("leika-excerpt.csv"), StandardCharsets.UTF_8);
		if (!Files.exists(file)) {
			System.out.println("   (LeiKa list not found at " + file + ", set LEIKA_CSV; using the test excerpt)");
		}
		UUID district = CatalogFixtures.musterkreis(this.municipalities).id();
		Set<String> takenKeys = new HashSet<>(
				this.jdbc.sql("select leika_key from catalog_service where leika_key is not null")
					.query(String.class)
					.list());
		Set<String> takenSlugs = new HashSet<>(
				this.jdbc.sql("select slug from catalog_service").query(String.class).list());
		List<List<String>> records = Csv.parse(text);
		List<List<String>> kept = new ArrayList<>();
		kept.add(records.get(0));
		Set<String> serviceKeys = new HashSet<>();
		Set<String> names = new HashSet<>();
		for (List<String> row : records.subList(1, records.size())) {
			String key = row.get(0).strip();
			if (LeikaKeys.isValid(key) && !LeikaKeys.isActivity(key) && !takenKeys.contains(key)
					&& serviceKeys.add(key)) {
				kept.add(row);
				takenSlugs.add(Slugs.of(row.get(1)));
			}
		}
		// services without key need a name no other service has: only the key tells two
		// apart
		for (List<String> row : records.subList(1, records.size())) {
			String name = row.get(1).strip();
			if (row.get(0).strip().equalsIgnoreCase("nicht im LeiKa") && names.add(name.toLowerCase(Locale.GERMAN))
					&& takenSlugs.add(Slugs.of(name))) {
				kept.add(row);
			}
		}
		Set<String> activityKeys = new HashSet<>();
		for (List<String> row : records.subList(1, records.size())) {
			String key = row.get(0).strip();
			if (LeikaKeys.isActivity(key) && serviceKeys.contains(LeikaKeys.serviceOf(key)) && activityKeys.add(key)) {
				kept.add(row);
			}
		}
		StringBuilder csv = new StringBuilder();
		kept.forEach((row) -> csv.append(Csv.line(row, ',')));
		long start = System.nanoTime();
		ImportReport report = SystemActor.call(() -> this.transfer.importCatalog(CatalogScope.district(district),
				"leika.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null));
		if (!report.stored()) {
			throw new IllegalStateException(
					"LeiKa import refused: " + report.problems().subList(0, Math.min(10, report.problems().size())));
		}
		System.out.printf(Locale.ROOT, "   imported %d services with %d activities in %.1f s%n",
				report.servicesCreated(), report.activitiesCreated(), (System.nanoTime() - start) / 1e9);
		return report.servicesCreated();
	}

	private void adoptAll(UUID municipality) {
		this.jdbc
			.sql("""
					insert into catalog_offering (municipality_id, service_id, org_unit_id)
					select m.id, s.id, (select id from org_unit where municipality_id = m.id and key = 'hauptamt')
					from catalog_service s join municipality m on m.id = :m and s.district_id = m.district_id
					where not exists (select 1 from catalog_offering o where o.municipality_id = m.id and o.service_id = s.id)""")
			.param("m", municipality)
			.update();
	}

	private List<Municipality> tenMunicipalities(int services) {
		UUID district = CatalogFixtures.musterkreis(this.municipalities).id();
		List<UUID> shared = this.jdbc.sql("select id from catalog_service where district_id = :d order by id")
			.param("d", district)
			.query(UUID.class)
			.list();
		List<UUID> demo = this.jdbc.sql("""
				select o.service_id from catalog_offering o join municipality m on m.id = o.municipality_id
				where m.slug = 'musterstadt'""").query(UUID.class).list();
		List<Municipality> created = new ArrayList<>();
		Random random = new Random(42);
		for (int i = 0; i < 10; i++) {
			Municipality municipality = CatalogFixtures.municipality(this.municipalities, this.orgUnits, district);
			UUID unit = this.orgUnits.byKey(municipality.id(), "hauptamt").orElseThrow().id();
			List<UUID> pick = new ArrayList<>(shared.stream().filter(demo::contains).toList());
			List<UUID> others = new ArrayList<>(shared.stream().filter((id) -> !demo.contains(id)).toList());
			Collections.shuffle(others, random);
			pick.addAll(others.subList(0, Math.max(0, Math.min(others.size(), services - pick.size()))));
			for (UUID service : pick) {
				this.jdbc
					.sql("insert into catalog_offering (municipality_id, service_id, org_unit_id) values (:m, :s, :u)")
					.param("m", municipality.id())
					.param("s", service)
					.param("u", unit)
					.update();
			}
			created.add(municipality);
		}
		this.jdbc.sql("analyze catalog_offering").update();
		return created;
	}

	// The figures

	private void report(UUID municipality, List<SearchQueries> queries) {
		System.out.printf(Locale.ROOT, "   %-52s %7s %7s %8s %8s %8s%n", "approach", "top-1", "top-3", "p50 ms",
				"p95 ms", "p99 ms");
		for (Map.Entry<String, BiFunction<UUID, String, List<String>>> approach : this.approaches.entrySet()) {
			int first = 0;
			int topThree = 0;
			List<String> misses = new ArrayList<>();
			for (SearchQueries query : queries) {
				List<String> hits = approach.getValue().apply(municipality, query.query());
				if (!hits.isEmpty() && hits.get(0).equals(query.expected())) {
					first++;
				}
				if (hits.subList(0, Math.min(3, hits.size())).contains(query.expected())) {
					topThree++;
				}
				else {
					misses.add(query.query());
				}
			}
			List<Double> latencies = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				for (SearchQueries query : queries) {
					long start = System.nanoTime();
					approach.getValue().apply(municipality, query.query());
					latencies.add((System.nanoTime() - start) / 1e6);
				}
			}
			Collections.sort(latencies);
			System.out.printf(Locale.ROOT, "   %-52s %6.0f%% %6.0f%% %8.2f %8.2f %8.2f%n", approach.getKey(),
					100.0 * first / queries.size(), 100.0 * topThree / queries.size(), percentile(latencies, 50),
					percentile(latencies, 95), percentile(latencies, 99));
			if (!misses.isEmpty()) {
				System.out
					.println("      not in top 3: " + String.join(", ", misses.subList(0, Math.min(12, misses.size())))
							+ ((misses.size() > 12) ? ", …" : ""));
			}
		}
	}

	private void throughput(List<Municipality> municipalities, List<SearchQueries> queries) throws Exception {
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENT_THREADS)).build();
		List<String> urls = new ArrayList<>();
		for (Municipality municipality : municipalities) {
			for (SearchQueries query : queries) {
				urls.add(baseUrl() + "/api/v1/finder?municipality=" + municipality.ags().value() + "&q="
						+ URLEncoder.encode(query.query(), StandardCharsets.UTF_8));
			}
		}
		// warm up
		for (int i = 0; i < 300; i++) {
			send(client, urls.get(i % urls.size()));
		}
		ExecutorService threads = Executors.newFixedThreadPool(CLIENT_THREADS);
		List<List<Double>> perThread = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THROUGHPUT_SECONDS);
		int[] errors = new int[CLIENT_THREADS];
		for (int t = 0; t < CLIENT_THREADS; t++) {
			List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
			perThread.add(latencies);
			int thread = t;
			threads.submit(() -> {
				Random random = new Random(thread);
				while (System.nanoTime() < deadline) {
					long start = System.nanoTime();
					int status = send(client, urls.get(random.nextInt(urls.size())));
					latencies.add((System.nanoTime() - start) / 1e6);
					if (status != 200) {
						errors[thread]++;
					}
				}
			});
		}
		threads.shutdown();
		threads.awaitTermination(THROUGHPUT_SECONDS + 30, TimeUnit.SECONDS);
		List<Double> all = new ArrayList<>();
		perThread.forEach(all::addAll);
		Collections.sort(all);
		System.out.printf(Locale.ROOT,
				"   %d requests, %.0f requests/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors%n", all.size(),
				all.size() / (double) THROUGHPUT_SECONDS, percentile(all, 50), percentile(all, 95), percentile(all, 99),
				Arrays.stream(errors).sum());
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	private static int send(HttpClient client, String url) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static double percentile(List<Double> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

}
