package de.amtsweg.documents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.documents.DocumentFile;
import de.amtsweg.documents.DocumentVersion;
import de.amtsweg.documents.DocumentVersionAdded;
import de.amtsweg.documents.FiledDocument;
import de.amtsweg.documents.NewDocument;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.VirusCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-file's rules: who sees which file (the org units a member holds a role in, every
 * unit for a clerk or admin of the whole municipality), what a document needs, and an
 * audit entry for every read and change. Files of other units answer 404.
 */
@Service
public class DocumentStore {

	static final String FILE = "document-file";

	static final String DOCUMENT = "document";

	private final DocumentRepository repository;

	private final FilePlan plan;

	private final BlobStore blobs;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxBytes;

	private final VirusCheck virusCheck;

	DocumentStore(DocumentRepository repository, FilePlan plan, BlobStore blobs, OrgUnits orgUnits, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock,
			@Value("${amtsweg.documents.max-upload-bytes:20971520}") long maxBytes, VirusCheck virusCheck) {
		this.virusCheck = virusCheck;
		this.repository = repository;
		this.plan = plan;
		this.blobs = blobs;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** The org units whose files the member sees. */
	public Set<UUID> unitsOf(StaffPrincipal staff) {
		return staff.workingUnits(Set.of(StaffRole.CLERK, StaffRole.ADMIN), this.orgUnits::of);
	}

	public List<OrgUnit> orgUnitsOf(StaffPrincipal staff) {
		Set<UUID> ids = unitsOf(staff);
		UUID municipalityId = staff.municipalityId();
		return (municipalityId == null) ? List.of()
				: this.orgUnits.of(municipalityId).stream().filter((unit) -> ids.contains(unit.id())).toList();
	}

	@Transactional
	public List<DocumentFile> files(StaffPrincipal staff) {
		UUID municipalityId = staff.municipalityId();
		if (municipalityId == null) {
			return List.of();
		}
		List<DocumentFile> files = this.repository.filesOf(municipalityId, unitsOf(staff), 200);
		this.auditLog.record("document-file.listed", FILE, "-", municipalityId, files.size() + " files");
		return files;
	}

	@Transactional
	public FileView file(StaffPrincipal staff, UUID fileId) {
		DocumentFile file = visibleFile(staff, fileId);
		this.auditLog.record("document-file.read", FILE, fileId.toString(), file.municipalityId(), file.title());
		return new FileView(file, this.orgUnits.get(file.municipalityId(), file.orgUnitId()).name(),
				(file.subjectId() != null) ? this.plan.label(file.subjectId()) : null,
				this.repository.documentsOf(fileId));
	}

	@Transactional
	public DocumentView document(StaffPrincipal staff, UUID documentId) {
		FiledDocument document = this.repository.document(documentId)
			.orElseThrow(() -> new NotFoundException("Document " + documentId));
		DocumentFile file = visibleFile(staff, document.fileId());
		this.auditLog.record("document.read", DOCUMENT, documentId.toString(), file.municipalityId(), document.title());
		return new DocumentView(file, document, this.repository.versionsOf(documentId));
	}

	/** The bytes of a version, checked against their address. */
	@Transactional
	public Download download(StaffPrincipal staff, UUID documentId, int version) {
		FiledDocument document = this.repository.document(documentId)
			.orElseThrow(() -> new NotFoundException("Document " + documentId));
		DocumentFile file = visibleFile(staff, document.fileId());
		DocumentVersion found = this.repository.versionsOf(documentId)
			.stream()
			.filter((candidate) -> candidate.version() == version)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Version " + version));
		this.auditLog.record("document.downloaded", DOCUMENT, documentId.toString(), file.municipalityId(),
				"version " + version + " " + found.blob());
		return new Download(found.fileName(), found.contentType(), this.blobs.get(found.blob()));
	}

	@Transactional
	public UUID createFile(StaffPrincipal staff, String orgUnitId, String subjectId, String title) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		UUID unit = parse(orgUnitId);
		if (unit == null || !unitsOf(staff).contains(unit)) {
			problems.add("orgUnitId", "documents.error.orgUnit");
		}
		UUID subject = parse(subjectId);
		UUID municipalityId = java.util.Objects.requireNonNull(staff.municipalityId());
		if (!subjectId.isBlank() && (subject == null || !this.plan.belongsTo(subject, municipalityId))) {
			problems.add("subjectId", "documents.error.subject");
		}
		if (title.isBlank() || title.length() > 300) {
			problems.add("title", "documents.error.title");
		}
		problems.throwIfAny();
		UUID id = this.repository.createFile(municipalityId, java.util.Objects.requireNonNull(unit), subject, null,
				title.strip(), this.clock.instant());
		this.auditLog.record("document-file.created", FILE, id.toString(), municipalityId, title.strip());
		return id;
	}

