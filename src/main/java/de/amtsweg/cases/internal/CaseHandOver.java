package de.amtsweg.cases.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.Colleague;
import de.amtsweg.accounts.Colleagues;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.SystemActor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a case to a named clerk of its org unit: the case and the route's open tasks are
 * theirs from then on, the history and the audit log say who gave it to whom, and the
 * colleague gets a mail (after the commit, through the outbox).
 */
@Service
public class CaseHandOver {

	private final CaseRepository cases;

	private final CaseWork work;

	private final Colleagues colleagues;

	private final EmailSender mail;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String baseUrl;

	CaseHandOver(CaseRepository cases, CaseWork work, Colleagues colleagues, EmailSender mail, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock, @Value("${amtsweg.base-url}") String baseUrl) {
		this.cases = cases;
		this.work = work;
		this.colleagues = colleagues;
		this.mail = mail;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The clerks of the case's org unit except the member, to choose from. */
	@Transactional(readOnly = true)
	public List<Colleague> colleagues(StaffPrincipal staff, UUID caseId) {
		CaseFile file = this.work.visible(staff, caseId);
		return this.colleagues.clerksOf(file.municipalityId(), file.orgUnitId())
			.stream()
			.filter((colleague) -> !colleague.staffId().equals(staff.staffId()))
			.toList();
	}

	/**
	 * Gives the open case to the colleague.
	 * @throws InvalidInputException when the colleague is no clerk of the case's unit
	 */
	@Transactional
	public void handOver(StaffPrincipal staff, UUID caseId, @Nullable UUID colleagueId) {
		CaseFile file = this.work.visible(staff, caseId);
		if (!file.isOpen()) {
			throw InvalidInputException.of("colleague", "cases.handOver.closed");
		}
		Colleague colleague = (colleagueId == null || colleagueId.equals(staff.staffId())) ? null
				: this.colleagues.clerkOf(file.municipalityId(), file.orgUnitId(), colleagueId).orElse(null);
		if (colleague == null) {
			throw InvalidInputException.of("colleague", "cases.handOver.colleague.required");
		}
		this.work.assignTo(file, colleague.staffId(), colleague.displayName());
		this.cases.addEvent(caseId, this.clock.instant(), "handed-over", null, staff.displayName(),
				colleague.displayName(), false);
		this.auditLog.record("case.handed-over", "case", caseId.toString(), file.municipalityId(),
				file.reference() + " from " + staff.staffId() + " to " + colleague.staffId());
		this.events.publishEvent(new HandedOver(caseId, colleague.staffId(), colleague.email(), staff.displayName()));
	}

	@ApplicationModuleListener
	void tellColleague(HandedOver event) {
		SystemActor.run(() -> this.cases.findById(event.caseId()).ifPresent((file) -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("reference", file.reference());
			variables.put("title", file.titleDe());
			variables.put("from", event.fromName());
			variables.put("link", this.baseUrl + "/intern/vorgaenge/" + file.id());
			this.mail.send(new Email(event.email(), Locale.GERMAN, "cases/handed-over", variables));
		}));
	}

	/**
	 * A case was handed to a colleague.
	 *
	 * @param caseId the case
	 * @param staffId the colleague
	 * @param email their address
	 * @param fromName who handed it over
	 */
	record HandedOver(UUID caseId, UUID staffId, String email, String fromName) {
	}

}
