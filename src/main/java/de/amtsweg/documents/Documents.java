package de.amtsweg.documents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.Cases;
import de.amtsweg.documents.internal.DocumentStore;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-file for other modules (the mail room, the specialist-system API): file a
 * document in a case's file or a general file, and list what a file holds. Callers check
 * their own access rules; every change and read is audited with the current actor. A new
 * document's text is extracted for the search after the transaction.
 */
@Service
public class Documents {

	private final DocumentStore store;

	private final Cases cases;

	Documents(DocumentStore store, Cases cases) {
		this.store = store;
		this.cases = cases;
	}

	/** The file of a case, if it has one yet. */
	public Optional<DocumentFile> fileOfCase(UUID caseId) {
		return this.store.fileOfCase(caseId);
	}

	/**
	 * Files a document in the case's file (opened if needed).
	 * @return the new document
	 * @throws NotFoundException when there is no such case
	 * @throws de.amtsweg.platform.InvalidInputException when the document lacks something
	 */
	@Transactional
	public UUID addToCase(UUID caseId, NewDocument document) {
		Cases.CaseSummary summary = this.cases.byId(caseId).orElseThrow(() -> new NotFoundException("Case " + caseId));
		UUID fileId = this.store.openCaseFile(caseId, summary.municipalityId(), summary.orgUnitId(),
				summary.reference() + " " + summary.titleDe());
		return this.store.add(fileId, document);
	}

	/**
	 * Files a document in a file.
	 * @return the new document
	 */
	@Transactional
	public UUID add(UUID fileId, NewDocument document) {
		return this.store.add(fileId, document);
	}

	/**
	 * The org unit's general file with the title (e.g. the mail room's "Posteingang"),
	 * opened if it has none yet.
	 * @return the file
	 */
	@Transactional
	public UUID generalFile(UUID municipalityId, UUID orgUnitId, String title) {
		return this.store.openGeneralFile(municipalityId, orgUnitId, title);
	}

	/** The documents of a file, newest date first. */
	public List<FiledDocument> list(UUID fileId) {
		return this.store.documentsOf(fileId);
	}

}
