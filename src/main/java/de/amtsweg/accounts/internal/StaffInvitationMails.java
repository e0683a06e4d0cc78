package de.amtsweg.accounts.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.amtsweg.accounts.StaffAccounts;
import de.amtsweg.accounts.internal.StaffAccountRepository.StaffRow;
import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.District;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a staff member the link to set their password, after the invitation was
 * committed. The token is made here, so it never rests in the event registry; if the mail
 * fails, the token is rolled back with it and the registry tries again later.
 */
@Component
class StaffInvitationMails {

	static final String LINK_PATH = "/intern/einladung";

	private final StaffAccountRepository staff;

	private final StaffInvitationTokens tokens;

	private final Municipalities municipalities;

	private final EmailSender sender;

	private final AuditLog auditLog;

	private final String baseUrl;

	StaffInvitationMails(StaffAccountRepository staff, StaffInvitationTokens tokens, Municipalities municipalities,
			EmailSender sender, AuditLog auditLog, @Value("${amtsweg.base-url}") String baseUrl) {
		this.staff = staff;
		this.tokens = tokens;
		this.municipalities = municipalities;
		this.sender = sender;
		this.auditLog = auditLog;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@ApplicationModuleListener
	void on(StaffInvitationRequested invitation) {
		SystemActor.run(() -> send(invitation));
	}

	private void send(StaffInvitationRequested invitation) {
		Optional<StaffRow> found = this.staff.findById(invitation.staffId());
		if (found.isEmpty() || !found.get().active()) {
			// Deactivated before the mail went out: the link would not work anyway.
			return;
		}
		StaffRow member = found.get();
		Duration validity = StaffAccounts.INVITATION_VALIDITY;
		String token = this.tokens.issue(member.id(), validity);
		String link = UriComponentsBuilder.fromUriString(this.baseUrl + LINK_PATH)
			.queryParam("token", token)
			.build()
			.toUriString();
		String template = invitation.passwordReset() ? "accounts/staff-password-reset" : "accounts/staff-invitation";
		this.sender.send(
				new Email(member.email(), Locale.GERMAN, template,
						Map.of("name",
								StaffAccountRepository.displayName(member.givenName(), member.familyName(),
										member.email()),
								"organisation", organisation(member), "link", link, "hours", validity.toHours(),
								"signInLink", this.baseUrl + "/intern/anmelden")));
		this.auditLog.record(
				invitation.passwordReset() ? "staff-account.reset-link.sent" : "staff-account.invitation.sent",
				"staff-account", member.id().toString(), member.municipalityId(), "");
	}

	/** The municipality the member works for, or the district portal they run. */
	private String organisation(StaffRow member) {
		if (member.municipalityId() != null) {
			return this.municipalities.byId(member.municipalityId()).map(Municipality::name).orElse("");
		}
		List<District> districts = this.municipalities.districts();
		return (districts.size() == 1) ? districts.get(0).name() : "Amtsweg";
	}

}
