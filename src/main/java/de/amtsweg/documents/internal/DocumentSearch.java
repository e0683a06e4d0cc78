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
	 * How many matches are ranked: the newest ones. A word in most documents matched tens
	 * of thousands of versions, and ranking reads every one's whole text vector; a rarer
	 * word has fewer matches and is ranked over all of them, as before.
	 */
	static final int RANK_WINDOW = 1000;

	/**
	 * The matches the reader may see (filtered in the query), the newest {@code :window}
	 * of them ranked, one page of those with their passage.
	 */
	static final String SQL = """
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
