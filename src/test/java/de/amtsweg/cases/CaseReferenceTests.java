package de.amtsweg.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Case reference numbers come from a sequence per municipality and year. */
class CaseReferenceTests extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void numbersDrawnConcurrentlyInTwoMunicipalitiesNeverRepeatWithinOne() throws Exception {
		// a year no other test reaches: every caller may find the sequence missing and
		// try to create it
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		int year = 2992;
		List<Callable<long[]>> draws = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			UUID municipality = (i % 2 == 0) ? musterstadt : beispielheim;
			draws.add(() -> new long[] { (municipality == musterstadt) ? 0 : 1, next(municipality, year) });
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Long> ours = new ArrayList<>();
		List<Long> theirs = new ArrayList<>();
		try {
			for (Future<long[]> draw : threads.invokeAll(draws)) {
				(draw.get()[0] == 0 ? ours : theirs).add(draw.get()[1]);
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(ours).hasSize(30).doesNotHaveDuplicates().allMatch((number) -> number >= 1 && number <= 30);
		assertThat(theirs).hasSize(30).doesNotHaveDuplicates().allMatch((number) -> number >= 1 && number <= 30);
	}

	@Test
	void aYearsSequenceStartsAfterTheNumbersTheOldCounterIssued() {
		UUID beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow().id();
		int year = 2993;
		this.jdbc.sql("insert into case_reference_counter (municipality_id, year, last_number) values (:m, :y, 7)")
			.param("m", beispielheim)
			.param("y", year)
			.update();
		assertThat(next(beispielheim, year)).isEqualTo(8);
		assertThat(next(beispielheim, year)).isEqualTo(9);
	}

	private long next(UUID municipality, int year) {
		return this.jdbc.sql("select case_next_reference(:m, :y)")
			.param("m", municipality)
			.param("y", year)
			.query(Long.class)
			.single();
	}

}
