package de.amtsweg.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.ServiceSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The finder's queries over {@code catalog_service} and {@code catalog_search_word}. */
@Repository
public class FinderRepository {

	/**
	 * Rank weights for D (description), C (summary), B (keywords, parts, activities) and
	 * A (names).
	 */
	private static final String WEIGHTS = "'{0.05, 0.2, 0.5, 1.0}'";

	private final JdbcClient jdbc;

	public FinderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For each folded word: whether it is a stop word (no lexeme) and whether any service
	 * of the catalogue contains a word starting with it.
	 */
	public Map<String, WordCheck> check(List<String> words) {
		Map<String, WordCheck> checks = new HashMap<>();
		if (words.isEmpty()) {
			return checks;
		}
		this.jdbc.sql("""
				select w, numnode(to_tsquery('catalog_german', w)) = 0 as stop,
				       numnode(to_tsquery('catalog_german', w)) > 0 and exists (
				           select 1 from catalog_service s
				           where s.search_vector @@ to_tsquery('catalog_german', w || ':*')) as known
				from unnest(cast(:words as text[])) as w""")
			.param("words", words.toArray(String[]::new))
			.query((rs, row) -> new WordCheck(rs.getString("w"), rs.getBoolean("stop"), rs.getBoolean("known")))
			.list()
			.forEach((check) -> checks.put(check.word(), check));
		return checks;
	}

	/** The catalogue's word nearest to a misspelt one, if it is similar enough. */
	public Optional<String> nearestWord(String word, double minimumSimilarity) {
		return this.jdbc.sql("""
				select word, similarity(word, :w) as similarity from catalog_search_word
				order by word <-> :w limit 1""")
			.param("w", word)
			.query((rs, row) -> new Neighbour(rs.getString("word"), rs.getDouble("similarity")))
			.optional()
			.filter((neighbour) -> neighbour.similarity() >= minimumSimilarity)
			.map(Neighbour::word);
	}

	/**
	 * The municipality's services that match the text search query, best first.
	 * @param municipalityId the municipality
	 * @param tsQuery a query in {@code to_tsquery} syntax over folded words
	 * @param phrase the folded query, to prefer names equal to or starting with it
	 * @param lifeSituation only services of this life situation, if given
	 * @param onlineOnly only services online (maturity 3 or 4)
	 * @param limit how many hits at most
	 */
	public Hits search(UUID municipalityId, String tsQuery, String phrase, @Nullable String lifeSituation,
			boolean onlineOnly, int limit) {
		List<ServiceSummary> hits = new ArrayList<>();
		int[] total = { 0 };
		this.jdbc
			.sql("""
					select s.id as service_id, o.id as offering_id, s.slug, s.leika_key, s.kind,
					       s.district_id is not null as shared, s.name_de, s.name_en, s.summary_de, s.summary_en,
					       u.name as org_unit_name, o.online_url, r.maturity, r.activities, r.activities_online,
					       r.activities_in_progress, count(*) over () as total
					from catalog_offering o
					join catalog_service s on s.id = o.service_id
					join org_unit u on u.id = o.org_unit_id
					cross join to_tsquery('catalog_german', :query) as q
					cross join lateral (
					    select greatest(o.base_maturity, coalesce(max(st.maturity), 0))::int as maturity,
					           count(a.id)::int as activities,
					           (count(a.id) filter (where coalesce(st.maturity, 0) >= 3))::int as activities_online,
					           (count(a.id) filter (where coalesce(st.maturity, 0) < 3 and st.status = 'IN_PROGRESS'))::int
					               as activities_in_progress
					    from catalog_activity a
					    left join catalog_offering_activity st on st.offering_id = o.id and st.activity_id = a.id
					    where a.service_id = o.service_id) as r
					where o.municipality_id = :m
					  and s.search_vector @@ q
					  and (cast(:lifeSituation as text) is null or exists (
					        select 1 from catalog_service_life_situation sl join catalog_life_situation l on l.id = sl.life_situation_id
					        where sl.service_id = s.id and l.slug = :lifeSituation))
					  and (not :onlineOnly or r.maturity >= 3)
					order by s.sort_name = :phrase desc,
					         ts_filter(s.search_vector, '{a}') @@ q desc,
					         r.maturity >= 3 desc,
					         ts_rank(%s, s.search_vector, q, 1)
					         + case when s.sort_name like :phrase || '%%' then 0.5 else 0 end desc,
					         s.sort_name
					limit :limit"""
				.formatted(WEIGHTS))
			.param("m", municipalityId)
			.param("query", tsQuery)
			.param("phrase", phrase)
			.param("lifeSituation", lifeSituation)
			.param("onlineOnly", onlineOnly)
			.param("limit", limit)
			.query((rs, row) -> {
				total[0] = rs.getInt("total");
				return ResponsibilityRepository.summary(rs);
			})
			.list()
			.forEach(hits::add);
		return new Hits(List.copyOf(hits), total[0]);
	}

	/**
	 * @param word the folded word
	 * @param stop whether it is a stop word
	 * @param known whether a service contains a word starting with it
	 */
	public record WordCheck(String word, boolean stop, boolean known) {
	}

	private record Neighbour(String word, double similarity) {
	}

	/**
	 * @param hits best first
	 * @param total all matches
	 */
	public record Hits(List<ServiceSummary> hits, int total) {
	}

}
