package de.amtsweg.postbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.amtsweg.accounts.CitizenAccounts;
import de.amtsweg.accounts.OrganisationMembership;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.postbox.CitizenReplied;
import de.amtsweg.postbox.NewAttachment;
import de.amtsweg.postbox.NewThread;
import de.amtsweg.postbox.ThreadSummary;
import de.amtsweg.postbox.internal.PostboxEvents.MessageWaiting;
import de.amtsweg.postbox.internal.PostboxMessage.Attachment;
import de.amtsweg.postbox.internal.PostboxMessage.Sender;
import de.amtsweg.postbox.internal.PostboxRepository.Row;
import de.amtsweg.postbox.internal.PostboxThread.TaskState;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postbox's rules: who sees which thread (everyone else gets "not found"), writing
 * with attachments, unread counts, reply-by tasks. Every read and change is audited;
 * mails leave through events.
 */
@Service
public class Conversations {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern TOPIC = Pattern.compile("general|[a-z][a-z-]*:[A-Za-z0-9._-]{1,100}");

	private static final int MAX_TEXT = 10000;

	private static final int MAX_SUBJECT = 200;

	private static final String RECORD = "postbox-thread";

	private final PostboxRepository repository;

	private final AttachmentCheck attachmentCheck;

	private final BlobStore blobs;

	private final OrgUnits orgUnits;

	private final CitizenAccounts citizenAccounts;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final PostboxProperties properties;

	private final Clock clock;

	Conversations(PostboxRepository repository, AttachmentCheck attachmentCheck, BlobStore blobs, OrgUnits orgUnits,
			CitizenAccounts citizenAccounts, AuditLog auditLog, ApplicationEventPublisher events,
			PostboxProperties properties, Clock clock) {
		this.repository = repository;
		this.attachmentCheck = attachmentCheck;
		this.blobs = blobs;
		this.orgUnits = orgUnits;
		this.citizenAccounts = citizenAccounts;
		this.auditLog = auditLog;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** Opens a thread on the town hall's side (API for other modules). */
	@Transactional
	public UUID openThread(NewThread request) {
		OrgUnit unit = this.orgUnits.get(request.municipalityId(), request.orgUnitId());
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String guestEmail = (request.guestEmail() != null) ? request.guestEmail().trim() : null;
		if (request.citizenAccountId() == null && request.organisationId() == null
				&& (guestEmail == null || !EMAIL.matcher(guestEmail).matches())) {
			problems.add("guestEmail", "postbox.error.recipient");
		}
		if (!TOPIC.matcher(request.topic()).matches()) {
			problems.add("topic", "postbox.error.topic");
		}
		checkSubject(request.subject(), problems);
		checkText(request.firstMessage(), problems);
		if (request.replyBy() != null && request.replyBy().isBefore(today())) {
			problems.add("replyBy", "postbox.error.replyBy.past");
		}
		problems.throwIfAny();
		UUID threadId = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.repository.insertThread(new PostboxThread(threadId, request.municipalityId(), unit.id(),
				request.citizenAccountId(), request.organisationId(),
				(request.citizenAccountId() == null && request.organisationId() == null) ? guestEmail : null,
				request.topic(), request.subject().strip(), request.replyBy(), null, null, now, now));
		UUID messageId = write(threadId, Sender.STAFF, null, request.staffAuthorId(), unit.name(),
				request.firstMessage(), List.of(), now);
		this.auditLog.record("postbox.thread.opened", RECORD, threadId.toString(), request.municipalityId(),
				"topic " + request.topic() + ", org unit " + unit.key());
		this.events.publishEvent(new MessageWaiting(threadId, messageId));
		return threadId;
	}

	/** A staff member starts a general thread with a person by e-mail (a guest link). */
	@Transactional
	public UUID startAsStaff(StaffPrincipal staff, @Nullable UUID orgUnitId, String email, String subject, String text,
			@Nullable LocalDate replyBy, List<NewAttachment> attachments) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (orgUnitId == null || staff.municipalityId() == null || !writesFor(staff, orgUnitId)) {
			problems.add("orgUnitId", "postbox.error.orgUnit");
		}
		if (!EMAIL.matcher(email.trim()).matches()) {
			problems.add("email", "postbox.error.email");
		}
		checkSubject(subject, problems);
		checkText(text, problems);
		if (replyBy != null && replyBy.isBefore(today())) {
			problems.add("replyBy", "postbox.error.replyBy.past");
		}
		problems.throwIfAny();
		List<String> types = this.attachmentCheck.check(attachments);
		UUID municipalityId = Objects.requireNonNull(staff.municipalityId());
		OrgUnit unit = this.orgUnits.get(municipalityId, Objects.requireNonNull(orgUnitId));
		UUID threadId = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.repository.insertThread(new PostboxThread(threadId, municipalityId, unit.id(), null, null,
				email.trim().toLowerCase(Locale.ROOT), "general", subject.strip(), replyBy, null, null, now, now));
		UUID messageId = write(threadId, Sender.STAFF, null, staff.staffId(), staff.displayName(), text,
				attachments(attachments, types), now);
		this.auditLog.record("postbox.thread.opened", RECORD, threadId.toString(), municipalityId,
				"general, org unit " + unit.key() + ", guest");
		this.events.publishEvent(new MessageWaiting(threadId, messageId));
		return threadId;
	}

