package de.amtsweg.documents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over the current versions of the documents in the reader's org units
 * (filtered in the query, so a page never holds what the reader may not see), best
 * matches first, with the matching passage.
 */
@Service
public class DocumentSearch {

	/** Marks a match in a passage; characters no extracted text contains. */
	private static final char START = '\u0002';

	private static final char STOP = '\u0003';

	public static final int PAGE_SIZE = 20;

	/**
	 * How many matches are ranked: the newest ones (ten pages). A word in most documents
	 * matched tens of thousands of versions, and checking and ranking a match reads its
	 * whole text vector (tens of microseconds each); a rarer word has fewer matches and
	 * is ranked over all of them, as before. 1,000 until session 5: at 100,000 documents
	 * that alone cost more than the 50 ms a search may take.
	 */
	static final int RANK_WINDOW = 200;

	/**
	 * How many of a unit's newest versions are read in order before the unit is searched
	 * through the text index instead: reading a version costs its text vector, the index
	 * costs a heap page per match, so reading pays while at least one in two matches.
	 */
	static final int SCAN_WINDOW = 2 * RANK_WINDOW;

	/**
	 * The matches the reader may see (filtered in the query by the unit each version
	 * carries, and again for the page by its file), the newest {@code :window} of them
	 * ranked, one page of those with their passage.
	 * <p>
	 * Per unit of the reader: first its newest {@code :scan} versions in order, checked
	 * against the words, stopping at {@code :window} current matches; a word in most
	 * documents is done after a little more than {@code :window} versions, where the text
	 * index would hand over every match of the unit (thousands of wide rows) to be
	 * fetched and sorted. Matches outside that window are older than every version in it,
	 * so a unit with {@code :window} matches there is exact. A unit with fewer (a rarer
	 * word) is searched with the text index on (org_unit_id, search), which intersects
	 * the unit's entries with the word's; one unit per index scan, as GIN scans the word
	 * once per array element with {@code = any(...)}. {@code offset 0} keeps that unit's
	 * matches a subquery of their own, so PostgreSQL asks the text index instead of
	 * walking the unit's date index for the order and checking every version.
	 */
	static final String SQL = """
			with q as (select websearch_to_tsquery('german', :text) as query),
			recent as (
			    select r.* from unnest(cast(:units as uuid[])) as u(unit)
			    cross join lateral (
			        select w.id, w.document_id, w.created_at, w.org_unit_id
			          from (select v.id, v.document_id, v.version, v.created_at, v.org_unit_id, v.search
			                  from document_version v
			                 where v.municipality_id = :municipality and v.org_unit_id = u.unit
			                 order by v.created_at desc, v.id
			                 limit :scan) w
			          join document d on d.id = w.document_id and d.current_version = w.version, q
			         where w.search @@ q.query
			         order by w.created_at desc, w.id
			         limit :window) r),
			rare as (
			    select u.unit from unnest(cast(:units as uuid[])) as u(unit)
			     where (select count(*) from recent r where r.org_unit_id = u.unit) < :window),
			matches as (
			    select id, document_id from (
			        select * from recent where org_unit_id <> all(array(select unit from rare))
			        union all
			        select g.* from rare cross join lateral (
			            select * from (
			                select v.id, v.document_id, v.created_at, v.org_unit_id
			                  from q, document_version v
			                  join document d on d.id = v.document_id and d.current_version = v.version
			                 where v.municipality_id = :municipality and v.org_unit_id = rare.unit
			                   and v.search @@ q.query
			                offset 0) unit_matches
			             order by created_at desc, id
			             limit :window) g) found
			     order by created_at desc, id
			     limit :window),
			hits as (
			    select m.id, m.document_id, ts_rank_cd(v.search, q.query) as rank
			      from matches m join document_version v on v.id = m.id, q
			     order by rank desc, m.id
			     limit :limit offset :offset)
			select h.document_id, v.version, d.title, d.type, d.file_id, f.title as file_title,
			       ts_headline('german', v.content, q.query,
			                   'MaxFragments=2, MinWords=8, MaxWords=25, FragmentDelimiter=" … ", StartSel=' || chr(2) || ', StopSel=' || chr(3)) as passage
			  from hits h join document_version v on v.id = h.id
			  join document d on d.id = h.document_id
			  join document_file f on f.id = d.file_id and f.municipality_id = :municipality and f.org_unit_id = any(:units), q
			 order by h.rank desc, h.id""";

