package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment platform, modelled on the redirect flow of ePayBL and XBezahldienste: we
 * create a payment, send the citizen to the platform's page, they come back to our return
 * address, and the platform tells us the outcome by a signed server-to-server
 * notification (if it sends one) and answers status queries. We trust only the
 * notification and the status query, never the return alone.
 */
public interface PaymentProvider {

	/** Short name used in paths and stored with each payment, e.g. {@code sandbox}. */
	String key();

	/** Whether citizens may choose it now. */
	boolean enabled();

	/** Creates the payment at the platform. */
	Created create(Order order);

	/** Asks the platform where the payment stands. */
	Status status(String transactionId);

	/**
	 * Checks a notification's signature and reads it.
	 * @return the notification, or empty if the signature is missing or wrong
	 */
	Optional<Notification> verify(byte[] body, Map<String, String> headers);

	/**
	 * What to pay.
	 *
	 * @param paymentId our payment's id (the platform's request id)
	 * @param amount EUR
	 * @param purpose shown to the payer
	 * @param reference the Kassenzeichen
	 * @param returnUrl where the payer comes back
	 * @param notificationUrl where the platform posts the outcome
	 */
	record Order(UUID paymentId, BigDecimal amount, String purpose, String reference, String returnUrl,
			String notificationUrl) {
	}

	/**
	 * @param transactionId the platform's id of the payment
	 * @param redirectUrl the platform's page for the payer
	 */
	record Created(String transactionId, URI redirectUrl) {
	}

	/** The outcome at the platform. */
	enum State {

		/** Not finished yet. */
		INITIAL,
		/** Money received. */
		PAID,
		/** Refused, e.g. the card was declined. */
		FAILED,
		/** The payer gave up. */
		CANCELLED

	}

	/**
	 * @param state the outcome
	 * @param amount the amount the platform received or would receive
	 * @param method how, e.g. {@code card}
	 */
	record Status(State state, BigDecimal amount, String method) {
	}

	/**
	 * A verified notification.
	 *
	 * @param transactionId the platform's id of the payment
	 * @param status what it says
	 */
	record Notification(String transactionId, Status status) {
	}

}
