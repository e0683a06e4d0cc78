package de.amtsweg.cases.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.cases.CaseOpened;
import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.SystemActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant by e-mail that their case was opened (with the access code for the
 * status page) and when the route has news; never the content of the case.
 */
@Component
class CaseMails {

	private final CaseRepository cases;

	private final EmailSender mail;

	private final String baseUrl;

	CaseMails(CaseRepository cases, EmailSender mail, @Value("${amtsweg.base-url}") String baseUrl) {
		this.cases = cases;
		this.mail = mail;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void opened(CaseOpened event) {
		SystemActor.run(() -> this.cases.findById(event.caseId()).ifPresent((file) -> {
			if (file.applicantEmail() == null) {
				return;
			}
			Map<String, Object> variables = variables(file);
			variables.put("accessCode", file.accessCode());
			this.mail.send(new Email(file.applicantEmail(), Locale.GERMAN, "cases/case-opened", variables));
		}));
	}

	@ApplicationModuleListener
	void notified(CaseRoute.ApplicantNotified event) {
		SystemActor.run(() -> this.cases.findById(event.caseId()).ifPresent((file) -> {
			if (file.applicantEmail() == null) {
				return;
			}
			this.mail.send(new Email(file.applicantEmail(), Locale.GERMAN, "cases/news", variables(file)));
		}));
	}

	private Map<String, Object> variables(CaseFile file) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("reference", file.reference());
		variables.put("title", file.titleDe());
		variables.put("link", (file.applicantAccountId() != null) ? this.baseUrl + "/konto/antraege/" + file.id()
				: this.baseUrl + "/status");
		return variables;
	}

}
