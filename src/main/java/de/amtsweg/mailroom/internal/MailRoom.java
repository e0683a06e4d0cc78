package de.amtsweg.mailroom.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.cases.Cases;
import de.amtsweg.documents.Documents;
import de.amtsweg.documents.NewDocument;
import de.amtsweg.mailroom.IncomingMailRouted;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail room's rules: who uploads (front desk, admins of the municipality), who sees
 * an item (the front desk and admins every item of their municipality, a clerk the items
 * in or filed by their org units' inboxes; others get 404), and how an item is routed
 * (into a case's file, an org unit's inbox, or a general file). Every read and change is
 * audited.
 */
@Service
public class MailRoom {

	static final String ITEM = "mail-item";

	/** The title of the general file an org unit's unassigned letters go to. */
	static final String GENERAL_FILE = "Posteingang";

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final MailRepository repository;

	private final BlobStore blobs;

	private final Cases cases;

	private final Documents documents;

	private final OrgUnits orgUnits;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MailRoom(MailRepository repository, BlobStore blobs, Cases cases, Documents documents, OrgUnits orgUnits,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.blobs = blobs;
		this.cases = cases;
		this.documents = documents;
		this.orgUnits = orgUnits;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the member works at the front desk (uploads and routes by hand). */
	public static boolean frontDesk(StaffPrincipal staff) {
		return staff.hasRole(StaffRole.FRONT_DESK) || staff.rolesByOrgUnit()
			.getOrDefault(StaffPrincipal.WHOLE_MUNICIPALITY, Set.of())
			.contains(StaffRole.ADMIN);
	}

	/** The org units whose inbox the member works. */
	public Set<UUID> unitsOf(StaffPrincipal staff) {
		return staff.workingUnits(Set.of(StaffRole.CLERK, StaffRole.ADMIN), this.orgUnits::of);
	}

	public List<OrgUnit> orgUnits(UUID municipalityId) {
		return this.orgUnits.of(municipalityId);
	}

	/** The front desk's list: items waiting for a person first, then the newest. */
	@Transactional
	public List<MailItem> recent(StaffPrincipal staff) {
		UUID municipalityId = requireFrontDesk(staff);
		List<MailItem> items = this.repository.recent(municipalityId, 100);
		this.auditLog.record("mail-item.listed", ITEM, "-", municipalityId, items.size() + " items");
		return items;
	}

	/** The items in the inboxes of the member's org units. */
	@Transactional
	public List<MailItem> inbox(StaffPrincipal staff) {
		UUID municipalityId = Objects.requireNonNull(staff.municipalityId());
		List<MailItem> items = this.repository.inbox(municipalityId, unitsOf(staff), 200);
		this.auditLog.record("mail-item.inbox-listed", ITEM, "-", municipalityId, items.size() + " items");
		return items;
	}

	@Transactional
	public MailItem item(StaffPrincipal staff, UUID id) {
		MailItem item = visible(staff, id);
		this.auditLog.record("mail-item.read", ITEM, id.toString(), item.municipalityId(), item.title());
		return item;
	}

	/** The original bytes of an item the member sees. */
	@Transactional
	public byte[] original(StaffPrincipal staff, UUID id) {
		MailItem item = visible(staff, id);
		this.auditLog.record("mail-item.downloaded", ITEM, id.toString(), item.municipalityId(), item.blob());
		return this.blobs.get(item.blob());
	}

	/**
	 * Files the item into the case with the reference number (the front desk for any item
	 * not yet filed, a clerk for an item in their inbox).
	 */
	@Transactional
	public MailItem assignToCase(StaffPrincipal staff, UUID id, String reference) {
		MailItem item = routable(staff, id);
		String normalised = reference.strip().toUpperCase(java.util.Locale.ROOT);
		Cases.CaseSummary summary = normalised.isEmpty() ? null
				: this.cases.byReference(item.municipalityId(), normalised).orElse(null);
		if (summary == null) {
			throw InvalidInputException.of("reference", "mailroom.error.reference");
		}
		fileIntoCase(item, summary, AuditLog.currentActor(), staff.displayName());
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * Puts the item into an org unit's inbox (the front desk, or a clerk passing it on).
	 */
	@Transactional
	public MailItem assignToUnit(StaffPrincipal staff, UUID id, String orgUnitId) {
		MailItem item = routable(staff, id);
		UUID unit = parse(orgUnitId);
		if (unit == null || this.orgUnits.byId(unit)
			.filter((candidate) -> candidate.municipalityId().equals(item.municipalityId()))
			.isEmpty()) {
			throw InvalidInputException.of("orgUnitId", "mailroom.error.orgUnit");
		}
		String actor = AuditLog.currentActor();
		this.repository.route(id, MailItem.INBOX, unit, null, null, null, null, actor, this.clock.instant());
		this.auditLog.record("mail-item.assigned", ITEM, id.toString(), item.municipalityId(), "org-unit " + unit);
		this.events.publishEvent(new IncomingMailRouted(id, item.municipalityId(), unit, null, actor));
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * A clerk files an item of their inbox into the org unit's general file
	 * "Posteingang".
	 */
	@Transactional
	public MailItem fileInGeneralFile(StaffPrincipal staff, UUID id) {
		MailItem item = visible(staff, id);
		if (!MailItem.INBOX.equals(item.state()) || item.orgUnitId() == null
				|| !unitsOf(staff).contains(item.orgUnitId())) {
			throw InvalidInputException.of("file", "mailroom.error.notInInbox");
		}
		UUID unit = item.orgUnitId();
		UUID fileId = this.documents.generalFile(item.municipalityId(), unit, GENERAL_FILE);
		UUID documentId = this.documents.add(fileId, document(item));
		String actor = AuditLog.currentActor();
		this.repository.route(id, MailItem.FILED, unit, null, null, fileId, documentId, actor, this.clock.instant());
		this.auditLog.record("mail-item.filed", ITEM, id.toString(), item.municipalityId(),
				"general file " + fileId + " document " + documentId);
		this.events.publishEvent(new IncomingMailRouted(id, item.municipalityId(), unit, null, actor));
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * Routes a queued item after its text was read: by reference number into the case's
	 * file, else by the first matching rule into an org unit's inbox, else to the front
	 * desk. Runs in the worker's transaction, as the system.
	 */
	void routeRecognised(MailItem item, String recognition, String text, @Nullable String searchableBlob) {
		LetterReader.Reading reading = LetterReader.read(text);
		this.repository.recognised(item.id(), recognition, text, searchableBlob, reading.subject(), reading.sender(),
				reading.references(), reading.paymentReference());
		MailItem read = this.repository.find(item.id()).orElseThrow();
		for (String reference : reading.references()) {
			Optional<Cases.CaseSummary> found = this.cases.byReference(item.municipalityId(), reference);
			if (found.isPresent()) {
				fileIntoCase(read, found.get(), "CASE", AuditLog.SYSTEM);
				return;
			}
		}
		for (MailRule rule : this.repository.rules(item.municipalityId())) {
			if (rule.matches(reading.subject(), text, reading.sender())) {
				this.repository.route(item.id(), MailItem.INBOX, rule.orgUnitId(), null, null, null, null, "RULE",
						this.clock.instant());
				this.auditLog.record("mail-item.routed", ITEM, item.id().toString(), item.municipalityId(),
						"rule " + rule.id() + " org-unit " + rule.orgUnitId());
				this.events.publishEvent(
						new IncomingMailRouted(item.id(), item.municipalityId(), rule.orgUnitId(), null, "RULE"));
				return;
			}
		}
		toFrontDesk(item, "no case reference, no rule");
	}

	/** Leaves an item whose text could not be read to the front desk. */
	void unreadable(MailItem item, String recognition) {
		this.repository.recognised(item.id(), recognition, "", null, null, null, List.of(), null);
		toFrontDesk(item, recognition);
	}

	private void toFrontDesk(MailItem item, String why) {
		this.repository.route(item.id(), MailItem.MANUAL, null, null, null, null, null, "MANUAL", this.clock.instant());
		this.auditLog.record("mail-item.manual", ITEM, item.id().toString(), item.municipalityId(), why);
	}

	private void fileIntoCase(MailItem item, Cases.CaseSummary summary, String routedBy, String actorName) {
		if (!summary.municipalityId().equals(item.municipalityId())) {
			throw new NotFoundException("Case " + summary.id());
		}
		NewDocument document = document(item);
		UUID documentId = this.documents.addToCase(summary.id(), document);
		UUID fileId = this.documents.fileOfCase(summary.id()).orElseThrow().id();
		this.repository.route(item.id(), MailItem.FILED, summary.orgUnitId(), summary.id(), summary.reference(), fileId,
				documentId, routedBy, this.clock.instant());
		this.auditLog.record("mail-item.filed", ITEM, item.id().toString(), item.municipalityId(),
				"case " + summary.reference() + " document " + documentId);
		this.cases.incomingLetterFiled(summary.id(), document.title(), actorName);
		this.events.publishEvent(
				new IncomingMailRouted(item.id(), item.municipalityId(), summary.orgUnitId(), summary.id(), routedBy));
	}

	private NewDocument document(MailItem item) {
		LocalDate received = LocalDate.ofInstant(item.uploadedAt(), BERLIN);
		String sender = Objects.requireNonNullElse(item.sender(), "");
		if (item.searchableBlob() != null) {
			String name = item.fileName().replaceAll("\\.[A-Za-z0-9]{2,4}$", "") + ".pdf";
			return new NewDocument("LETTER_IN", limit(item.title()), sender, received, name, "application/pdf",
					this.blobs.get(item.searchableBlob()));
		}
		return new NewDocument("LETTER_IN", limit(item.title()), sender, received, item.fileName(), item.contentType(),
				this.blobs.get(item.blob()));
	}

	private static String limit(String title) {
		return (title.length() > 300) ? title.substring(0, 300) : title;
	}

	private MailItem routable(StaffPrincipal staff, UUID id) {
		MailItem item = visible(staff, id);
		this.repository.lock(id);
		boolean frontDesk = frontDesk(staff) && (MailItem.MANUAL.equals(item.state())
				|| MailItem.INBOX.equals(item.state()) || MailItem.QUEUED.equals(item.state()));
		boolean clerk = MailItem.INBOX.equals(item.state()) && item.orgUnitId() != null
				&& unitsOf(staff).contains(item.orgUnitId());
		if (!frontDesk && !clerk) {
			throw InvalidInputException.of("reference", "mailroom.error.notRoutable");
		}
		return this.repository.find(id).orElseThrow();
	}

	/** The item if the member may see it; 404 (audited) otherwise. */
	private MailItem visible(StaffPrincipal staff, UUID id) {
		MailItem item = this.repository.find(id).orElseThrow(() -> new NotFoundException("Mail item " + id));
		boolean sameMunicipality = item.municipalityId().equals(staff.municipalityId());
		boolean frontDesk = sameMunicipality && frontDesk(staff);
		boolean unit = sameMunicipality && item.orgUnitId() != null && unitsOf(staff).contains(item.orgUnitId());
		if (!frontDesk && !unit) {
			this.auditLog.recordRefusal("mail-item.refused", ITEM, id.toString(), staff.municipalityId(), "");
			throw new NotFoundException("Mail item " + id);
		}
		return item;
	}

	private UUID requireFrontDesk(StaffPrincipal staff) {
		UUID municipalityId = staff.municipalityId();
		if (municipalityId == null || !frontDesk(staff)) {
			throw new NotFoundException("Mail room");
		}
		return municipalityId;
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

}
