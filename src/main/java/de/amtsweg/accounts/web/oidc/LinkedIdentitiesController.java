package de.amtsweg.accounts.web.oidc;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.TrustLevel;
import de.amtsweg.accounts.internal.oidc.ExternalIdentityRepository;
import de.amtsweg.platform.AuditLog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows citizens which identity providers are linked to their account, and how strongly
 * the current sign-in proved who they are.
 */
@Controller
class LinkedIdentitiesController {

	static final String PATH = "/konto/anmeldedienste";

	private final ExternalIdentityRepository identities;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final AuditLog auditLog;

	private final Clock clock;

	LinkedIdentitiesController(ExternalIdentityRepository identities, AuditLog auditLog, Clock clock) {
		this.identities = identities;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String linked(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("trustLevel", citizen.trustLevel());
		ZoneId zone = this.clock.getZone();
		model.addAttribute("identities",
				this.identities.linkedToCitizen(citizen.accountId())
					.stream()
					.map((identity) -> new Row(identity.provider(), DAY.format(identity.linkedAt().atZone(zone)),
							MINUTE.format(identity.lastSignInAt().atZone(zone)), identity.lastTrustLevel()))
					.toList());
		this.auditLog.record("external-identity.read", "citizen-account", citizen.accountId().toString(), null, "");
		return "accounts/identity-providers/linked";
	}

	/**
	 * A linked identity as shown.
	 *
	 * @param provider provider name
	 * @param linkedOn day it was linked
	 * @param lastSignIn when it was last used
	 * @param lastTrustLevel level of that sign-in
	 */
	record Row(String provider, String linkedOn, String lastSignIn, TrustLevel lastTrustLevel) {
	}

}
