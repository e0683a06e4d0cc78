package de.amtsweg.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's text search per org unit: a word in many of a unit's cases is read from the
 * unit's newest cases, a rare one through the text index; both give exactly the newest
 * matches of the clerk's units and never another unit's.
 */
class InboxSearchTests extends IntegrationTest {

	@Autowired
	CaseRepository cases;

	@Autowired
	JdbcClient jdbc;

	UUID municipalityId;

	UUID caseType;

	@BeforeEach
	void ids() {
		this.municipalityId = this.jdbc.sql("select id from municipality where slug = 'musterstadt'")
			.query(UUID.class)
			.single();
		this.caseType = this.jdbc.sql("select id from case_type where form_key is null and municipality_id is null")
			.query(UUID.class)
			.single();
	}

	@Test
	void aWordInMostOfTheUnitsCasesListsItsNewestMatchesFirstAndNoOtherUnits() {
		String word = word();
		UUID mine = unit();
		UUID other = unit();
		// every second of 1,500 cases; the other unit's matches are all newer
		cases(mine, 1500, 0, "mod(n, 2) = 0", word);
		cases(other, 300, 100_000, "true", word);

		assertThat(page(Set.of(mine), word, 1)).isEqualTo(expected(Set.of(mine), word, 0));
		assertThat(page(Set.of(mine), word, 3)).isEqualTo(expected(Set.of(mine), word, 50));
		assertThat(this.cases.inbox(query(Set.of(mine), word, 1), 25).total()).isEqualTo(750);

		// a case handed to the other unit is no longer the clerk's
		String newest = expected(Set.of(mine), word, 0).get(0);
		this.jdbc.sql("update case_file set org_unit_id = :u where municipality_id = :m and reference = :r")
			.param("u", other)
			.param("m", this.municipalityId)
			.param("r", newest)
			.update();
		List<String> after = page(Set.of(mine), word, 1);
		assertThat(after).doesNotContain(newest).isEqualTo(expected(Set.of(mine), word, 0));
		assertThat(this.cases.inbox(query(Set.of(mine), word, 1), 25).total()).isEqualTo(749);
		assertThat(this.cases.inbox(query(Set.of(other), word, 1), 25).total()).isEqualTo(301);
	}

	@Test
	void aRareWordIsFoundBeyondTheUnitsNewestCasesAndMergedWithACommonOne() {
		String word = word();
		UUID rare = unit();
		UUID dense = unit();
		UUID other = unit();
		// three old matches behind 1,200 newer cases without the word
		cases(rare, 1203, 0, "n <= 3", word);
		// 30 of the 40 newest cases of a second unit of the clerk
		cases(dense, 40, 50_000, "n > 10", word);
		cases(other, 50, 100_000, "true", word);

		Set<UUID> units = Set.of(rare, dense);
		List<String> first = page(units, word, 1);
		assertThat(first).hasSize(25).isEqualTo(expected(units, word, 0));
		List<String> second = page(units, word, 2);
		assertThat(second).hasSize(8).isEqualTo(expected(units, word, 25));
		assertThat(this.cases.inbox(query(units, word, 1), 25).total()).isEqualTo(33);
		assertThat(allOf(other)).doesNotContainAnyElementsOf(first).doesNotContainAnyElementsOf(second);
	}

	@Test
	void aReferenceIsFoundInAUnitFullOfOtherCases() {
		UUID mine = unit();
		cases(mine, 1100, 0, "false", word());
		String reference = this.jdbc.sql("""
				select reference from case_file where org_unit_id = :u order by submitted_at offset 7 limit 1""")
			.param("u", mine)
			.query(String.class)
			.single();

		assertThat(page(Set.of(mine), reference.toLowerCase(java.util.Locale.ROOT), 1)).containsExactly(reference);
		assertThat(page(Set.of(unit()), reference, 1)).isEmpty();
	}

	private List<String> page(Set<UUID> units, String search, int page) {
		return this.cases.inbox(query(units, search, page), 25).cases().stream().map((c) -> c.reference()).toList();
	}

	private InboxQuery query(Set<UUID> units, String search, int page) {
		return new InboxQuery(this.municipalityId, UUID.randomUUID(), units, null, true, null, null,
				InboxQuery.Assignee.ANYONE, search, page, Set.of());
	}

	/** The newest matches of the units, found without any index trick. */
	private List<String> expected(Set<UUID> units, String word, int offset) {
		return this.jdbc.sql("""
				select reference from case_file
				 where org_unit_id = any(:units) and answers ->> 'note' like '%' || :w || '%'
				 order by submitted_at desc, id offset :offset limit 25""")
			.param("units", units.toArray(UUID[]::new))
			.param("w", word)
			.param("offset", offset)
			.query(String.class)
			.list();
	}

	private List<String> allOf(UUID unit) {
		return this.jdbc.sql("select reference from case_file where org_unit_id = :u")
			.param("u", unit)
			.query(String.class)
			.list();
	}

	/** A new org unit of Musterstadt of this test alone. */
	private UUID unit() {
		String key = "suche-" + UUID.randomUUID().toString().substring(0, 8);
		return this.jdbc.sql("insert into org_unit (municipality_id, key, name) values (:m, :k, :k) returning id")
			.param("m", this.municipalityId)
			.param("k", key)
			.query(UUID.class)
			.single();
	}

	/** A word of letters only, in no other test's cases. */
	private static String word() {
		StringBuilder word = new StringBuilder("suchwort");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/**
	 * Cases 1..count of a unit, case n submitted n minutes after the start (so higher n
	 * is newer); those matching the condition on n have the word in their answers.
	 */
	private void cases(UUID unit, int count, int startMinute, String withWord, String word) {
		// references of a year no real case has, numbered from a random base
		long base = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L) * 10_000;
		this.jdbc
			.sql("""
					insert into case_file (municipality_id, reference, submission_id, submission_reference, case_type_id,
					    form_key, form_version, title_de, title_en, org_unit_id, applicant_name, answers, status,
					    access_code, submitted_at, deadline)
					select :m, 'VG-2199-' || (:base + n), gen_random_uuid(), 'SU-' || (:base + n), :type, 'suche', 1,
					       'Suche', 'Search', :unit, 'Suche Person' || n,
					       jsonb_build_object('note', case when %s then 'Es geht um ' || :w else 'Nichts davon' end),
					       'RECEIVED', 'code' || n || 'abcdefgh', cast(:start as timestamptz) + n * interval '1 minute', date '2026-12-31'
					  from generate_series(1, :count) n"""
				.formatted(withWord))
			.param("m", this.municipalityId)
			.param("base", base)
			.param("type", this.caseType)
			.param("unit", unit)
			.param("w", word)
			.param("start",
					java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(startMinute * 60L)))
			.param("count", count)
			.update();
	}

}
