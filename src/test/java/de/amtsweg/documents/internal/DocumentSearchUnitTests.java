package de.amtsweg.documents.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The e-file search per org unit: the unit each version carries follows its file, a word
 * in most documents ranks the newest matches, a rare one is found however old, and no
 * reader sees another unit's documents.
 */
class DocumentSearchUnitTests extends IntegrationTest {

	@Autowired
	DocumentSearch search;

	@Autowired
	JdbcClient jdbc;

	UUID municipalityId;

	@BeforeEach
	void municipality() {
		this.municipalityId = this.jdbc.sql("select id from municipality where slug = 'musterstadt'")
			.query(UUID.class)
			.single();
	}

	@Test
	void aFileMovedToAnotherUnitTakesItsDocumentsAlong() {
		String word = word();
		UUID from = unit();
		UUID to = unit();
		UUID file = file(from);
		documents(file, 3, 0, "true", word);

		assertThat(this.search.find(this.municipalityId, Set.of(from), word, 1)).hasSize(3);
		this.jdbc.sql("update document_file set org_unit_id = :u where id = :f")
			.param("u", to)
			.param("f", file)
			.update();

		assertThat(this.search.find(this.municipalityId, Set.of(from), word, 1)).isEmpty();
		assertThat(this.search.find(this.municipalityId, Set.of(to), word, 1)).hasSize(3);
		// a version cannot claim another unit than its file's
		assertThatThrownBy(() -> this.jdbc
			.sql("update document_version set org_unit_id = :u where document_id in"
					+ " (select id from document where file_id = :f)")
			.param("u", from)
			.param("f", file)
			.update()).hasMessageContaining("org unit");
	}

	@Test
	void aWordInMostDocumentsRanksItsNewestMatchesAndNoOtherUnits() {
		String word = word();
		UUID mine = unit();
		UUID other = unit();
		UUID file = file(mine);
		// 450 documents with the word; the newest 200 are ranked, and the 20 newest of
		// those say it three times
		documents(file, 430, 0, "true", word);
		documents(file, 20, 1000, "true", word + " " + word + " " + word);
		documents(file(other), 50, 5000, "true", word + " " + word + " " + word + " " + word);

		List<DocumentSearch.Hit> first = this.search.find(this.municipalityId, Set.of(mine), word, 1);
		assertThat(first).hasSize(DocumentSearch.PAGE_SIZE + 1);
		List<UUID> newest = newest(Set.of(mine), DocumentSearch.RANK_WINDOW);
		assertThat(first).allSatisfy((hit) -> assertThat(newest).contains(hit.documentId()));
		assertThat(first.subList(0, 20)).allSatisfy((hit) -> assertThat(hit.title()).startsWith("Dreifach"));
		List<UUID> all = new java.util.ArrayList<>();
		for (int page = 1; page <= 11; page++) {
			this.search.find(this.municipalityId, Set.of(mine), word, page)
				.stream()
				.limit(DocumentSearch.PAGE_SIZE)
				.forEach((hit) -> all.add(hit.documentId()));
		}
		assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(newest);
	}

	@Test
	void aRareWordIsFoundBehindTheUnitsNewestDocuments() {
		String word = word();
		UUID mine = unit();
		UUID file = file(mine);
		documents(file, 3, 0, "true", word);
		documents(file, 500, 100, "true", "Ohne das gesuchte Wort");

		assertThat(this.search.find(this.municipalityId, Set.of(mine), word, 1)).hasSize(3)
			.allSatisfy((hit) -> assertThat(hit.passageText()).contains(word));
		assertThat(this.search.find(this.municipalityId, Set.of(mine, unit()), word, 1)).hasSize(3);
		assertThat(this.search.find(this.municipalityId, Set.of(unit()), word, 1)).isEmpty();
	}

	private List<UUID> newest(Set<UUID> units, int count) {
		return this.jdbc.sql("""
				select d.id from document d join document_file f on f.id = d.file_id
				 where f.org_unit_id = any(:units) order by d.created_at desc limit :count""")
			.param("units", units.toArray(UUID[]::new))
			.param("count", count)
			.query(UUID.class)
			.list();
	}

	private UUID unit() {
		String key = "akten-" + UUID.randomUUID().toString().substring(0, 8);
		return this.jdbc.sql("insert into org_unit (municipality_id, key, name) values (:m, :k, :k) returning id")
			.param("m", this.municipalityId)
			.param("k", key)
			.query(UUID.class)
			.single();
	}

	private UUID file(UUID unit) {
		return this.jdbc.sql("""
				insert into document_file (municipality_id, org_unit_id, title, created_at)
				values (:m, :u, 'Suchakte', now()) returning id""")
			.param("m", this.municipalityId)
			.param("u", unit)
			.query(UUID.class)
			.single();
	}

	/**
	 * Documents 1..count of a file, document n created n seconds after the start (higher
	 * n is newer), each with one version saying the text; titled "Dreifach" when the text
	 * says a word three times.
	 */
	private void documents(UUID file, int count, int startSecond, String condition, String text) {
		Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(startSecond);
		String title = text.split(" ").length == 3 ? "Dreifach" : "Dokument";
		this.jdbc
			.sql("""
					insert into document (file_id, type, title, document_date, created_at)
					select :file, 'NOTE', :title || ' ' || n, date '2026-01-01', cast(:start as timestamptz) + n * interval '1 second'
					  from generate_series(1, :count) n where %s"""
				.formatted(condition))
			.param("file", file)
			.param("title", title)
			.param("start", java.sql.Timestamp.from(start))
			.param("count", count)
			.update();
		this.jdbc
			.sql("""
					insert into document_version (document_id, version, blob, file_name, content_type, size, created_at,
					    created_by, content, extracted_at, municipality_id, org_unit_id)
					select d.id, 1, md5(d.id::text) || md5(d.id::text), 'v.txt', 'text/plain', 10, d.created_at, 'test',
					       'Ein Vermerk: ' || :text || '.', d.created_at, f.municipality_id, f.org_unit_id
					  from document d join document_file f on f.id = d.file_id
					 where d.file_id = :file and not exists (select 1 from document_version v where v.document_id = d.id)""")
			.param("file", file)
			.param("text", text)
			.update();
	}

	/** A word of letters only, in no other test's documents. */
	private static String word() {
		StringBuilder word = new StringBuilder("aktenwort");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

}
