package de.amtsweg.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.documents.DocumentFile;
import de.amtsweg.documents.DocumentVersion;
import de.amtsweg.documents.FiledDocument;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files, documents and versions of the e-file. */
@Repository
public class DocumentRepository {

	private static final String FILE_COLUMNS = "id, municipality_id, org_unit_id, subject_id, case_id, title, created_at, case_retain_until, state, review_since";

	private static final String DOCUMENT_COLUMNS = "id, file_id, type, title, correspondent, document_date, created_at, current_version";

	private static final String VERSION_COLUMNS = "id, document_id, version, blob, file_name, content_type, size, created_at, created_by";

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID createFile(UUID municipalityId, UUID orgUnitId, @Nullable UUID subjectId, @Nullable UUID caseId, String title,
			Instant now) {
		return this.jdbc.sql("""
				insert into document_file (municipality_id, org_unit_id, subject_id, case_id, title, created_at)
				values (:municipality, :unit, :subject, :case, :title, :now)
				on conflict (case_id) do nothing
				returning id""")
			.param("municipality", municipalityId)
			.param("unit", orgUnitId)
			.param("subject", subjectId, Types.OTHER)
			.param("case", caseId, Types.OTHER)
			.param("title", title)
			.param("now", utc(now))
			.query(UUID.class)
			.optional()
			.orElseGet(() -> fileOfCase(caseId).orElseThrow().id());
	}

	Optional<DocumentFile> file(UUID id) {
		return this.jdbc.sql("select " + FILE_COLUMNS + " from document_file where id = :id")
			.param("id", id)
			.query(DocumentRepository::file)
			.optional();
	}

	Optional<DocumentFile> fileOfCase(@Nullable UUID caseId) {
		if (caseId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + FILE_COLUMNS + " from document_file where case_id = :id")
			.param("id", caseId)
			.query(DocumentRepository::file)
			.optional();
	}

	List<DocumentFile> filesOf(UUID municipalityId, Collection<UUID> orgUnits, int limit) {
		if (orgUnits.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + FILE_COLUMNS + """
				 from document_file
				where municipality_id = :municipality and org_unit_id = any(:units)
				order by created_at desc, id
				limit :limit""")
			.param("municipality", municipalityId)
			.param("units", orgUnits.toArray(UUID[]::new))
			.param("limit", limit)
			.query(DocumentRepository::file)
			.list();
	}

	List<DocumentFile> filesInState(String state) {
		return this.jdbc
			.sql("select " + FILE_COLUMNS + " from document_file where state = :state order by review_since, id")
			.param("state", state)
			.query(DocumentRepository::file)
			.list();
	}

	void setCaseRetainUntil(UUID fileId, LocalDate retainUntil) {
		this.jdbc.sql("update document_file set case_retain_until = :day where id = :id")
			.param("id", fileId)
			.param("day", retainUntil)
			.update();
	}

	/**
	 * Lists for review every active file whose retention ended: the latest of its case's
	 * period and each document's date plus its type's period lies before today.
	 */
	List<UUID> markEndedRetention(LocalDate today) {
		return this.jdbc.sql("""
				update document_file f set state = 'REVIEW', review_since = :today
				 where f.state = 'ACTIVE'
				   and (f.case_id is null or f.case_retain_until is not null)
				   and coalesce(f.case_retain_until, date '1900-01-01') < :today
				   and exists (select 1 from document d where d.file_id = f.id)
				   and not exists (select 1 from document d join document_type t on t.key = d.type
				                    where d.file_id = f.id and (d.document_date + t.retention)::date >= :today)
				returning f.id""").param("today", today).query(UUID.class).list();
	}

	void setState(UUID fileId, String state) {
		this.jdbc.sql("update document_file set state = :state where id = :id")
			.param("id", fileId)
			.param("state", state)
			.update();
	}

	/**
	 * Deletes the file with its documents and versions; returns the blobs the e-file
	 * itself stored for them (never those of other modules).
	 */
	List<String> deleteFile(UUID fileId) {
		List<String> blobs = this.jdbc.sql("""
				select v.blob from document_version v join document d on d.id = v.document_id
				 where d.file_id = :id group by v.blob having bool_and(v.owned)""")
			.param("id", fileId)
			.query(String.class)
			.list();
		this.jdbc.sql("delete from document_file where id = :id").param("id", fileId).update();
		return blobs;
	}

