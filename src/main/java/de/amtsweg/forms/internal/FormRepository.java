package de.amtsweg.forms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.forms.internal.definition.FormDefinitionReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code form} and {@code form_version}. */
@Repository
class FormRepository {

	private static final String SELECT = """
			select v.id, v.form_id, f.municipality_id, f.key, v.version, v.status, v.origin, v.definition::text as json,
			       v.updated_at, v.published_at
			from form_version v join form f on f.id = v.form_id""";

	private final JdbcClient jdbc;

	private final FormDefinitionReader reader;

	FormRepository(JdbcClient jdbc, FormDefinitionReader reader) {
		this.jdbc = jdbc;
		this.reader = reader;
	}

	Optional<UUID> findForm(UUID municipalityId, String key) {
		return this.jdbc.sql("select id from form where municipality_id = :m and key = :key")
			.param("m", municipalityId)
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	UUID insertForm(UUID municipalityId, String key) {
		return this.jdbc.sql("insert into form (municipality_id, key) values (:m, :key) returning id")
			.param("m", municipalityId)
			.param("key", key)
			.query(UUID.class)
			.single();
	}

	UUID insertVersion(UUID formId, int version, String json, String title, String origin, Instant now) {
		return this.jdbc.sql("""
				insert into form_version (form_id, version, definition, title, status, origin, created_at, updated_at)
				values (:form, :version, cast(:json as json), :title, 'DRAFT', :origin, :now, :now) returning id""")
			.param("form", formId)
			.param("version", version)
			.param("json", json)
			.param("title", title)
			.param("origin", origin)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.single();
	}

	int nextVersion(UUID formId) {
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from form_version where form_id = :form")
			.param("form", formId)
			.query(Integer.class)
			.single();
	}

	void updateDraft(UUID versionId, String json, String title, Instant now) {
		this.jdbc.sql("""
				update form_version set definition = cast(:json as json), title = :title, updated_at = :now
				where id = :id and status = 'DRAFT'""")
			.param("id", versionId)
			.param("json", json)
			.param("title", title)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Freezes the draft; the database refuses any later change. */
	void publish(UUID versionId, Instant now) {
		this.jdbc.sql("""
				update form_version set status = 'PUBLISHED', published_at = :now, updated_at = :now
				where id = :id and status = 'DRAFT'""")
			.param("id", versionId)
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<FormVersion> findVersion(UUID versionId) {
		return this.jdbc.sql(SELECT + " where v.id = :id").param("id", versionId).query(this::version).optional();
	}

	Optional<FormVersion> findDraft(UUID municipalityId, String key) {
		return this.jdbc.sql(SELECT + " where f.municipality_id = :m and f.key = :key and v.status = 'DRAFT'")
			.param("m", municipalityId)
			.param("key", key)
			.query(this::version)
			.optional();
	}

	Optional<FormVersion> findLatestPublished(UUID municipalityId, String key) {
		return this.jdbc.sql(SELECT + """
				 where f.municipality_id = :m and f.key = :key and v.status = 'PUBLISHED'
				order by v.version desc limit 1""")
			.param("m", municipalityId)
			.param("key", key)
			.query(this::version)
			.optional();
	}

	List<FormVersion> findVersions(UUID municipalityId, String key) {
		return this.jdbc.sql(SELECT + " where f.municipality_id = :m and f.key = :key order by v.version desc")
			.param("m", municipalityId)
			.param("key", key)
			.query(this::version)
			.list();
	}

	/** Every form of the municipality: its newest version (draft or published). */
	List<FormSummary> summaries(UUID municipalityId) {
		return this.jdbc
			.sql("""
					select f.key,
					       (select title from form_version v where v.form_id = f.id order by version desc limit 1) as title,
					       (select max(version) from form_version v where v.form_id = f.id and status = 'PUBLISHED') as published,
					       (select version from form_version v where v.form_id = f.id and status = 'DRAFT') as draft
					from form f where f.municipality_id = :m order by 2""")
			.param("m", municipalityId)
			.query((rs, row) -> new FormSummary(rs.getString("key"), rs.getString("title"),
					(Integer) rs.getObject("published"), (Integer) rs.getObject("draft")))
			.list();
	}

	private FormVersion version(ResultSet rs, int row) throws SQLException {
		String json = rs.getString("json");
		Timestamp published = rs.getTimestamp("published_at");
		return new FormVersion(rs.getObject("id", UUID.class), rs.getObject("form_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), rs.getString("key"), rs.getInt("version"),
				rs.getString("status"), rs.getString("origin"), json, this.reader.readStored(json),
				rs.getTimestamp("updated_at").toInstant(), (published != null) ? published.toInstant() : null);
	}

}
