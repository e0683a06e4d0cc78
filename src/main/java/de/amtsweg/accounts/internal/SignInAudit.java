package de.amtsweg.accounts.internal;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.platform.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every sign-in and every failed one goes to the audit log. */
@Component
class SignInAudit {

	private final AuditLog auditLog;

	private final CitizenAccountRepository citizens;

	private final StaffAccountRepository staff;

	SignInAudit(AuditLog auditLog, CitizenAccountRepository citizens, StaffAccountRepository staff) {
		this.auditLog = auditLog;
		this.citizens = citizens;
		this.staff = staff;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		Object principal = event.getAuthentication().getPrincipal();
		if (principal instanceof CitizenPrincipal citizen) {
			this.citizens.recordLogin(citizen.accountId());
			this.auditLog.recordAs(citizen.auditName(), "sign-in", "citizen-account", citizen.accountId().toString(),
					null, "");
		}
		else if (principal instanceof StaffPrincipal member) {
			this.staff.recordLogin(member.staffId());
			this.auditLog.recordAs(member.auditName(), "sign-in", "staff-account", member.staffId().toString(),
					member.municipalityId(), "");
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		// The name entered may be anything, even a password typed into the wrong field:
		// only
		// the kind of failure is logged, never the name.
		this.auditLog.recordAs(AuditLog.ANONYMOUS, "sign-in.failed", "sign-in", "-", null,
				event.getException().getClass().getSimpleName());
	}

}
