package de.amtsweg.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the citizens' accounts.
 *
 * @param registrationsPerClientPerHour registrations one client address may start in an
 * hour ({@code AMTSWEG_REGISTRATIONS_PER_HOUR})
 * @param mailsPerAddressPerHour mails with links (confirmation, password reset) one
 * e-mail address receives at most in an hour, so the forms cannot be used to flood a
 * mailbox ({@code AMTSWEG_ACCOUNT_MAILS_PER_HOUR})
 */
@ConfigurationProperties("amtsweg.accounts")
public record AccountsProperties(@DefaultValue("20") int registrationsPerClientPerHour,
		@DefaultValue("5") int mailsPerAddressPerHour) {
}