	/**
	 * A citizen writes to an org unit, for themselves or for one of their organisations.
	 */
	@Transactional
	public UUID startAsCitizen(Party.Citizen citizen, UUID municipalityId, @Nullable UUID orgUnitId,
			@Nullable UUID organisationId, String subject, String text, List<NewAttachment> attachments) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Optional<OrgUnit> unit = Optional.ofNullable(orgUnitId)
			.flatMap(this.orgUnits::byId)
			.filter((candidate) -> candidate.municipalityId().equals(municipalityId));
		if (unit.isEmpty()) {
			problems.add("orgUnitId", "postbox.error.orgUnit");
		}
		if (organisationId != null && !organisationsOf(citizen.accountId()).contains(organisationId)) {
			problems.add("organisationId", "postbox.error.organisation");
		}
		checkSubject(subject, problems);
		checkText(text, problems);
		problems.throwIfAny();
		List<String> types = this.attachmentCheck.check(attachments);
		checkRate(citizen.accountId());
		UUID threadId = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.repository.insertThread(new PostboxThread(threadId, municipalityId, unit.get().id(), citizen.accountId(),
				organisationId, null, "general", subject.strip(), null, null, null, now, now));
		UUID messageId = write(threadId, Sender.CITIZEN, citizen.accountId(), null, citizen.displayName(), text,
				attachments(attachments, types), now);
		this.auditLog.record("postbox.thread.opened", RECORD, threadId.toString(), municipalityId,
				"general, org unit " + unit.get().key() + ((organisationId != null) ? ", organisation" : ""));
		this.events
			.publishEvent(new CitizenReplied(threadId, municipalityId, "general", messageId, attachments.size()));
		return threadId;
	}

	/** Writes in a thread the party may see; 404 if they may not. */
	@Transactional
	public UUID reply(Party party, UUID threadId, String text, List<NewAttachment> attachments,
			@Nullable LocalDate replyBy) {
		PostboxThread thread = visibleThread(party, threadId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		checkText(text, problems);
		boolean staff = party instanceof Party.Staff;
		if (staff && replyBy != null && replyBy.isBefore(today())) {
			problems.add("replyBy", "postbox.error.replyBy.past");
		}
		problems.throwIfAny();
		List<String> types = this.attachmentCheck.check(attachments);
		Instant now = this.clock.instant();
		UUID messageId;
		if (party instanceof Party.Staff staffParty) {
			StaffPrincipal principal = staffParty.principal();
			if (!writesFor(principal, thread.orgUnitId())) {
				throw new NotFoundException("Thread " + threadId);
			}
			messageId = write(threadId, Sender.STAFF, null, principal.staffId(), principal.displayName(), text,
					attachments(attachments, types), now);
			if (replyBy != null) {
				this.repository.setReplyBy(threadId, replyBy);
			}
			this.events.publishEvent(new MessageWaiting(threadId, messageId));
		}
		else {
			UUID accountId = (party instanceof Party.Citizen citizen) ? citizen.accountId() : null;
			if (accountId != null) {
				checkRate(accountId);
			}
			String name = (party instanceof Party.Citizen citizen) ? citizen.displayName()
					: Objects.requireNonNull(thread.guestEmail());
			messageId = write(threadId, Sender.CITIZEN, accountId, null, name, text, attachments(attachments, types),
					now);
			this.repository.markReplied(threadId, now);
			this.events.publishEvent(new CitizenReplied(threadId, thread.municipalityId(), thread.topic(), messageId,
					attachments.size()));
		}
		this.auditLog.record("postbox.message.written", RECORD, threadId.toString(), thread.municipalityId(),
				"message " + messageId + ", " + attachments.size() + " attachments");
		return messageId;
	}

	/**
	 * The thread with its messages; the other side's messages count as read from now on.
	 */
	@Transactional
	public ThreadPage open(Party party, UUID threadId) {
		PostboxThread thread = visibleThread(party, threadId);
		Sender otherSide = (party instanceof Party.Staff) ? Sender.CITIZEN : Sender.STAFF;
		List<PostboxMessage> messages = this.repository.messages(threadId);
		this.repository.markRead(threadId, otherSide, this.clock.instant());
		this.auditLog.record("postbox.thread.read", RECORD, threadId.toString(), thread.municipalityId(),
				messages.size() + " messages");
		OrgUnit unit = this.orgUnits.get(thread.municipalityId(), thread.orgUnitId());
		String organisation = (thread.organisationId() != null && party instanceof Party.Citizen citizen)
				? organisationNames(citizen.accountId()).get(thread.organisationId()) : null;
		return new ThreadPage(thread, unit, organisation, messages, thread.taskState(today()), thread.replyBy());
	}

	/** An attachment of a thread the party may see, with its bytes. */
	@Transactional
	public Download download(Party party, UUID threadId, UUID attachmentId) {
		PostboxThread thread = visibleThread(party, threadId);
		Attachment attachment = this.repository.attachment(threadId, attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment " + attachmentId));
		this.auditLog.record("postbox.attachment.read", RECORD, threadId.toString(), thread.municipalityId(),
				"attachment " + attachmentId);
		return new Download(attachment, this.blobs.get(attachment.blobAddress()));
	}

	/** The citizen's threads and their organisations', newest first. */
	@Transactional
	public List<ListItem> threadsOf(Party.Citizen citizen) {
		Map<UUID, String> organisations = organisationNames(citizen.accountId());
		List<Row> rows = this.repository.ofCitizen(citizen.accountId(), organisations.keySet());
		this.auditLog.record("postbox.list.read", "citizen-account", citizen.accountId().toString(), null,
				rows.size() + " threads");
		return items(rows, organisations);
	}

	/** The threads of the staff member's org units, unread first. */
	@Transactional
	public List<ListItem> threadsOf(StaffPrincipal staff) {
		if (staff.municipalityId() == null) {
			return List.of();
		}
		Set<UUID> units = staffUnits(staff);
		if (units.isEmpty()) {
			return List.of();
		}
		List<Row> rows = this.repository.ofOrgUnits(staff.municipalityId(), units);
		this.auditLog.record("postbox.list.read", "staff", staff.staffId().toString(), staff.municipalityId(),
				rows.size() + " threads");
		return items(rows, Map.of());
	}

	/** The org units a staff member may write for. */
	public List<OrgUnit> unitsOf(StaffPrincipal staff) {
		if (staff.municipalityId() == null) {
			return List.of();
		}
		return this.orgUnits.of(staff.municipalityId()).stream().filter((unit) -> writesFor(staff, unit.id())).toList();
	}

	@Transactional
	public List<ThreadSummary> threadsOfTopic(UUID municipalityId, String topic) {
		List<Row> rows = this.repository.ofTopic(municipalityId, topic);
		this.auditLog.record("postbox.topic.read", RECORD, topic, municipalityId, rows.size() + " threads");
		return rows.stream().map(Conversations::summary).toList();
	}

	/**
	 * Deletes the threads of a topic, e.g. when the case they belong to is past its
	 * retention; audited.
	 */
	@Transactional
	public int removeTopic(UUID municipalityId, String topic) {
		int removed = this.repository.removeTopic(municipalityId, topic);
		this.auditLog.record("postbox.topic.removed", RECORD, topic, municipalityId, removed + " threads");
		return removed;
	}

	/** The thread a guest's link opens, if the link is valid and not expired. */
	@Transactional
	public Optional<UUID> guestThread(@Nullable String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		Optional<UUID> thread = this.repository.threadOfGuestToken(GuestTokens.hash(token), this.clock.instant());
		thread.ifPresent((id) -> this.auditLog.record("postbox.guest-link.used", RECORD, id.toString(), null, ""));
		return thread;
	}

	/** Whether the guest's link (by its hash) still opens the thread. */
	public boolean guestLinkValid(String tokenHash, UUID threadId) {
		return this.repository.threadOfGuestToken(tokenHash, this.clock.instant()).filter(threadId::equals).isPresent();
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private PostboxThread visibleThread(Party party, UUID threadId) {
		PostboxThread thread = this.repository.find(threadId)
			.orElseThrow(() -> new NotFoundException("Thread " + threadId));
		boolean visible;
		if (party instanceof Party.Citizen citizen) {
			visible = citizen.accountId().equals(thread.citizenAccountId()) || (thread.organisationId() != null
					&& organisationsOf(citizen.accountId()).contains(thread.organisationId()));
		}
		else if (party instanceof Party.Staff staff) {
			visible = thread.municipalityId().equals(staff.principal().municipalityId())
					&& writesFor(staff.principal(), thread.orgUnitId());
		}
		else {
			visible = ((Party.Guest) party).threadId().equals(threadId) && thread.guestEmail() != null;
		}
		if (!visible) {
			this.auditLog.recordRefusal("postbox.thread.refused", RECORD, threadId.toString(), null, "");
			throw new NotFoundException("Thread " + threadId);
		}
		return thread;
	}

	/** Any role in the org unit; a clerk for the whole municipality too. */
	private static boolean writesFor(StaffPrincipal staff, UUID orgUnitId) {
		return staff.rolesByOrgUnit().containsKey(orgUnitId) || staff.hasRole(StaffRole.CLERK, orgUnitId);
	}

	private Set<UUID> staffUnits(StaffPrincipal staff) {
		return unitsOf(staff).stream().map(OrgUnit::id).collect(Collectors.toSet());
	}

	private Set<UUID> organisationsOf(UUID accountId) {
		return organisationNames(accountId).keySet();
	}

	private Map<UUID, String> organisationNames(UUID accountId) {
		return this.citizenAccounts.organisationsOf(accountId)
			.stream()
			.collect(Collectors.toMap(OrganisationMembership::organisationId, OrganisationMembership::organisationName,
					(first, second) -> first));
	}

	private List<ListItem> items(List<Row> rows, Map<UUID, String> organisations) {
		Map<UUID, String> unitNames = new java.util.HashMap<>();
		Function<PostboxThread, String> unitName = (thread) -> unitNames.computeIfAbsent(thread.orgUnitId(),
				(id) -> this.orgUnits.byId(id).map(OrgUnit::name).orElse(""));
		LocalDate today = today();
		List<ListItem> items = new ArrayList<>();
		for (Row row : rows) {
			PostboxThread thread = row.thread();
			items.add(new ListItem(summary(row), unitName.apply(thread),
					(thread.organisationId() != null) ? organisations.get(thread.organisationId()) : null,
					thread.guestEmail(), thread.taskState(today)));
		}
		return List.copyOf(items);
	}

	private static ThreadSummary summary(Row row) {
		PostboxThread thread = row.thread();
		return new ThreadSummary(thread.id(), thread.topic(), thread.subject(), thread.lastMessageAt(),
				row.unreadForCitizen(), row.unreadForStaff(), thread.replyBy());
	}

	private UUID write(UUID threadId, Sender sender, @Nullable UUID accountId, @Nullable UUID staffId,
			String authorName, String text, List<Stored> files, Instant now) {
		UUID messageId = UUID.randomUUID();
		String name = authorName.isBlank() ? "-" : authorName.strip();
		this.repository.insertMessage(messageId, threadId, sender, accountId, staffId,
				(name.length() > 300) ? name.substring(0, 300) : name, text.strip(), now);
		for (Stored file : files) {
			this.repository.insertAttachment(new Attachment(UUID.randomUUID(), messageId, file.fileName(),
					file.contentType(), file.size(), file.blobAddress()));
		}
		return messageId;
	}

	private List<Stored> attachments(List<NewAttachment> attachments, List<String> types) {
		List<Stored> stored = new ArrayList<>();
		for (int i = 0; i < attachments.size(); i++) {
			NewAttachment attachment = attachments.get(i);
			stored.add(new Stored(AttachmentCheck.safeName(attachment.fileName()), types.get(i),
					attachment.content().length, this.blobs.put(attachment.content())));
		}
		return stored;
	}

	private void checkRate(UUID accountId) {
		Instant since = this.clock.instant().minus(Duration.ofDays(1));
		if (this.repository.messagesWrittenBy(accountId, since) >= this.properties.messagesPerAccountPerDay()) {
			throw InvalidInputException.of("text", "postbox.error.tooMany");
		}
	}

	private static void checkSubject(String subject, InvalidInputException.Collector problems) {
		if (subject.isBlank()) {
			problems.add("subject", "postbox.error.subject.required");
		}
		else if (subject.strip().length() > MAX_SUBJECT) {
			problems.add("subject", "postbox.error.subject.tooLong", MAX_SUBJECT);
		}
	}

	private static void checkText(String text, InvalidInputException.Collector problems) {
		if (text.isBlank()) {
			problems.add("text", "postbox.error.text.required");
		}
		else if (text.strip().length() > MAX_TEXT) {
			problems.add("text", "postbox.error.text.tooLong", MAX_TEXT);
		}
	}

	private record Stored(String fileName, String contentType, long size, String blobAddress) {
	}

	/**
	 * A thread in a list.
	 *
	 * @param summary the thread with its unread counts
	 * @param orgUnitName the org unit's name
	 * @param organisationName the organisation sharing it, if any
	 * @param guestEmail the guest's address, if the applicant has no account
	 * @param task where the reply-by task stands
	 */
	public record ListItem(ThreadSummary summary, String orgUnitName, @Nullable String organisationName,
			@Nullable String guestEmail, TaskState task) {
	}

	/**
	 * A thread as its page shows it.
	 *
	 * @param thread the thread
	 * @param orgUnit the town hall's side
	 * @param organisationName the organisation sharing it, if the viewer is a member
	 * @param messages oldest first
	 * @param task where the reply-by task stands
	 * @param replyBy the reply-by date, if any
	 */
	public record ThreadPage(PostboxThread thread, OrgUnit orgUnit, @Nullable String organisationName,
			List<PostboxMessage> messages, TaskState task, @Nullable LocalDate replyBy) {
	}

	/**
	 * An attachment with its bytes.
	 *
	 * @param attachment what is known about it
	 * @param content its bytes
	 */
	public record Download(Attachment attachment, byte[] content) {
	}

}
