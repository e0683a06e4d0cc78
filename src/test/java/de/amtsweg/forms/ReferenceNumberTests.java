package de.amtsweg.forms;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.Applicant;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference numbers of submissions: unique and well-formed, drawn without a lock to
 * commit.
 */
class ReferenceNumberTests extends IntegrationTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	FormDefinitions definitions;

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentSubmissionsInTwoMunicipalitiesGetUniqueWellFormedNumbers() throws Exception {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		Municipality beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow();
		String ours = TestForms.publish(this.definitions, musterstadt.id(), TestForms.DEATH_CERTIFICATE, "nummer");
		String theirs = TestForms.publish(this.definitions, beispielheim.id(), TestForms.DEATH_CERTIFICATE, "nummer");
		int year = LocalDate.now(this.clock).getYear();
		List<Callable<String>> submissions = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Municipality municipality = (i % 2 == 0) ? musterstadt : beispielheim;
			String key = (i % 2 == 0) ? ours : theirs;
			Draft draft = filledDraft(municipality, key);
			submissions.add(() -> submit(municipality, key, draft));
		}
		ExecutorService threads = Executors.newFixedThreadPool(6);
		List<String> references = new ArrayList<>();
		try {
			for (Future<String> reference : threads.invokeAll(submissions)) {
				references.add(reference.get());
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(references).doesNotHaveDuplicates().hasSize(12);
		assertThat(references.stream().filter((reference) -> reference.startsWith("MUS-" + year + "-"))).hasSize(6)
			.allMatch((reference) -> reference.matches("MUS-\\d{4}-\\d{6,}"));
		assertThat(references.stream().filter((reference) -> reference.startsWith("BEI-" + year + "-"))).hasSize(6)
			.allMatch((reference) -> reference.matches("BEI-\\d{4}-\\d{6,}"));
	}

	@Test
	void theNewYearGetsItsOwnNumbers() {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		String key = TestForms.publish(this.definitions, musterstadt.id(), TestForms.DEATH_CERTIFICATE, "jahr");
		int year = LocalDate.now(this.clock).getYear();
		ZonedDateTime newYearsEve = ZonedDateTime.of(year, 12, 31, 23, 59, 0, 0, BERLIN);
		this.clock.advance(Duration.between(this.clock.instant(), newYearsEve.toInstant()));
		String old = submit(musterstadt, key, filledDraft(musterstadt, key));
		this.clock.advance(Duration.ofMinutes(2));
		String fresh = submit(musterstadt, key, filledDraft(musterstadt, key));
		String after = submit(musterstadt, key, filledDraft(musterstadt, key));

		assertThat(old).matches("MUS-" + year + "-\\d{6,}");
		assertThat(fresh).matches("MUS-" + (year + 1) + "-\\d{6,}");
		assertThat(after).matches("MUS-" + (year + 1) + "-\\d{6,}");
		assertThat(number(after)).isGreaterThan(number(fresh));
	}

	@Test
	void aYearsSequenceStartsAfterTheNumbersTheOldCounterIssued() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		// a year no other test reaches; the counter row stands for numbers issued before
		// the sequences
		int year = 2990;
		this.jdbc.sql("insert into form_reference_counter (municipality_id, year, last_number) values (:m, :y, 41)")
			.param("m", musterstadt)
			.param("y", year)
			.update();
		assertThat(next(musterstadt, year)).isEqualTo(42);
		assertThat(next(musterstadt, year)).isEqualTo(43);
	}

	@Test
	void theFirstNumbersOfAYearDrawnConcurrentlyAreAllDifferent() throws Exception {
		// every caller may find the sequence missing and try to create it
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		int year = 2991;
		List<Callable<Long>> draws = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			draws.add(() -> next(beispielheim, year));
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Long> numbers = new ArrayList<>();
		try {
			for (Future<Long> number : threads.invokeAll(draws)) {
				numbers.add(number.get());
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(numbers).doesNotHaveDuplicates().allMatch((number) -> number >= 1 && number <= 40);
	}

	private long next(UUID municipality, int year) {
		return this.jdbc.sql("select form_next_reference(:m, :y)")
			.param("m", municipality)
			.param("y", year)
			.query(Long.class)
			.single();
	}

	private static long number(String reference) {
		return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
	}

	private Draft filledDraft(Municipality municipality, String key) {
		return SystemActor.call(() -> {
			Draft draft = this.filling.start(municipality, key, null);
			Applicant guest = guest(draft);
			FormFilling.Loaded loaded = this.filling.load(municipality, key, draft.id(), guest);
			Answers answers = loaded.draft().answers();
			answers.put("name", "Gertrud Beispiel");
			answers.put("born", new LinkedHashMap<>(Map.of("day", "12", "month", "2", "year", "1940")));
			answers.put("died", new LinkedHashMap<>(Map.of("day", "3", "month", "11", "year", "2025")));
			answers.put("certificates",
					new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("kind", "standard", "copies", "1")))));
			answers.put("abroad", "no");
			answers.put("email", "nummer-" + UUID.randomUUID() + "@example.org");
			answers.put("iban", "DE89370400440532013000");
			answers.put("consent", "true");
			this.filling.save(loaded, answers);
			return draft;
		});
	}

	private String submit(Municipality municipality, String key, Draft draft) {
		return SystemActor.call(() -> this.filling
			.submit(municipality, key, draft.id(), draft.idempotencyKey(), guest(draft), Locale.GERMAN)
			.reference());
	}

	private static Applicant guest(Draft draft) {
		return new Applicant(null, Set.of(draft.id()), Set.of());
	}

}