	/** A staff member files a document in a file they see. */
	@Transactional
	public UUID upload(StaffPrincipal staff, UUID fileId, NewDocument document) {
		DocumentFile file = visibleFile(staff, fileId);
		this.virusCheck.requireClean("content", document.fileName(), document.content(), "documents",
				file.municipalityId());
		return add(fileId, document);
	}

	/** A staff member stores a new version of a document; the old ones stay. */
	@Transactional
	public int uploadVersion(StaffPrincipal staff, UUID documentId, String fileName, String contentType,
			byte[] content) {
		FiledDocument document = this.repository.document(documentId)
			.orElseThrow(() -> new NotFoundException("Document " + documentId));
		DocumentFile file = visibleFile(staff, document.fileId());
		checkContent("content", fileName, content);
		this.virusCheck.requireClean("content", fileName, content, "documents", file.municipalityId());
		UUID versionId = storeVersion(file, documentId, fileName, contentType, content);
		DocumentVersion version = this.repository.version(versionId).orElseThrow();
		this.auditLog.record("document.version-added", DOCUMENT, documentId.toString(), file.municipalityId(),
				"version " + version.version() + " " + version.blob());
		return version.version();
	}

	/**
	 * Files a document without a person's rights (the listeners, other modules' facade).
	 */
	@Transactional
	public UUID add(UUID fileId, NewDocument document) {
		DocumentFile file = this.repository.file(fileId).orElseThrow(() -> new NotFoundException("File " + fileId));
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (!DocumentTypes.KEYS.contains(document.type())) {
			problems.add("type", "documents.error.type");
		}
		if (document.title().isBlank() || document.title().length() > 300) {
			problems.add("title", "documents.error.title");
		}
		if (document.correspondent().length() > 300) {
			problems.add("correspondent", "documents.error.correspondent");
		}
		problems.throwIfAny();
		checkContent("content", document.fileName(), document.content());
		UUID id = this.repository.createDocument(fileId, document.type(), document.title().strip(),
				document.correspondent().strip(), document.documentDate(), this.clock.instant());
		String blob = this.blobs.put(document.content());
		storeVersionOf(file, id, blob, document.fileName(), document.contentType(), document.content().length, true);
		this.auditLog.record("document.created", DOCUMENT, id.toString(), file.municipalityId(),
				document.type() + " " + blob);
		return id;
	}

	/**
	 * Files a document whose bytes are already in the blob store (a form's attachment, a
	 * notice).
	 */
	@Transactional
	public UUID addStored(UUID fileId, String type, String title, String correspondent, LocalDate date, String fileName,
			String contentType, String blob) {
		DocumentFile file = this.repository.file(fileId).orElseThrow(() -> new NotFoundException("File " + fileId));
		long size = this.blobs.get(blob).length;
		UUID id = this.repository.createDocument(fileId, type, title, correspondent, date, this.clock.instant());
		storeVersionOf(file, id, blob, fileName, contentType, size, false);
		this.auditLog.record("document.created", DOCUMENT, id.toString(), file.municipalityId(), type + " " + blob);
		return id;
	}

	public Optional<DocumentFile> fileOfCase(UUID caseId) {
		return this.repository.fileOfCase(caseId);
	}

