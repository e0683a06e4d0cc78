/**
 * Payments and the account's finances: claims (Forderungen) with a Kassenzeichen and due
 * items, online payment through providers behind one interface (a sandbox shipped with
 * the product, XBezahldienste), exactly-once booking, receipts, reminders, refunds, the
 * clarification list for money that cannot be booked, and the finance system's imports
 * and exports (CSV, JSON, ISO 20022 camt.053). Other modules create claims through
 * {@link de.amtsweg.payments.Claims}; form fees are claimed from
 * {@link de.amtsweg.forms.FormSubmitted}. Publishes
 * {@link de.amtsweg.payments.PaymentBooked}.
 */
@NullMarked
@ApplicationModule(displayName = "Payments")
package de.amtsweg.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
