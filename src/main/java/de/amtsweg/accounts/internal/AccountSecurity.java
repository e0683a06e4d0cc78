package de.amtsweg.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.internal.AccountMailRequested.Kind;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in citizen changes their password or e-mail address. Both need the current
 * password, so that an unlocked computer left alone does not hand over the account.
 */
@Service
public class AccountSecurity {

	public static final Duration EMAIL_CHANGE_VALIDITY = Duration.ofHours(24);

	private final CitizenAccountRepository accounts;

	private final AccountTokens tokens;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle loginThrottle;

	private final AccountMailQueue mails;

	private final AccountSessions sessions;

	private final AuditLog auditLog;

	private final Clock clock;

	public AccountSecurity(CitizenAccountRepository accounts, AccountTokens tokens, PasswordPolicy passwordPolicy,
			PasswordEncoder passwordEncoder, LoginThrottle loginThrottle, AccountMailQueue mails,
			AccountSessions sessions, AuditLog auditLog, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.loginThrottle = loginThrottle;
		this.mails = mails;
		this.sessions = sessions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public CitizenAccount account(UUID accountId) {
		return this.accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account " + accountId));
	}

	/**
	 * Changes the password and ends every other session of the account; the current one
	 * stays signed in.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public void changePassword(UUID accountId, String currentPassword, String newPassword, String repeat, String client,
			@Nullable String currentSessionId) {
		CitizenAccount account = account(accountId);
		requireCurrentPassword(account, currentPassword, client, "currentPassword");
		PasswordResets.validateNewPassword(this.passwordPolicy, account.email(), newPassword, repeat, "newPassword",
				"newPasswordRepeat");
		this.accounts.changePasswordHash(accountId, this.passwordEncoder.encode(newPassword), this.clock.instant());
		this.tokens.invalidate(accountId, AccountTokens.Purpose.RESET_PASSWORD);
		this.sessions.endAllExcept(account.email(), currentSessionId);
		this.auditLog.record("citizen-account.password-changed", "citizen-account", accountId.toString(),
				account.homeMunicipalityId(), "other sessions ended");
		this.mails.queueAlways(AccountMailRequested.of(Kind.PASSWORD_CHANGED, accountId));
	}

	/**
	 * Sends a confirmation link to the new address; the change happens when it is used.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public void requestEmailChange(UUID accountId, String newEmail, String currentPassword, String client) {
		CitizenAccount account = account(accountId);
		String address = newEmail.trim();
		if (address.isEmpty()) {
			throw InvalidInputException.of("newEmail", "email.required");
		}
		if (!EmailAddresses.plausible(address)) {
			throw InvalidInputException.of("newEmail", "email.invalid");
		}
		if (address.equalsIgnoreCase(account.email())) {
			throw InvalidInputException.of("newEmail", "email.change.same");
		}
		requireCurrentPassword(account, currentPassword, client, "currentPassword");
		// Behind the password and the sign-in, saying that an address is taken helps the
		// citizen more than it could help anyone guessing addresses.
		if (this.accounts.findByEmail(address).isPresent()) {
			throw InvalidInputException.of("newEmail", "email.change.taken");
		}
		this.auditLog.record("citizen-account.email-change.requested", "citizen-account", accountId.toString(),
				account.homeMunicipalityId(), "");
		if (!this.mails.queue(address, new AccountMailRequested(Kind.CONFIRM_NEW_EMAIL, accountId, address))) {
			throw InvalidInputException.of("newEmail", "email.change.tooMany");
		}
	}

	/**
	 * The new address a link would set, if the link is valid and belongs to the account.
	 */
	public String pendingEmailChange(UUID accountId, String token) {
		AccountTokens.Check check = this.tokens.check(token, AccountTokens.Purpose.CHANGE_EMAIL);
		if (check.accountId() != null && !accountId.equals(check.accountId())) {
			throw new LinkRefusedException(AccountTokens.Purpose.CHANGE_EMAIL, AccountTokens.Status.UNKNOWN);
		}
		if (!check.valid()) {
			throw new LinkRefusedException(AccountTokens.Purpose.CHANGE_EMAIL, check.status());
		}
		return check.payload();
	}

	/**
	 * Changes the address with the link's token; the old address hears of it, and every
	 * other session ends.
	 * @return the new address
	 */
	@Transactional
	public String confirmEmailChange(UUID accountId, String token, @Nullable String currentSessionId) {
		pendingEmailChange(accountId, token);
		CitizenAccount account = account(accountId);
		AccountTokens.Check redeemed = this.tokens.redeem(token, AccountTokens.Purpose.CHANGE_EMAIL)
			.orElseThrow(() -> new LinkRefusedException(AccountTokens.Purpose.CHANGE_EMAIL, AccountTokens.Status.USED));
		String address = redeemed.payload();
		Instant now = this.clock.instant();
		if (!this.accounts.changeEmail(accountId, address, now)) {
			throw InvalidInputException.of("", "email.change.taken");
		}
		this.tokens.invalidate(accountId, AccountTokens.Purpose.CHANGE_EMAIL);
		this.tokens.invalidate(accountId, AccountTokens.Purpose.RESET_PASSWORD);
		this.sessions.endAllExcept(account.email(), currentSessionId);
		this.auditLog.record("citizen-account.email-changed", "citizen-account", accountId.toString(),
				account.homeMunicipalityId(), "other sessions ended");
		this.mails.queueAlways(new AccountMailRequested(Kind.EMAIL_CHANGED, accountId, account.email()));
		return address;
	}

	/** Checks the current password; wrong guesses count like failed sign-ins. */
	void requireCurrentPassword(CitizenAccount account, String password, String client, String field) {
		Optional<Duration> blocked = this.loginThrottle.blockedFor(account.email(), client);
		if (blocked.isPresent()) {
			throw InvalidInputException.of(field, "password.current.throttled",
					Math.max(1, (blocked.get().toMillis() + 999) / 1000));
		}
		if (password.isEmpty()) {
			throw InvalidInputException.of(field, "password.current.required");
		}
		if (account.passwordHash() == null || !this.passwordEncoder.matches(password, account.passwordHash())) {
			this.loginThrottle.recordFailure(account.email(), client);
			throw InvalidInputException.of(field, "password.current.wrong");
		}
	}

}
