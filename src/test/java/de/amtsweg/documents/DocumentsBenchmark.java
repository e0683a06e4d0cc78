package de.amtsweg.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import de.amtsweg.documents.internal.SearchPlans;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-text search over 100,000 documents (run by {@code bench/documents.sh}; its name
 * keeps it out of {@code ./mvnw verify}). Files and documents are generated with
 * {@code generate_series} over all org units of Musterstadt, each version with about 300
 * words of German administrative prose drawn from a vocabulary, indexed like an upload's
 * extracted text; then the search page is requested over real HTTP by a clerk of one org
 * unit and the latencies' percentiles are printed. Timings never fail the run.
 */
class DocumentsBenchmark extends IntegrationTest {

	private static final int DOCUMENTS = Integer.getInteger("bench.documents", 100_000);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

	private static final String VOCABULARY = """
			Antrag Bescheid Widerspruch Baugenehmigung Bauvorhaben Grundstück Flurstück Gemarkung Bebauungsplan
			Nutzungsänderung Carport Garage Einfriedung Abstandsfläche Nachbar Anhörung Frist Gebühren Gebühr
			Verwaltungsgebühr Hundesteuer Zweitwohnungsteuer Gewerbeanmeldung Gewerbeuntersagung Meldebescheinigung
			Personalausweis Reisepass Geburtsurkunde Eheschließung Sterbeurkunde Standesamt Bürgerbüro Ordnungsamt
			Bauamt Kindertagesstätte Betreuungsplatz Elternbeitrag Ermäßigung Einkommen Nachweis Unterlagen Anlage
			Vollmacht Unterschrift Zustellung Rechtsbehelfsbelehrung Verwaltungsakt Ermessen Begründung Entscheidung
			Genehmigung Ablehnung Auflage Bedingung Sondernutzung Gehweg Straße Parkplatz Bewohnerparkausweis
			Lärmbelästigung Ruhestörung Sperrmüll Abfall Winterdienst Schneeräumung Baum Fällgenehmigung Denkmalschutz
			Feuerwehr Brandschutz Veranstaltung Sondergenehmigung Markt Stadtfest Ausschank Gaststätte Erlaubnis
			Zuständigkeit Sachbearbeitung Vorgang Aktenzeichen Schreiben Eingang Posteingang Rückfrage Stellungnahme
			Gutachten Vermessung Statik Bauherr Architekt Eigentümer Mieter Erbbaurecht Grundbuch Kaufvertrag
			Vorkaufsrecht Satzung Gemeinderat Beschluss Haushalt Zuschuss Förderung Verein Sportplatz Friedhof
			Grabstätte Nutzungsrecht Verlängerung Ruhefrist und der die das mit für auf bei nach wegen gemäß sowie
			Sehr geehrte Damen Herren hiermit beantrage ich bitte um Prüfung vom im Rahmen des Verfahrens
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void searchOverAHundredThousandDocuments() {
		long started = System.nanoTime();
		generate();
		System.out.printf("generated %,d documents in %.1f s%n", DOCUMENTS, (System.nanoTime() - started) / 1e9);

		System.out.println("load average: " + loadAverage());
		WebSession clerk = newSession().signInAsStaff("bauamt@musterstadt.example");
		UUID municipalityId = this.jdbc.sql("select id from municipality where slug = 'musterstadt'")
			.query(UUID.class)
			.single();
		Set<UUID> units = new HashSet<>(this.jdbc.sql("""
				select r.org_unit_id from staff_role r join staff_account s on s.id = r.staff_id
				 where lower(s.email) = 'bauamt@musterstadt.example' and r.org_unit_id is not null""")
			.query(UUID.class)
			.list());
		if (!Boolean.getBoolean("bench.noPlans")) {
			for (String word : List.of("Antrag", "Vorkaufsrecht", "Carport Nachbar", "Zeppelinlandeplatz")) {
				System.out.println("\n=== plan now (per unit: newest versions, else the unit's text index): " + word);
				System.out.print(SearchPlans.explain(this.jdbc, municipalityId, units, word));
			}
			if (Boolean.getBoolean("bench.plansBefore")) {
				// session 4's statement with session 4's index, in a transaction that is
				// rolled back
				for (String word : List.of("Antrag", "Zeppelinlandeplatz")) {
					System.out.println("\n=== plan before (text index over the municipality, then the unit): " + word);
					System.out
						.print(SearchPlans.explainBefore(this.jdbc, this.transactions, municipalityId, units, word));
				}
			}
		}
		measure("rare word (Vorkaufsrecht)", () -> clerk.get("/intern/akten/suche?q=Vorkaufsrecht"));
		measure("common word (Antrag)", () -> clerk.get("/intern/akten/suche?q=Antrag"));
		measure("stemmed form (Gebühren)", () -> clerk.get("/intern/akten/suche?q=Geb%C3%BChren"));
		measure("two words (Carport Nachbar)", () -> clerk.get("/intern/akten/suche?q=Carport+Nachbar"));
		measure("phrase (\"Rechtsbehelfsbelehrung Frist\")",
				() -> clerk.get("/intern/akten/suche?q=%22Rechtsbehelfsbelehrung+Frist%22"));
		measure("common word, page 5", () -> clerk.get("/intern/akten/suche?q=Antrag&seite=5"));
		measure("no hit (Zeppelinlandeplatz)", () -> clerk.get("/intern/akten/suche?q=Zeppelinlandeplatz"));
		System.out.println("load average: " + loadAverage());
	}

	private void measure(String label, Supplier<WebSession.Page> request) {
		for (int i = 0; i < 20; i++) {
			assertThat(request.get().status()).as(label).isEqualTo(200);
		}
		List<Double> millis = new ArrayList<>();
		long cpuBefore = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
		for (int i = 0; i < ROUNDS; i++) {
			long begin = System.nanoTime();
			WebSession.Page page = request.get();
			millis.add((System.nanoTime() - begin) / 1e6);
			assertThat(page.status()).as(label).isEqualTo(200);
		}
		double cpu = (((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() - cpuBefore) / 1e6 / ROUNDS;
		Collections.sort(millis);
		System.out.printf(
				"%-36s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   JVM cpu/request %5.1f ms   (%d requests)%n", label,
				percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), cpu, ROUNDS);
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

	private static double percentile(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private void generate() {
		String[] words = VOCABULARY.strip().split("\\s+");
		int files = Math.max(1, DOCUMENTS / 20);
		this.jdbc.sql("""
				with units as (select row_number() over (order by id) - 1 as i, id, municipality_id from org_unit
				                where municipality_id = (select id from municipality where slug = 'musterstadt')),
				     unit_count as (select count(*) as c from units)
				insert into document_file (municipality_id, org_unit_id, title, created_at)
				select u.municipality_id, u.id, 'Bench-Akte ' || n, now() - (n % 1000) * interval '1 day'
				  from generate_series(1, :files) n cross join unit_count join units u on u.i = n % unit_count.c""")
			.param("files", files)
			.update();
		this.jdbc
			.sql("""
					insert into document (file_id, type, title, correspondent, document_date, created_at)
					select f.id, (array['LETTER_IN','LETTER_OUT','NOTE','NOTICE','APPLICATION'])[1 + n % 5],
					       'Bench-Dokument ' || n, 'Absender ' || (n % 500), current_date - (n % 1000), now()
					  from (select id, row_number() over (order by id) as r from document_file where title like 'Bench-Akte %') f
					  join generate_series(1, :count) n on f.r = 1 + n % :files""")
			.param("count", DOCUMENTS)
			.param("files", files)
			.update();
		this.jdbc.sql("""
				insert into document_version (document_id, version, blob, file_name, content_type, size, created_at,
				    created_by, content, extracted_at, municipality_id, org_unit_id)
				select d.id, 1, md5(d.id::text) || md5(d.title), 'dokument.txt', 'text/plain', 3000, now(), 'bench',
				       (select string_agg(w.words[1 + floor(random() * array_length(w.words, 1))::int + 0 * g], ' ')
				          from generate_series(1, 300) g where g > 0 and d.id is not null), now(),
				       f.municipality_id, f.org_unit_id
				  from document d join document_file f on f.id = d.file_id
				  cross join (select cast(:words as text[]) as words) w
				 where d.title like 'Bench-Dokument %'""").param("words", words).update();
		this.jdbc.sql("analyze document_file").update();
		this.jdbc.sql("analyze document").update();
		this.jdbc.sql("analyze document_version").update();
		// what the migration's index build costs at this size
		long started = System.nanoTime();
		this.jdbc.sql("reindex index document_version_unit_search_idx").update();
		System.out.printf("rebuilt document_version_unit_search_idx in %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

}
