package de.amtsweg.payments;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import de.amtsweg.payments.internal.ClaimRepository;
import de.amtsweg.payments.internal.PaymentReferences;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims for other modules: a case creates a fine or a fee here, the forms' fees and the
 * finance system's imports arrive here too. Creating a claim with an origin that already
 * has one (the same submission, case or import key) returns the existing claim, so
 * callers may repeat. Every read and change is audited.
 */
@Service
public class Claims {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern GERMAN_AMOUNT = Pattern.compile("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+(,\\d{1,2})?");

	private static final Pattern PLAIN_AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");

	private final ClaimRepository repository;

	private final PaymentReferences references;

	private final AuditLog auditLog;

	private final Clock clock;

	Claims(ClaimRepository repository, PaymentReferences references, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.references = references;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Creates the claim with a new Kassenzeichen, or returns the one already created for
	 * the same origin.
	 * @throws InvalidInputException if an amount, the purpose or the debtor is missing or
	 * wrong
	 */
	@Transactional
	public Claim create(NewClaim claim) {
		check(claim);
		UUID id = UUID.randomUUID();
		String reference = this.references.next(claim.municipalityId());
		byte[] token = new byte[24];
		RANDOM.nextBytes(token);
		boolean created = this.repository.insert(id, reference, claim,
				Base64.getUrlEncoder().withoutPadding().encodeToString(token), this.clock.instant());
		UUID claimId = created ? id : this.repository.idByOrigin(claim.origin(), claim.originReference()).orElseThrow();
		if (created) {
			this.auditLog.record("payment-claim.created", "payment-claim", id.toString(), claim.municipalityId(),
					reference + " " + claim.amount().toPlainString() + " EUR " + claim.origin() + ":"
							+ claim.originReference());
		}
		return this.repository.find(claimId).orElseThrow();
	}

	@Transactional
	public Optional<Claim> get(UUID claimId) {
		Optional<Claim> claim = this.repository.find(claimId);
		claim.ifPresent((found) -> this.auditLog.record("payment-claim.read", "payment-claim", claimId.toString(),
				found.municipalityId(), found.reference()));
		return claim;
	}

	/** The claim with this Kassenzeichen; empty also when the check digits are wrong. */
	@Transactional
	public Optional<Claim> byReference(String reference) {
		String normalised = PaymentReference.normalise(reference);
		if (!PaymentReference.isValid(normalised)) {
			return Optional.empty();
		}
		Optional<Claim> claim = this.repository.findByReference(normalised);
		claim.ifPresent((found) -> this.auditLog.record("payment-claim.read", "payment-claim", found.id().toString(),
				found.municipalityId(), found.reference()));
		return claim;
	}

	/** The claim made for this origin, if any. */
	public Optional<UUID> idOf(ClaimOrigin origin, String originReference) {
		return this.repository.idByOrigin(origin, originReference);
	}

	/** The claims of a form submission, if its fee was claimed. */
	@Transactional
	public Optional<Claim> ofSubmission(UUID submissionId) {
		return this.repository.idByOrigin(ClaimOrigin.FORM, submissionId.toString()).flatMap(this::get);
	}

	/** Claims the citizen can still pay (their own, not their organisations'). */
	@Transactional
	public List<Claim> openClaimsOf(UUID accountId) {
		return claimsOf(accountId, List.of()).stream().filter((claim) -> claim.status().payable()).toList();
	}

	/** All claims of the citizen and of the given organisations, newest first. */
	@Transactional
	public List<Claim> claimsOf(@Nullable UUID accountId, Collection<UUID> organisationIds) {
		List<Claim> claims = this.repository.ofDebtors(accountId, organisationIds)
			.stream()
			.sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
			.toList();
		this.auditLog.record("payment-claims.read", "citizen-account", String.valueOf(accountId), null,
				claims.size() + " claims");
		return claims;
	}

	/**
	 * Links claims the finance system imported for this e-mail address (and nobody else)
	 * to the account. Call only with the account's confirmed address.
	 */
	@Transactional
	public void adoptImported(UUID accountId, String confirmedEmail) {
		for (UUID claimId : this.repository.adoptImported(accountId, confirmedEmail)) {
			this.auditLog.record("payment-claim.linked", "payment-claim", claimId.toString(), null,
					"citizen-account " + accountId);
		}
	}

	private static void check(NewClaim claim) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (claim.purpose().isBlank()) {
			problems.add("purpose", "payments.claim.purpose.required");
		}
		if (claim.debtor().name().isBlank()) {
			problems.add("debtor", "payments.claim.debtor.required");
		}
		if (claim.debtor().accountId() != null && claim.debtor().organisationId() != null) {
			problems.add("debtor", "payments.claim.debtor.ambiguous");
		}
		if (!isAmount(claim.amount())) {
			problems.add("amount", "payments.claim.amount.invalid");
		}
		if (claim.instalments().isEmpty()) {
			problems.add("dueDate", "payments.claim.dueDate.required");
		}
		BigDecimal sum = BigDecimal.ZERO;
		HashSet<LocalDate> dates = new HashSet<>();
		for (NewClaim.Instalment instalment : claim.instalments()) {
			if (!isAmount(instalment.amount())) {
				problems.add("instalments", "payments.claim.instalment.invalid");
				break;
			}
			sum = sum.add(instalment.amount());
			dates.add(instalment.dueDate());
		}
		if (dates.size() != claim.instalments().size()) {
			problems.add("instalments", "payments.claim.instalment.sameDate");
		}
		if (problems.isEmpty() && sum.compareTo(claim.amount()) != 0) {
			problems.add("instalments", "payments.claim.instalment.sum");
		}
		if (claim.origin() == ClaimOrigin.REMINDER && claim.parentClaimId() == null) {
			problems.add("parentClaimId", "payments.claim.parent.required");
		}
		problems.throwIfAny();
	}

	/**
	 * An amount as people type it: {@code 12,50}, {@code 1.234,50}, {@code 12.50}, with
	 * or without {@code €}; empty if it is none.
	 */
	public static Optional<BigDecimal> amountOf(String text) {
		String amount = text.replace("€", "").replace("EUR", "").replace(" ", "").trim();
		if (PLAIN_AMOUNT.matcher(amount).matches()
				&& (amount.indexOf('.') < 0 || amount.length() - amount.indexOf('.') <= 3)) {
			return Optional.of(new BigDecimal(amount));
		}
		if (GERMAN_AMOUNT.matcher(amount).matches()) {
			return Optional.of(new BigDecimal(amount.replace(".", "").replace(',', '.')));
		}
		return Optional.empty();
	}

	/** More than zero, whole cents, below ten billion. */
	public static boolean isAmount(@Nullable BigDecimal amount) {
		return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2
				&& amount.precision() - amount.scale() <= 10;
	}

}
