package de.amtsweg.mailroom.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.ContentTypes;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.RateLimits;
import de.amtsweg.platform.VirusCheck;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a batch of scanned letters into the intake queue. Each file's type is what its
 * bytes are (the platform's {@link ContentTypes}, never the name or what the browser
 * says), and it must pass the {@link VirusCheck}; the blobs are stored and the rows
 * inserted in one transaction, so an accepted upload is never lost. The page's
 * idempotency key makes a repeated submit of the same batch add nothing, and the same
 * bytes twice in one batch count once.
 */
@Service
public class MailIntake {

	static final Set<String> TYPES = Set.of(ContentTypes.PDF, ContentTypes.PNG, ContentTypes.JPEG, ContentTypes.TIFF);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final MailRepository repository;

	private final BlobStore blobs;

	private final AuditLog auditLog;

	private final Clock clock;

	private final VirusCheck virusCheck;

	private final RateLimits rateLimits;

	private final int uploadsPerHour;

	private final int maxFiles;

	private final long maxBytes;

	MailIntake(MailRepository repository, BlobStore blobs, AuditLog auditLog, Clock clock, VirusCheck virusCheck,
			RateLimits rateLimits, @Value("${amtsweg.mailroom.uploads-per-staff-per-hour:120}") int uploadsPerHour,
			@Value("${amtsweg.mailroom.max-files-per-batch:20}") int maxFiles,
			@Value("${amtsweg.mailroom.max-file-bytes:20971520}") long maxBytes) {
		this.repository = repository;
		this.blobs = blobs;
		this.auditLog = auditLog;
		this.clock = clock;
		this.virusCheck = virusCheck;
		this.rateLimits = rateLimits;
		this.uploadsPerHour = uploadsPerHour;
		this.maxFiles = maxFiles;
		this.maxBytes = maxBytes;
	}

	public int maxFiles() {
		return this.maxFiles;
	}

	public long maxMegabytes() {
		return this.maxBytes / (1024 * 1024);
	}

	/**
	 * Queues the files of a batch.
	 * @return the batch
	 * @throws InvalidInputException for a missing, too large or unsupported file, or too
	 * many; nothing of the batch is kept then
	 */
	@Transactional
	public Batch upload(StaffPrincipal staff, String idempotencyKey, List<Upload> files) {
		if (!MailRoom.frontDesk(staff) || staff.municipalityId() == null) {
			throw new NotFoundException("Mail room");
		}
		// staff only, but bounded: a stuck script or a hijacked session cannot flood the
		// queue
		if (!this.rateLimits
			.attempt("mailroom-upload", AuditLog.currentActor(), this.uploadsPerHour, Duration.ofHours(1))
			.allowed()) {
			throw InvalidInputException.of("files", "mailroom.error.tooManyUploads", this.uploadsPerHour);
		}
		if (!KEY.matcher(idempotencyKey).matches()) {
			throw InvalidInputException.of("files", "mailroom.error.batch");
		}
		List<Upload> present = files.stream().filter((file) -> file.content().length > 0).toList();
		if (present.isEmpty()) {
			throw InvalidInputException.of("files", "mailroom.error.noFiles");
		}
		if (present.size() > this.maxFiles) {
			throw InvalidInputException.of("files", "mailroom.error.tooMany", this.maxFiles);
		}
		String[] types = new String[present.size()];
		for (int i = 0; i < present.size(); i++) {
			Upload file = present.get(i);
			if (file.content().length > this.maxBytes) {
				throw InvalidInputException.of("files", "mailroom.error.tooLarge", file.name(), maxMegabytes());
			}
			types[i] = ContentTypes.detect(file.content());
			if (!TYPES.contains(types[i])) {
				throw InvalidInputException.of("files", "mailroom.error.type", file.name());
			}
			this.virusCheck.requireClean("files", file.name(), file.content(), "mailroom", staff.municipalityId());
		}
		UUID municipalityId = staff.municipalityId();
		Instant now = this.clock.instant();
		String actor = AuditLog.currentActor();
		UUID batch = this.repository.batch(municipalityId, idempotencyKey, now, actor);
		int added = 0;
		for (int i = 0; i < present.size(); i++) {
			Upload file = present.get(i);
			String blob = this.blobs.put(file.content());
			if (this.repository.insertItem(municipalityId, batch, safeName(file.name()), types[i],
					file.content().length, blob, now, actor)) {
				added++;
			}
		}
		this.auditLog.record("mail-batch.uploaded", "mail-batch", batch.toString(), municipalityId,
				added + " new of " + present.size() + " files");
		return new Batch(batch, added, present.size());
	}

	/** The items of a batch (for the upload's confirmation). */
	public List<MailItem> batch(StaffPrincipal staff, UUID batchId) {
		return this.repository.ofBatch(batchId)
			.stream()
			.filter((item) -> item.municipalityId().equals(staff.municipalityId()))
			.toList();
	}

	static String safeName(String fileName) {
		String name = fileName.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
		if (name.isEmpty()) {
			return "schreiben";
		}
		return (name.length() > 255) ? name.substring(name.length() - 255) : name;
	}

	/**
	 * @param name the file's name
	 * @param content its bytes
	 */
	public record Upload(String name, byte[] content) {
	}

	/**
	 * @param id the batch
	 * @param added items new in the queue
	 * @param files files received
	 */
	public record Batch(UUID id, int added, int files) {
	}

}
