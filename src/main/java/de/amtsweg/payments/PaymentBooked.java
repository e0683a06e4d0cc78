package de.amtsweg.payments;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money was booked on a claim (online, by bank transfer or after clarification).
 * Published in the booking's transaction, exactly once per booking.
 *
 * @param bookingId the booking
 * @param claimId the claim
 * @param municipalityId the creditor
 * @param amount the amount booked
 * @param settled whether the claim is now paid in full
 */
public record PaymentBooked(UUID bookingId, UUID claimId, UUID municipalityId, BigDecimal amount, boolean settled) {
}
