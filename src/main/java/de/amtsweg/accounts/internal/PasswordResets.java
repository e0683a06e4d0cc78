package de.amtsweg.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import de.amtsweg.accounts.internal.AccountMailRequested.Kind;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.RateLimits;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password": a link by mail, valid for an hour and once, sets a new password
 * and ends every session of the account. Like registration, the answer never tells
 * whether an address is registered.
 */
@Service
public class PasswordResets {

	public static final Duration LINK_VALIDITY = Duration.ofHours(1);

	private final CitizenAccountRepository accounts;

	private final AccountTokens tokens;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AccountRateLimits rateLimits;

	private final AccountsProperties properties;

	private final AccountMailQueue mails;

	private final AccountSessions sessions;

	private final LoginThrottle loginThrottle;

	private final AuditLog auditLog;

	private final Clock clock;

	public PasswordResets(CitizenAccountRepository accounts, AccountTokens tokens, PasswordPolicy passwordPolicy,
			PasswordEncoder passwordEncoder, AccountRateLimits rateLimits, AccountsProperties properties,
			AccountMailQueue mails, AccountSessions sessions, LoginThrottle loginThrottle, AuditLog auditLog,
			Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.mails = mails;
		this.sessions = sessions;
		this.loginThrottle = loginThrottle;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Sends a reset link if the address has an account (with a password). */
	@Transactional
	public void request(String email, String client) {
		String address = Registrations.requirePlausible(email);
		RateLimits.Verdict verdict = this.rateLimits.attempt("mail-request", client,
				this.properties.registrationsPerClientPerHour(), Registrations.WINDOW);
		if (!verdict.allowed()) {
			throw new RateLimitedException(verdict.retryAfterMinutes());
		}
		this.accounts.findByEmail(address).ifPresent((account) -> {
			this.auditLog.record("citizen-account.password-reset.requested", "citizen-account", account.id().toString(),
					account.homeMunicipalityId(), "");
			this.mails.queue(address, AccountMailRequested.of(Kind.RESET_PASSWORD, account.id()));
		});
	}

	/** Checks a reset link before the citizen types a new password. */
	public void check(String token) {
		AccountTokens.Check check = this.tokens.check(token, AccountTokens.Purpose.RESET_PASSWORD);
		if (!check.valid()) {
			throw new LinkRefusedException(AccountTokens.Purpose.RESET_PASSWORD, check.status());
		}
	}

	/**
	 * Sets the new password, confirms the address (the link proved it) and ends every
	 * session of the account.
	 */
	@Transactional
	public void reset(String token, String password, String passwordRepeat) {
		AccountTokens.Check check = this.tokens.check(token, AccountTokens.Purpose.RESET_PASSWORD);
		if (!check.valid() || check.accountId() == null) {
			throw new LinkRefusedException(AccountTokens.Purpose.RESET_PASSWORD, check.status());
		}
		CitizenAccount account = this.accounts.findById(check.accountId())
			.orElseThrow(
					() -> new LinkRefusedException(AccountTokens.Purpose.RESET_PASSWORD, AccountTokens.Status.UNKNOWN));
		validateNewPassword(this.passwordPolicy, account.email(), password, passwordRepeat, "password",
				"passwordRepeat");
		if (this.tokens.redeem(token, AccountTokens.Purpose.RESET_PASSWORD).isEmpty()) {
			throw new LinkRefusedException(AccountTokens.Purpose.RESET_PASSWORD, AccountTokens.Status.USED);
		}
		Instant now = this.clock.instant();
		this.accounts.changePasswordHash(account.id(), this.passwordEncoder.encode(password), now);
		this.accounts.confirmEmail(account.id(), now);
		this.tokens.invalidate(account.id(), AccountTokens.Purpose.RESET_PASSWORD);
		this.sessions.endAll(account.email());
		this.loginThrottle.recordSuccess(account.email());
		this.auditLog.record("citizen-account.password-reset", "citizen-account", account.id().toString(),
				account.homeMunicipalityId(), "all sessions ended");
		this.mails.queueAlways(AccountMailRequested.of(Kind.PASSWORD_CHANGED, account.id()));
	}

	static void validateNewPassword(PasswordPolicy policy, String email, String password, String repeat,
			String passwordField, String repeatField) {
		Optional<String> problem = policy.problem(password, email);
		if (problem.isPresent()) {
			throw InvalidInputException.of(passwordField, problem.get(), PasswordPolicy.MIN_LENGTH);
		}
		if (!password.equals(repeat)) {
			throw InvalidInputException.of(repeatField, "password.repeat.different");
		}
	}

}
