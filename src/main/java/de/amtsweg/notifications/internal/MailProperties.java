package de.amtsweg.notifications.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail.
 *
 * @param host SMTP server ({@code AMTSWEG_MAIL_HOST}); blank writes mails to the log
 * @param port SMTP port ({@code AMTSWEG_MAIL_PORT})
 * @param username SMTP user ({@code AMTSWEG_MAIL_USER})
 * @param password SMTP password ({@code AMTSWEG_MAIL_PASSWORD})
 * @param starttls require STARTTLS ({@code AMTSWEG_MAIL_STARTTLS})
 * @param from sender address ({@code AMTSWEG_MAIL_FROM})
 */
@ConfigurationProperties("amtsweg.mail")
record MailProperties(@Nullable String host, @DefaultValue("25") int port, @Nullable String username,
		@Nullable String password, @DefaultValue("false") boolean starttls,
		@DefaultValue("Amtsweg <noreply@amtsweg.localhost>") String from) {

	boolean smtpConfigured() {
		return this.host != null && !this.host.isBlank();
	}

}
