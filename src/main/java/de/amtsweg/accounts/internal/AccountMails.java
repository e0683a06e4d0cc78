package de.amtsweg.accounts.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.amtsweg.accounts.internal.AccountTokens.Purpose;
import de.amtsweg.notifications.Email;
import de.amtsweg.notifications.EmailSender;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends the mails about accounts after the change that caused them was committed. A
 * failed delivery fails the listener, so the event registry tries again; the token made
 * for a failed mail is rolled back with it.
 */
@Component
class AccountMails {

	private final CitizenAccountRepository accounts;

	private final OrganisationRepository organisations;

	private final AccountTokens tokens;

	private final EmailSender sender;

	private final String baseUrl;

	AccountMails(CitizenAccountRepository accounts, OrganisationRepository organisations, AccountTokens tokens,
			EmailSender sender, @Value("${amtsweg.base-url}") String baseUrl) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.tokens = tokens;
		this.sender = sender;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(AccountMailRequested mail) {
		Optional<CitizenAccount> found = this.accounts.findById(mail.accountId());
		if (found.isEmpty()) {
			return;
		}
		CitizenAccount account = found.get();
		switch (mail.kind()) {
			case CONFIRM_EMAIL -> {
				if (!account.confirmed()) {
					String token = this.tokens.issue(account.id(), Purpose.CONFIRM_EMAIL, "",
							Registrations.CONFIRMATION_VALIDITY);
					send(account, account.email(), "confirm-email",
							Map.of("link", link("/registrieren/bestaetigen", token), "hours",
									Registrations.CONFIRMATION_VALIDITY.toHours(), "resendLink",
									link("/registrieren/neuer-link", null)));
				}
			}
			case ALREADY_REGISTERED -> send(account, account.email(), "already-registered",
					Map.of("signInLink", link("/anmelden", null), "resetLink", link("/passwort-vergessen", null)));
			case RESET_PASSWORD -> {
				String token = this.tokens.issue(account.id(), Purpose.RESET_PASSWORD, "",
						PasswordResets.LINK_VALIDITY);
				send(account, account.email(), "reset-password", Map.of("link", link("/passwort-neu", token), "minutes",
						PasswordResets.LINK_VALIDITY.toMinutes()));
			}
			case PASSWORD_CHANGED -> send(account, account.email(), "password-changed",
					Map.of("resetLink", link("/passwort-vergessen", null)));
			case CONFIRM_NEW_EMAIL -> {
				String address = Objects.requireNonNull(mail.address());
				String token = this.tokens.issue(account.id(), Purpose.CHANGE_EMAIL, address,
						AccountSecurity.EMAIL_CHANGE_VALIDITY);
				send(account, address, "confirm-new-email", Map.of("link", link("/konto/email-bestaetigen", token),
						"hours", AccountSecurity.EMAIL_CHANGE_VALIDITY.toHours()));
			}
			case EMAIL_CHANGED -> send(account, Objects.requireNonNull(mail.address()), "email-changed",
					Map.of("newAddress", account.email(), "resetLink", link("/passwort-vergessen", null)));
		}
	}

	@ApplicationModuleListener
	void on(OrganisationMemberAdded added) {
		Optional<CitizenAccount> member = this.accounts.findById(added.accountId());
		Optional<OrganisationRepository.Organisation> organisation = this.organisations
			.findById(added.organisationId());
		if (member.isEmpty() || organisation.isEmpty()) {
			return;
		}
		send(member.get(), member.get().email(), "organisation-member-added",
				Map.of("organisation", organisation.get().details().name(), "link",
						link("/konto/organisationen/" + added.organisationId(), null)));
	}

	private void send(CitizenAccount account, String to, String template, Map<String, Object> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("name", account.displayName());
		this.sender.send(new Email(to, account.locale(), "accounts/" + template, all));
	}

	private String link(String path, @Nullable String token) {
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(this.baseUrl + path);
		if (token != null) {
			link.queryParam("token", token);
		}
		return link.build().toUriString();
	}

}
