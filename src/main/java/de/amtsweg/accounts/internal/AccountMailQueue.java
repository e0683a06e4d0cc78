package de.amtsweg.accounts.internal;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks for mails about accounts inside the current transaction, and keeps any one address
 * from receiving more than a few an hour, so that the public forms cannot be used to
 * flood someone's mailbox. Beyond the limit a mail is dropped silently: the page the
 * requester sees must not change.
 */
@Component
public class AccountMailQueue {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final AccountRateLimits rateLimits;

	private final AccountsProperties properties;

	private final ApplicationEventPublisher events;

	public AccountMailQueue(AccountRateLimits rateLimits, AccountsProperties properties,
			ApplicationEventPublisher events) {
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.events = events;
	}

	/** Queues the mail unless the address had too many already; says whether it did. */
	public boolean queue(String address, AccountMailRequested mail) {
		if (!this.rateLimits.attempt("mail-to", address, this.properties.mailsPerAddressPerHour(), WINDOW).allowed()) {
			return false;
		}
		this.events.publishEvent(mail);
		return true;
	}

	/**
	 * Queues a mail the account's owner must get whatever the limit (a security notice).
	 */
	public void queueAlways(AccountMailRequested mail) {
		this.events.publishEvent(mail);
	}

}
