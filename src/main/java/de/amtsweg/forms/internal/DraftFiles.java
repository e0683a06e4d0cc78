package de.amtsweg.forms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.VirusScanner;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of drafts and submissions (table {@code form_upload}); the bytes go to the
 * {@link BlobStore}. A blob is deleted with the last row that refers to it.
 */
@Service
public class DraftFiles {

	private final JdbcClient jdbc;

	private final BlobStore blobs;

	private final UploadCheck check;

	private final FormsProperties properties;

	private final AuditLog auditLog;

	private final Clock clock;

	DraftFiles(JdbcClient jdbc, BlobStore blobs, VirusScanner scanner, FormsProperties properties, AuditLog auditLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.check = new UploadCheck(scanner, properties.uploads().maxFileSizeKb());
		this.properties = properties;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Checks and stores a file for a field of the draft.
	 * @param path the answer it belongs to: the field's id, or {@code group.index.field}
	 * in an entry of a group
	 * @return the upload, or the reason it was refused
	 */
	@Transactional
	public Stored store(Draft draft, Field field, String path, String fileName, byte[] content) {
		if (count(draft.id()) >= this.properties.uploads().maxFilesPerDraft()) {
			return new Stored(null, "file.draftFull", new Object[] { this.properties.uploads().maxFilesPerDraft() });
		}
		UploadCheck.Result result = this.check.check(field, content);
		if (!result.accepted()) {
			this.auditLog.record("form-upload.refused", "form-draft", draft.id().toString(), draft.municipalityId(),
					path + ": " + result.problem());
			return new Stored(null, result.problem(), result.arguments());
		}
		String address = this.blobs.put(content);
		String name = cleanName(fileName);
		UUID id = this.jdbc
			.sql("""
					insert into form_upload (draft_id, field_id, file_name, content_type, size_bytes, blob_address, created_at)
					values (:draft, :field, :name, :type, :size, :address, :now) returning id""")
			.param("draft", draft.id())
			.param("field", path)
			.param("name", name)
			.param("type", result.mediaType())
			.param("size", content.length)
			.param("address", address)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.single();
		this.auditLog.record("form-upload.stored", "form-upload", id.toString(), draft.municipalityId(),
				path + " " + result.mediaType());
		return new Stored(find(id).orElseThrow(), null, new Object[0]);
	}

	public List<Upload> ofDraft(UUID draftId) {
		return this.jdbc.sql("select * from form_upload where draft_id = :draft order by created_at")
			.param("draft", draftId)
			.query(DraftFiles::upload)
			.list();
	}

	public List<Upload> ofSubmission(UUID submissionId) {
		return this.jdbc.sql("select * from form_upload where submission_id = :s order by created_at")
			.param("s", submissionId)
			.query(DraftFiles::upload)
			.list();
	}

	public Optional<Upload> find(UUID id) {
		return this.jdbc.sql("select * from form_upload where id = :id")
			.param("id", id)
			.query(DraftFiles::upload)
			.optional();
	}

	/** Removes one file of the draft. */
	@Transactional
	public void remove(UUID draftId, UUID uploadId) {
		find(uploadId).filter((upload) -> draftId.equals(upload.draftId())).ifPresent(this::delete);
	}

	@Transactional
	public void deleteAll(UUID draftId) {
		ofDraft(draftId).forEach(this::delete);
	}

	/** Hands the draft's files to the submission; files no longer in the answers go. */
	@Transactional
	public void attach(UUID draftId, UUID submissionId, List<String> keptIds) {
		for (Upload upload : ofDraft(draftId)) {
			if (keptIds.contains(upload.id().toString())) {
				this.jdbc.sql("update form_upload set submission_id = :s, draft_id = null where id = :id")
					.param("s", submissionId)
					.param("id", upload.id())
					.update();
			}
			else {
				delete(upload);
			}
		}
	}

	public byte[] content(Upload upload) {
		return this.blobs.get(upload.blobAddress());
	}

	/** File names by upload id, for summaries and receipts. */
	public Function<String, String> names(List<Upload> uploads) {
		Map<String, String> names = uploads.stream()
			.collect(Collectors.toMap((upload) -> upload.id().toString(), Upload::fileName));
		return (id) -> names.getOrDefault(id, id);
	}

	private int count(UUID draftId) {
		return this.jdbc.sql("select count(*) from form_upload where draft_id = :draft")
			.param("draft", draftId)
			.query(Integer.class)
			.single();
	}

	private void delete(Upload upload) {
		this.jdbc.sql("delete from form_upload where id = :id").param("id", upload.id()).update();
		boolean stillUsed = this.jdbc.sql("select exists (select 1 from form_upload where blob_address = :a)")
			.param("a", upload.blobAddress())
			.query(Boolean.class)
			.single();
		if (!stillUsed) {
			this.blobs.delete(upload.blobAddress());
		}
	}

	/** Keeps only the last path segment and printable characters of a file name. */
	static String cleanName(String fileName) {
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").trim();
		if (name.isEmpty()) {
			name = "datei";
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	private static Upload upload(ResultSet rs, int row) throws SQLException {
		return new Upload(rs.getObject("id", UUID.class), rs.getObject("draft_id", UUID.class),
				rs.getString("field_id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("blob_address"));
	}

	/**
	 * A stored file.
	 *
	 * @param id identifier
	 * @param draftId the draft it belongs to (null once submitted)
	 * @param fieldId the field it answers
	 * @param fileName the name it was uploaded with
	 * @param contentType the detected type
	 * @param size bytes
	 * @param blobAddress where the bytes are
	 */
	public record Upload(UUID id, java.util.@org.jspecify.annotations.Nullable UUID draftId, String fieldId,
			String fileName, String contentType, long size, String blobAddress) {
	}

	/**
	 * @param upload the stored file, or null when refused
	 * @param problem why it was refused (message key without {@code forms.error.})
	 * @param arguments further message arguments
	 */
	public record Stored(@org.jspecify.annotations.Nullable Upload upload,
			@org.jspecify.annotations.Nullable String problem, Object[] arguments) {
	}

}