	/** Whether any version still uses the blob, or ever took it from another module. */
	boolean blobStillUsed(String blob) {
		return this.jdbc.sql("select exists (select 1 from document_version where blob = :blob)")
			.param("blob", blob)
			.query(Boolean.class)
			.single();
	}

	UUID createDocument(UUID fileId, String type, String title, String correspondent, LocalDate date, Instant now) {
		return this.jdbc.sql("""
				insert into document (file_id, type, title, correspondent, document_date, created_at)
				values (:file, :type, :title, :correspondent, :date, :now) returning id""")
			.param("file", fileId)
			.param("type", type)
			.param("title", title)
			.param("correspondent", correspondent)
			.param("date", date)
			.param("now", utc(now))
			.query(UUID.class)
			.single();
	}

	/**
	 * Adds the next version; the row lock on the document serialises concurrent uploads.
	 */
	UUID addVersion(UUID documentId, String blob, String fileName, String contentType, long size, Instant now,
			String actor, boolean owned) {
		int next = this.jdbc
			.sql("""
					update document set current_version = current_version
					                     + case when exists (select 1 from document_version where document_id = :id) then 1 else 0 end
					 where id = :id returning current_version""")
			.param("id", documentId)
			.query(Integer.class)
			.single();
		return this.jdbc
			.sql("""
					insert into document_version (document_id, version, blob, file_name, content_type, size, created_at, created_by,
					                              owned, municipality_id, org_unit_id)
					select :document, :version, :blob, :name, :type, :size, :now, :actor, :owned, f.municipality_id, f.org_unit_id
					  from document d join document_file f on f.id = d.file_id
					 where d.id = :document
					returning id""")
			.param("owned", owned)
			.param("document", documentId)
			.param("version", next)
			.param("blob", blob)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", size)
			.param("now", utc(now))
			.param("actor", actor)
			.query(UUID.class)
			.single();
	}

	Optional<FiledDocument> document(UUID id) {
		return this.jdbc.sql("select " + DOCUMENT_COLUMNS + " from document where id = :id")
			.param("id", id)
			.query(DocumentRepository::document)
			.optional();
	}

	List<FiledDocument> documentsOf(UUID fileId) {
		return this.jdbc
			.sql("select " + DOCUMENT_COLUMNS
					+ " from document where file_id = :id order by document_date desc, created_at desc, id")
			.param("id", fileId)
			.query(DocumentRepository::document)
			.list();
	}

	List<DocumentVersion> versionsOf(UUID documentId) {
		return this.jdbc
			.sql("select " + VERSION_COLUMNS + " from document_version where document_id = :id order by version desc")
			.param("id", documentId)
			.query(DocumentRepository::version)
			.list();
	}

	Optional<DocumentVersion> version(UUID versionId) {
		return this.jdbc.sql("select " + VERSION_COLUMNS + " from document_version where id = :id")
			.param("id", versionId)
			.query(DocumentRepository::version)
			.optional();
	}

	void setContent(UUID versionId, String content, Instant now) {
		this.jdbc.sql("update document_version set content = :content, extracted_at = :now where id = :id")
			.param("id", versionId)
			.param("content", content)
			.param("now", utc(now))
			.update();
	}

	/**
	 * Every distinct blob the e-file refers to, in address order, after the given one.
	 */
	List<String> blobsAfter(String after, int limit) {
		return this.jdbc
			.sql("select distinct blob from document_version where blob > :after order by blob limit :limit")
			.param("after", after)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static DocumentFile file(ResultSet rs, int row) throws SQLException {
		return new DocumentFile(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("org_unit_id", UUID.class), rs.getObject("subject_id", UUID.class),
				rs.getObject("case_id", UUID.class), rs.getString("title"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("case_retain_until", LocalDate.class), rs.getString("state"),
				rs.getObject("review_since", LocalDate.class));
	}

	private static FiledDocument document(ResultSet rs, int row) throws SQLException {
		return new FiledDocument(rs.getObject("id", UUID.class), rs.getObject("file_id", UUID.class),
				rs.getString("type"), rs.getString("title"), rs.getString("correspondent"),
				rs.getObject("document_date", LocalDate.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("current_version"));
	}

	private static DocumentVersion version(ResultSet rs, int row) throws SQLException {
		return new DocumentVersion(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
				rs.getInt("version"), rs.getString("blob"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getString("created_by"));
	}

}
