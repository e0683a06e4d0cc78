package de.amtsweg.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.amtsweg.documents.DocumentFile;
import de.amtsweg.documents.DocumentVersion;
import de.amtsweg.documents.FiledDocument;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.JobLock;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.SystemActor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (Aufbewahrung): a file's period ends when its case's period (by the case's
 * result) and every document's period (by its type, from its date) have ended. A daily
 * job lists such files for review; an admin then deletes the file for good (metadata,
 * versions and the blobs nothing else uses) or marks it for transfer to an archive, with
 * an export as a zip with a JSON manifest. Both are audited.
 */
@Service
public class Retention {

	private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final DocumentRepository repository;

	private final BlobStore blobs;

	private final JobLock jobLock;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Retention(DocumentRepository repository, BlobStore blobs, JobLock jobLock, AuditLog auditLog,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.blobs = blobs;
		this.jobLock = jobLock;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${amtsweg.documents.retention-cron:0 45 3 * * *}", zone = "Europe/Berlin")
	void daily() {
		this.jobLock.runExclusively("documents.retention", Duration.ofHours(1),
				() -> SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> listEndedForReview())));
	}

	/** Lists every file whose retention ended for review; returns them. */
	@Transactional
	public List<UUID> listEndedForReview() {
		LocalDate today = LocalDate.now(this.clock);
		List<UUID> ended = this.repository.markEndedRetention(today);
		for (UUID id : ended) {
			DocumentFile file = this.repository.file(id).orElseThrow();
			this.auditLog.record("document-file.retention-ended", DocumentStore.FILE, id.toString(),
					file.municipalityId(), today.toString());
		}
		if (!ended.isEmpty()) {
			LOG.info("Retention ended for {} files; listed for review", ended.size());
		}
		return ended;
	}

	/**
	 * Files waiting for review or marked for an archive, of a municipality (all for
	 * null).
	 */
	public List<DocumentFile> pending(@Nullable UUID municipalityId) {
		List<DocumentFile> files = new ArrayList<>(this.repository.filesInState("REVIEW"));
		files.addAll(this.repository.filesInState("ARCHIVE"));
		return files.stream()
			.filter((file) -> municipalityId == null || file.municipalityId().equals(municipalityId))
			.toList();
	}

	/** Deletes a reviewed file irreversibly: its rows and the blobs no one else uses. */
	@Transactional
	public void delete(@Nullable UUID municipalityId, UUID fileId) {
		DocumentFile file = reviewed(municipalityId, fileId);
		List<String> blobs = this.repository.deleteFile(fileId);
		int deleted = 0;
		for (String blob : blobs) {
			if (!this.repository.blobStillUsed(blob)) {
				this.blobs.delete(blob);
				deleted++;
			}
		}
		this.auditLog.record("document-file.deleted", DocumentStore.FILE, fileId.toString(), file.municipalityId(),
				file.title() + "; " + deleted + " blobs deleted");
	}

	/** Marks a reviewed file for transfer to an archive. */
	@Transactional
	public void markForArchive(@Nullable UUID municipalityId, UUID fileId) {
		DocumentFile file = reviewed(municipalityId, fileId);
		this.repository.setState(fileId, "ARCHIVE");
		this.auditLog.record("document-file.archive-marked", DocumentStore.FILE, fileId.toString(),
				file.municipalityId(), file.title());
	}

	/**
	 * The file as a zip: {@code manifest.json} (file, documents, versions with SHA-256)
	 * and each version's bytes under {@code documents/}.
	 */
	@Transactional
	public byte[] export(@Nullable UUID municipalityId, UUID fileId) {
		DocumentFile file = this.repository.file(fileId)
			.filter((found) -> municipalityId == null || found.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("File " + fileId));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			List<Map<String, Object>> documents = new ArrayList<>();
			for (FiledDocument document : this.repository.documentsOf(fileId)) {
				List<Map<String, Object>> versions = new ArrayList<>();
				for (DocumentVersion version : this.repository.versionsOf(document.id())) {
					String path = "documents/" + document.id() + "/v" + version.version() + "-"
							+ DocumentStore.safeName(version.fileName());
					zip.putNextEntry(new ZipEntry(path));
					zip.write(this.blobs.get(version.blob()));
					zip.closeEntry();
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("version", version.version());
					entry.put("path", path);
					entry.put("fileName", version.fileName());
					entry.put("contentType", version.contentType());
					entry.put("size", version.size());
					entry.put("sha256", version.blob());
					entry.put("createdAt", version.createdAt().toString());
					entry.put("createdBy", version.createdBy());
					versions.add(entry);
				}
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("id", document.id().toString());
				entry.put("type", document.type());
				entry.put("title", document.title());
				entry.put("correspondent", document.correspondent());
				entry.put("date", document.documentDate().toString());
				entry.put("versions", versions);
				documents.add(entry);
			}
			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("format", "amtsweg-file-export/1");
			manifest.put("exportedAt", this.clock.instant().toString());
			manifest.put("file",
					Map.of("id", file.id().toString(), "title", file.title(), "municipalityId",
							file.municipalityId().toString(), "orgUnitId", file.orgUnitId().toString(), "caseId",
							(file.caseId() != null) ? file.caseId().toString() : "", "createdAt",
							file.createdAt().toString(), "state", file.state()));
			manifest.put("documents", documents);
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write(JSON.writeValueAsBytes(manifest));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.auditLog.record("document-file.exported", DocumentStore.FILE, fileId.toString(), file.municipalityId(),
				file.title());
		return bytes.toByteArray();
	}

	private DocumentFile reviewed(@Nullable UUID municipalityId, UUID fileId) {
		DocumentFile file = this.repository.file(fileId)
			.filter((found) -> municipalityId == null || found.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("File " + fileId));
		if ("ACTIVE".equals(file.state())) {
			// only a file whose period ended can be deleted or handed over
			throw new NotFoundException("File under retention " + fileId);
		}
		return file;
	}

}