	/**
	 * The statement of session 4: the text index over the whole municipality, the unit
	 * from the file afterwards (for the benchmark's plans).
	 */
	static final String SQL_BEFORE = """
			with q as (select websearch_to_tsquery('german', :text) as query),
			matches as (
			    select v.id, v.document_id, v.version, d.title, d.type, d.file_id, f.title as file_title
			      from q, document_version v
			      join document d on d.id = v.document_id and d.current_version = v.version
			      join document_file f on f.id = d.file_id
			     where v.search @@ q.query
			       and f.municipality_id = :municipality and f.org_unit_id = any(:units)
			     order by v.created_at desc, v.id
			     limit :window),
			hits as (
			    select m.*, ts_rank_cd(v.search, q.query) as rank
			      from matches m join document_version v on v.id = m.id, q
			     order by rank desc, m.id
			     limit :limit offset :offset)
			select h.document_id, h.version, h.title, h.type, h.file_id, h.file_title,
			       ts_headline('german', v.content, q.query,
			                   'MaxFragments=2, MinWords=8, MaxWords=25, FragmentDelimiter=" … ", StartSel=' || chr(2) || ', StopSel=' || chr(3)) as passage
			  from hits h join document_version v on v.id = h.id, q
			 order by h.rank desc, h.id""";

	private final JdbcClient jdbc;

	private final DocumentStore store;

	private final AuditLog auditLog;

	DocumentSearch(JdbcClient jdbc, DocumentStore store, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.store = store;
		this.auditLog = auditLog;
	}

	@Transactional
	public Results search(StaffPrincipal staff, String query, int page) {
		String text = query.strip();
		UUID municipalityId = staff.municipalityId();
		if (text.isEmpty() || text.length() > 200 || municipalityId == null) {
			return new Results(text, page, List.of(), false);
		}
		int from = Math.max(page, 1);
		List<Hit> hits = find(municipalityId, this.store.unitsOf(staff), text, from);
		boolean more = hits.size() > PAGE_SIZE;
		this.auditLog.record("document.searched", DocumentStore.DOCUMENT, "-", municipalityId,
				"page " + from + ", " + Math.min(hits.size(), PAGE_SIZE) + " hits");
		return new Results(text, from, more ? hits.subList(0, PAGE_SIZE) : hits, more);
	}

	/** One more hit than a page holds tells whether there is a next page. */
	List<Hit> find(UUID municipalityId, Set<UUID> units, String text, int page) {
		if (units.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SQL)
			.param("text", text)
			.param("municipality", municipalityId)
			.param("units", units.toArray(UUID[]::new))
			.param("window", RANK_WINDOW)
			.param("scan", SCAN_WINDOW)
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query((rs, row) -> new Hit(rs.getObject("document_id", UUID.class), rs.getInt("version"),
					rs.getString("title"), rs.getString("type"), rs.getObject("file_id", UUID.class),
					rs.getString("file_title"), segments(rs.getString("passage"))))
			.list();
	}

	static List<Segment> segments(String passage) {
		List<Segment> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean match = false;
		for (char c : passage.toCharArray()) {
			if (c == START || c == STOP) {
				if (current.length() > 0) {
					segments.add(new Segment(current.toString(), match));
					current.setLength(0);
				}
				match = (c == START);
			}
			else {
				current.append(c);
			}
		}
		if (current.length() > 0) {
			segments.add(new Segment(current.toString(), match));
		}
		return segments;
	}

	/**
	 * A page of results.
	 *
	 * @param query what was searched
	 * @param page the page, from 1
	 * @param hits the hits of the page
	 * @param more whether there is a next page
	 */
	public record Results(String query, int page, List<Hit> hits, boolean more) {
	}

	/**
	 * A document that matches.
	 *
	 * @param documentId the document
	 * @param version its current version
	 * @param title its title
	 * @param type its type key
	 * @param fileId its file
	 * @param fileTitle the file's title
	 * @param passage the matching passage
	 */
	public record Hit(UUID documentId, int version, String title, String type, UUID fileId, String fileTitle,
			List<Segment> passage) {

		public String passageText() {
			StringBuilder text = new StringBuilder();
			this.passage.forEach((segment) -> text.append(segment.text()));
			return text.toString();
		}

	}

	/**
	 * Part of a passage.
	 *
	 * @param text its text
	 * @param match whether it matched the query
	 */
	public record Segment(String text, boolean match) {
	}

}
