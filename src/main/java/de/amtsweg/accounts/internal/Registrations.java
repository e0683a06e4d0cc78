package de.amtsweg.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.internal.AccountMailRequested.Kind;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.RateLimits;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of service accounts and confirmation of their address.
 * <p>
 * Nobody learns from the answer whether an address is registered: every valid
 * registration ends on the same "check your inbox" page, and the password is hashed in
 * every case, so the time taken tells nothing either. What differs is only the mail: a
 * new address gets a confirmation link, a registered one a note that someone tried.
 * <p>
 * Confirming asks for the password chosen at registration. So a stranger who registers
 * somebody else's address first (hoping that the owner clicks the link) gains nothing:
 * the owner cannot confirm with the stranger's password and simply registers again, which
 * replaces it.
 */
@Service
public class Registrations {

	public static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(24);

	/** Accounts not confirmed within this time are deleted. */
	public static final Duration UNCONFIRMED_RETENTION = Duration.ofDays(7);

	static final Duration WINDOW = Duration.ofHours(1);

	private final CitizenAccountRepository accounts;

	private final AccountTokens tokens;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AccountRateLimits rateLimits;

	private final LoginThrottle loginThrottle;

	private final AccountsProperties properties;

	private final AccountMailQueue mails;

	private final AuditLog auditLog;

	private final Clock clock;

	public Registrations(CitizenAccountRepository accounts, AccountTokens tokens, PasswordPolicy passwordPolicy,
			PasswordEncoder passwordEncoder, AccountRateLimits rateLimits, LoginThrottle loginThrottle,
			AccountsProperties properties, AccountMailQueue mails, AuditLog auditLog, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.rateLimits = rateLimits;
		this.loginThrottle = loginThrottle;
		this.properties = properties;
		this.mails = mails;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Registers an address, or tells its owner that someone tried.
	 * @throws InvalidInputException when the input is incomplete or the password too weak
	 * @throws RateLimitedException when this client registered too often
	 */
	@Transactional
	public void register(String email, String password, String passwordRepeat, boolean consent, String client,
			Locale locale) {
		String address = email.trim();
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (address.isEmpty()) {
			problems.add("email", "email.required");
		}
		else if (!EmailAddresses.plausible(address)) {
			problems.add("email", "email.invalid");
		}
		Optional<String> passwordProblem = this.passwordPolicy.problem(password, address);
		if (passwordProblem.isPresent()) {
			problems.add("password", passwordProblem.get(), PasswordPolicy.MIN_LENGTH);
		}
		else if (!password.equals(passwordRepeat)) {
			problems.add("passwordRepeat", "password.repeat.different");
		}
		if (!consent) {
			problems.add("consent", "register.consent.required");
		}
		problems.throwIfAny();
		RateLimits.Verdict verdict = this.rateLimits.attempt("registration", client,
				this.properties.registrationsPerClientPerHour(), WINDOW);
		if (!verdict.allowed()) {
			throw new RateLimitedException(verdict.retryAfterMinutes());
		}
		String hash = this.passwordEncoder.encode(password);
		Instant now = this.clock.instant();
		String language = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "de";
		Optional<UUID> created = this.accounts.register(address, hash, language, now);
		if (created.isPresent()) {
			this.auditLog.record("citizen-account.registered", "citizen-account", created.get().toString(), null, "");
			this.mails.queue(address, AccountMailRequested.of(Kind.CONFIRM_EMAIL, created.get()));
			return;
		}
		CitizenAccount existing = this.accounts.findByEmail(address).orElseThrow();
		if (existing.confirmed()) {
			this.auditLog.record("citizen-account.registration-repeated", "citizen-account", existing.id().toString(),
					existing.homeMunicipalityId(), "address already confirmed");
			this.mails.queue(address, AccountMailRequested.of(Kind.ALREADY_REGISTERED, existing.id()));
		}
		else {
			// The latest registration's password counts: whoever confirms must know it.
			this.accounts.changePasswordHash(existing.id(), hash, now);
			this.auditLog.record("citizen-account.registration-repeated", "citizen-account", existing.id().toString(),
					null, "address not yet confirmed");
			this.mails.queue(address, AccountMailRequested.of(Kind.CONFIRM_EMAIL, existing.id()));
		}
	}

	/**
	 * Sends a new confirmation link if the address belongs to an unconfirmed account;
	 * says nothing either way.
	 */
	@Transactional
	public void resendConfirmation(String email, String client) {
		String address = requirePlausible(email);
		RateLimits.Verdict verdict = this.rateLimits.attempt("mail-request", client,
				this.properties.registrationsPerClientPerHour(), WINDOW);
		if (!verdict.allowed()) {
			throw new RateLimitedException(verdict.retryAfterMinutes());
		}
		this.accounts.findByEmail(address)
			.filter((account) -> !account.confirmed())
			.ifPresent(
					(account) -> this.mails.queue(address, AccountMailRequested.of(Kind.CONFIRM_EMAIL, account.id())));
	}

	/** The account a confirmation link is for, without using the link. */
	public CitizenAccount accountForConfirmation(String token) {
		AccountTokens.Check check = this.tokens.check(token, AccountTokens.Purpose.CONFIRM_EMAIL);
		if (!check.valid() || check.accountId() == null) {
			throw new LinkRefusedException(AccountTokens.Purpose.CONFIRM_EMAIL, check.status());
		}
		return this.accounts.findById(check.accountId())
			.orElseThrow(
					() -> new LinkRefusedException(AccountTokens.Purpose.CONFIRM_EMAIL, AccountTokens.Status.UNKNOWN));
	}

	/**
	 * Confirms the address with the link's token and the password chosen at registration.
	 * @return the account, ready to be signed in
	 * @throws InvalidInputException when the password does not fit (counted like a failed
	 * sign-in)
	 * @throws LinkRefusedException when the link is unknown, expired or used
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public CitizenUser confirm(String token, String password, String client) {
		CitizenAccount account = accountForConfirmation(token);
		Optional<Duration> blocked = this.loginThrottle.blockedFor(account.email(), client);
		if (blocked.isPresent()) {
			throw InvalidInputException.of("password", "confirm.throttled",
					Math.max(1, (blocked.get().toMillis() + 999) / 1000));
		}
		if (password.isEmpty()) {
			throw InvalidInputException.of("password", "confirm.password.required");
		}
		if (account.passwordHash() == null || !this.passwordEncoder.matches(password, account.passwordHash())) {
			this.loginThrottle.recordFailure(account.email(), client);
			throw InvalidInputException.of("password", "confirm.password.wrong");
		}
		if (this.tokens.redeem(token, AccountTokens.Purpose.CONFIRM_EMAIL).isEmpty()) {
			throw new LinkRefusedException(AccountTokens.Purpose.CONFIRM_EMAIL, AccountTokens.Status.USED);
		}
		Instant now = this.clock.instant();
		this.accounts.confirmEmail(account.id(), now);
		this.tokens.invalidate(account.id(), AccountTokens.Purpose.CONFIRM_EMAIL);
		this.loginThrottle.recordSuccess(account.email());
		this.auditLog.record("citizen-account.email-confirmed", "citizen-account", account.id().toString(), null, "");
		return this.accounts.findUserById(account.id()).orElseThrow();
	}

	static String requirePlausible(String email) {
		String address = email.trim();
		if (address.isEmpty()) {
			throw InvalidInputException.of("email", "email.required");
		}
		if (!EmailAddresses.plausible(address)) {
			throw InvalidInputException.of("email", "email.invalid");
		}
		return address;
	}

}
