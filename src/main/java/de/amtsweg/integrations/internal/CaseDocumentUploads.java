package de.amtsweg.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.cases.Cases;
import de.amtsweg.documents.Documents;
import de.amtsweg.documents.NewDocument;
import de.amtsweg.platform.ContentTypes;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.VirusCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files documents that a specialist system sends for a case of its org units in the
 * case's e-file ({@link Documents#addToCase}, which checks the size and audits under the
 * system's name). What the bytes are is read from the bytes, never taken from the name or
 * the sender's claim; only the formats a file keeps are accepted. A request with an
 * {@code Idempotency-Key} the system used before gives the document of the first request:
 * the key is claimed first in the transaction, so a concurrent retry waits for the first
 * one and then finds its document. Nothing reaches the applicant: a notice filed here
 * stays in the file until the clerk sends it.
 */
@Service
public class CaseDocumentUploads {

	/** The formats accepted, as detected from the content. */
	static final Set<String> ACCEPTED = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain",
			"application/xml", "text/xml");

	private final Cases cases;

	private final Documents documents;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final VirusCheck virusCheck;

	CaseDocumentUploads(Cases cases, Documents documents, JdbcClient jdbc, Clock clock, VirusCheck virusCheck) {
		this.virusCheck = virusCheck;
		this.cases = cases;
		this.documents = documents;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Files the document in the case's file, or finds the one filed under the key.
	 * @throws NotFoundException for a case the system does not see
	 * @throws InvalidInputException for a missing title, an unknown type, an empty, too
	 * large or unaccepted file, or a key reused for another request
	 */
	@Transactional
	public Added add(SpecialistSystemPrincipal system, UUID caseId, Upload upload, @Nullable String idempotencyKey) {
		Cases.CaseSummary summary = this.cases.byId(caseId)
			.filter((c) -> c.municipalityId().equals(system.municipalityId()))
			.filter((c) -> system.orgUnitIds().contains(c.orgUnitId()))
			.orElseThrow(() -> new NotFoundException("Case " + caseId));
		String sha256 = sha256(upload.content());
		String requestHash = sha256(caseId + "\n" + upload.type() + "\n" + upload.title() + "\n" + upload.sender()
				+ "\n" + upload.date() + "\n" + upload.fileName() + "\n" + sha256);
		String key = (idempotencyKey != null) ? idempotencyKey.strip() : "";
		if (!key.isEmpty()) {
			if (key.length() > 200) {
				throw InvalidInputException.of("Idempotency-Key", "integrations.api.idempotencyKey.invalid");
			}
			Optional<Added> earlier = claim(system.systemId(), key, caseId, requestHash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		String type = ContentTypes.detect(upload.content());
		if (upload.content().length > 0 && !ACCEPTED.contains(type)) {
			throw InvalidInputException.of("file", "integrations.api.document.type");
		}
		if (upload.content().length > 0) {
			this.virusCheck.requireClean("file", upload.fileName(), upload.content(), "integrations",
					system.municipalityId());
		}
		UUID documentId = this.documents.addToCase(summary.id(),
				new NewDocument((upload.type() != null) ? upload.type().strip().toUpperCase(java.util.Locale.ROOT) : "",
						(upload.title() != null) ? upload.title() : "",
						(upload.sender() != null) ? upload.sender() : "",
						(upload.date() != null) ? upload.date() : LocalDate.now(this.clock), upload.fileName(), type,
						upload.content()));
		if (!key.isEmpty()) {
			this.jdbc.sql("""
					update integration_document_request set document_id = :d, sha256 = :sha
					 where system_id = :s and idempotency_key = :k""")
				.param("d", documentId)
				.param("sha", sha256)
				.param("s", system.systemId())
				.param("k", key)
				.update();
		}
		return new Added(documentId, sha256, type, false);
	}

	/**
	 * Claims the key for this request; a key claimed before gives that request's
	 * document. The insert waits for a concurrent request with the same key to end.
	 */
	private Optional<Added> claim(UUID systemId, String key, UUID caseId, String requestHash) {
		int claimed = this.jdbc.sql("""
				insert into integration_document_request (system_id, idempotency_key, case_id, request_hash, created_at)
				values (:s, :k, :c, :h, :at) on conflict do nothing""")
			.param("s", systemId)
			.param("k", key)
			.param("c", caseId)
			.param("h", requestHash)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				select request_hash, document_id, sha256 from integration_document_request
				 where system_id = :s and idempotency_key = :k""")
			.param("s", systemId)
			.param("k", key)
			.query((rs, row) -> {
				if (!requestHash.equals(rs.getString("request_hash")) || rs.getString("document_id") == null) {
					throw InvalidInputException.of("Idempotency-Key", "integrations.api.idempotencyKey.reused");
				}
				return new Added(rs.getObject("document_id", UUID.class), rs.getString("sha256"), "", true);
			})
			.single());
	}

	private static String sha256(byte[] content) {
		return Sha256.hex(content);
	}

	private static String sha256(String value) {
		return sha256(value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A document as the system sends it.
	 *
	 * @param type the document type's key, e.g. {@code LETTER_OUT} or {@code NOTICE}
	 * @param title its title
	 * @param sender who sent or wrote it, if given
	 * @param date the date it bears; today if not given
	 * @param fileName the file's name
	 * @param content its bytes
	 */
	public record Upload(@Nullable String type, @Nullable String title, @Nullable String sender,
			@Nullable LocalDate date, String fileName, byte[] content) {
	}

	/**
	 * @param documentId the filed document
	 * @param sha256 SHA-256 of its content
	 * @param contentType the type read from its bytes (empty for a replay)
	 * @param replayed whether an earlier request with the same key filed it
	 */
	public record Added(UUID documentId, String sha256, String contentType, boolean replayed) {
	}

}
