package de.amtsweg.payments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.NewClaim;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders (Mahnungen): for an overdue claim, a new claim for the reminder fee linked to
 * the first one, with a reminder notice PDF naming both.
 */
@Service
public class Reminders {

	private final Claims claims;

	private final ClaimRepository repository;

	private final PaymentDocuments documents;

	private final BlobStore blobs;

	private final PaymentsProperties properties;

	private final AuditLog auditLog;

	private final Clock clock;

	Reminders(Claims claims, ClaimRepository repository, PaymentDocuments documents, BlobStore blobs,
			PaymentsProperties properties, AuditLog auditLog, Clock clock) {
		this.claims = claims;
		this.repository = repository;
		this.documents = documents;
		this.blobs = blobs;
		this.properties = properties;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public Claim remind(UUID claimId, UUID municipalityId) {
		Claim claim = this.repository.find(claimId)
			.filter((found) -> found.municipalityId().equals(municipalityId))
			.orElseThrow(() -> new NotFoundException("Claim " + claimId));
		LocalDate today = LocalDate.now(this.clock);
		if (!claim.overdueOn(today)) {
			throw InvalidInputException.of("", "payments.finance.remind.notOverdue");
		}
		Claim reminder = this.claims.create(new NewClaim(municipalityId, claim.debtor(),
				"Mahngebühr zu Kassenzeichen " + claim.reference(), this.properties.reminderFee(),
				java.util.List.of(new NewClaim.Instalment(today.plus(this.properties.reminderPeriod()),
						this.properties.reminderFee())),
				null, ClaimOrigin.REMINDER, claim.id().toString(), claim.id()));
		byte[] pdf = this.documents.notice(reminder, "reminder", today, claim, Locale.GERMAN);
		this.repository.attachNotice(reminder.id(), this.blobs.put(pdf));
		this.auditLog.record("payment-claim.reminded", "payment-claim", claim.id().toString(), municipalityId,
				"reminder " + reminder.reference());
		return this.repository.find(reminder.id()).orElseThrow();
	}

	/** Prints the notice of a claim and keeps it with the claim. */
	@Transactional
	public void attachNotice(Claim claim, Locale locale) {
		byte[] pdf = this.documents.notice(claim, "notice", LocalDate.now(this.clock), null, locale);
		this.repository.attachNotice(claim.id(), this.blobs.put(pdf));
	}

}
