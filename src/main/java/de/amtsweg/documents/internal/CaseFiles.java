package de.amtsweg.documents.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import de.amtsweg.cases.CaseOpened;
import de.amtsweg.cases.CaseStatus;
import de.amtsweg.cases.CaseStatusChanged;
import de.amtsweg.cases.Cases;
import de.amtsweg.cases.NoticeCreated;
import de.amtsweg.documents.DocumentFile;
import de.amtsweg.documents.NewDocument;
import de.amtsweg.forms.Submissions;
import de.amtsweg.platform.SystemActor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a file per case: opened with the applicant's receipt and the submission's
 * attachments when the case opens, the notice filed when it is created, and the case's
 * retention period taken over when the case closes. Each listener runs once per event in
 * its own transaction; a redelivered event finds its work done.
 */
@Component
class CaseFiles {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final DocumentStore store;

	private final DocumentRepository repository;

	private final Cases cases;

	private final Submissions submissions;

	CaseFiles(DocumentStore store, DocumentRepository repository, Cases cases, Submissions submissions) {
		this.store = store;
		this.repository = repository;
		this.cases = cases;
		this.submissions = submissions;
	}

	@ApplicationModuleListener
	void opened(CaseOpened event) {
		SystemActor.run(() -> {
			if (this.store.fileOfCase(event.caseId()).isPresent()) {
				return;
			}
			var fileId = open(event.caseId(), event.municipalityId(), event.orgUnitId());
			this.submissions.get(event.submissionId()).ifPresent((form) -> {
				LocalDate submitted = LocalDate.ofInstant(form.submittedAt(), BERLIN);
				// the receipt first: it is what the applicant holds, with every answer
				this.submissions.receipt(form.id())
					.ifPresent((receipt) -> this.store.add(fileId,
							new NewDocument("APPLICATION", "Eingangsbestätigung " + form.reference(), "", submitted,
									"Eingangsbestaetigung-" + form.reference() + ".pdf", "application/pdf", receipt)));
				for (Submissions.Attachment attachment : form.attachments()) {
					this.store.addStored(fileId, "ATTACHMENT", attachment.fileName(), "", submitted,
							attachment.fileName(), attachment.contentType(), attachment.blobAddress());
				}
			});
		});
	}

	@ApplicationModuleListener
	void noticeCreated(NoticeCreated event) {
		SystemActor.run(() -> {
			var fileId = open(event.caseId(), event.municipalityId(), event.orgUnitId());
			boolean filed = this.repository.documentsOf(fileId)
				.stream()
				.anyMatch((document) -> "NOTICE".equals(document.type()) && this.repository.versionsOf(document.id())
					.stream()
					.anyMatch((version) -> version.blob().equals(event.blobAddress())));
			if (!filed) {
				this.store.addStored(fileId, "NOTICE", "Bescheid", "", LocalDate.ofInstant(event.createdAt(), BERLIN),
						"bescheid.pdf", "application/pdf", event.blobAddress());
			}
		});
	}

	@ApplicationModuleListener
	void statusChanged(CaseStatusChanged event) {
		if (event.status() != CaseStatus.CLOSED) {
			return;
		}
		Optional<DocumentFile> file = this.store.fileOfCase(event.caseId());
		Optional<LocalDate> retainUntil = this.cases.retainUntil(event.caseId());
		if (file.isPresent() && retainUntil.isPresent()) {
			this.repository.setCaseRetainUntil(file.get().id(), retainUntil.get());
		}
	}

	private java.util.UUID open(java.util.UUID caseId, java.util.UUID municipalityId, java.util.UUID orgUnitId) {
		String title = this.cases.byId(caseId)
			.map((summary) -> summary.reference() + " " + summary.titleDe())
			.orElse("Vorgang " + caseId);
		return this.store.openCaseFile(caseId, municipalityId, orgUnitId, title);
	}

}
