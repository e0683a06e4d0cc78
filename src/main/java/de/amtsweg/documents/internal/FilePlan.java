package de.amtsweg.documents.internal;

import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file plan (Aktenplan) of a municipality: subjects with hierarchical codes; a
 * subject's parent is the one whose code is its code without the last part.
 */
@Service
public class FilePlan {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	FilePlan(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	public List<Subject> of(UUID municipalityId) {
		return this.jdbc.sql("""
				select id, code, title from document_subject where municipality_id = :municipality
				 order by string_to_array(code, '.')::int[]""")
			.param("municipality", municipalityId)
			.query((rs, row) -> new Subject(rs.getObject("id", UUID.class), rs.getString("code"),
					rs.getString("title")))
			.list();
	}

	boolean belongsTo(UUID subjectId, UUID municipalityId) {
		return this.jdbc.sql("select exists (select 1 from document_subject where id = :id and municipality_id = :m)")
			.param("id", subjectId)
			.param("m", municipalityId)
			.query(Boolean.class)
			.single();
	}

	@Nullable String label(UUID subjectId) {
		return this.jdbc.sql("select code || ' ' || title from document_subject where id = :id")
			.param("id", subjectId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Adds a subject; its parent (code without the last part) must exist. */
	@Transactional
	public UUID add(UUID municipalityId, String code, String title) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String trimmed = code.strip();
		if (!trimmed.matches("[0-9]+(\\.[0-9]+)*") || trimmed.length() > 40) {
			problems.add("code", "documents.plan.error.code");
		}
		if (title.isBlank() || title.length() > 200) {
			problems.add("title", "documents.plan.error.title");
		}
		problems.throwIfAny();
		UUID parent = null;
		int dot = trimmed.lastIndexOf('.');
		if (dot > 0) {
			parent = this.jdbc.sql("select id from document_subject where municipality_id = :m and code = :code")
				.param("m", municipalityId)
				.param("code", trimmed.substring(0, dot))
				.query(UUID.class)
				.optional()
				.orElseThrow(() -> InvalidInputException.of("code", "documents.plan.error.parent"));
		}
		try {
			UUID id = this.jdbc.sql("""
					insert into document_subject (municipality_id, parent_id, code, title)
					values (:m, :parent, :code, :title) returning id""")
				.param("m", municipalityId)
				.param("parent", parent, java.sql.Types.OTHER)
				.param("code", trimmed)
				.param("title", title.strip())
				.query(UUID.class)
				.single();
			this.auditLog.record("document-subject.created", "document-subject", id.toString(), municipalityId,
					trimmed + " " + title.strip());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("code", "documents.plan.error.duplicate");
		}
	}

	/**
	 * A subject of the file plan.
	 *
	 * @param id the subject
	 * @param code its code, e.g. {@code 1.2}
	 * @param title its title
	 */
	public record Subject(UUID id, String code, String title) {

		/** How deep it is, from 0. */
		public int depth() {
			return (int) this.code.chars().filter((c) -> c == '.').count();
		}

	}

}