	@Transactional
	public UUID openCaseFile(UUID caseId, UUID municipalityId, UUID orgUnitId, String title) {
		Optional<DocumentFile> existing = this.repository.fileOfCase(caseId);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		UUID id = this.repository.createFile(municipalityId, orgUnitId, null, caseId, title, this.clock.instant());
		this.auditLog.record("document-file.created", FILE, id.toString(), municipalityId, "case " + caseId);
		return id;
	}

	/** The unit's general file with the title, opened if there is none. */
	@Transactional
	public UUID openGeneralFile(UUID municipalityId, UUID orgUnitId, String title) {
		Optional<DocumentFile> existing = this.repository.filesOf(municipalityId, Set.of(orgUnitId), 1000)
			.stream()
			.filter((file) -> file.caseId() == null && file.title().equals(title))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get().id();
		}
		UUID id = this.repository.createFile(municipalityId, orgUnitId, null, null, title, this.clock.instant());
		this.auditLog.record("document-file.created", FILE, id.toString(), municipalityId, title);
		return id;
	}

	@Transactional
	public List<FiledDocument> documentsOf(UUID fileId) {
		DocumentFile file = this.repository.file(fileId).orElseThrow(() -> new NotFoundException("File " + fileId));
		this.auditLog.record("document-file.read", FILE, fileId.toString(), file.municipalityId(), file.title());
		return this.repository.documentsOf(fileId);
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	private UUID storeVersion(DocumentFile file, UUID documentId, String fileName, String contentType, byte[] content) {
		String blob = this.blobs.put(content);
		return storeVersionOf(file, documentId, blob, fileName, contentType, content.length, true);
	}

	private UUID storeVersionOf(DocumentFile file, UUID documentId, String blob, String fileName, String contentType,
			long size, boolean owned) {
		Instant now = this.clock.instant();
		UUID versionId = this.repository.addVersion(documentId, blob, safeName(fileName), contentType, size, now,
				AuditLog.currentActor(), owned);
		this.events.publishEvent(new DocumentVersionAdded(versionId, documentId, file.municipalityId()));
		return versionId;
	}

	private void checkContent(String field, String fileName, byte[] content) {
		if (content.length == 0) {
			throw InvalidInputException.of(field, "documents.error.empty");
		}
		if (content.length > this.maxBytes) {
			throw InvalidInputException.of(field, "documents.error.tooLarge", this.maxBytes / (1024 * 1024));
		}
		if (fileName.isBlank()) {
			throw InvalidInputException.of(field, "documents.error.empty");
		}
	}

	DocumentFile visibleFile(StaffPrincipal staff, UUID fileId) {
		DocumentFile file = this.repository.file(fileId).orElseThrow(() -> new NotFoundException("File " + fileId));
		if (!file.municipalityId().equals(staff.municipalityId()) || !unitsOf(staff).contains(file.orgUnitId())) {
			this.auditLog.recordRefusal("document-file.refused", FILE, fileId.toString(), staff.municipalityId(), "");
			throw new NotFoundException("File " + fileId);
		}
		return file;
	}

	static String safeName(String fileName) {
		String name = fileName.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
		if (name.isEmpty()) {
			return "dokument";
		}
		return (name.length() > 255) ? name.substring(name.length() - 255) : name;
	}

	static @Nullable UUID parse(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A file with what its page shows.
	 *
	 * @param file the file
	 * @param orgUnitName the org unit that keeps it
	 * @param subject code and title of its subject in the file plan
	 * @param documents its documents
	 */
	public record FileView(DocumentFile file, String orgUnitName, @Nullable String subject,
			List<FiledDocument> documents) {
	}

	/**
	 * A document with its versions, newest first.
	 *
	 * @param file its file
	 * @param document the document
	 * @param versions its versions
	 */
	public record DocumentView(DocumentFile file, FiledDocument document, List<DocumentVersion> versions) {
	}

	/**
	 * Bytes to send.
	 *
	 * @param fileName the name
	 * @param contentType the media type
	 * @param content the bytes
	 */
	public record Download(String fileName, String contentType, byte[] content) {
	}

}
