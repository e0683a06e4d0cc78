package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.internal.PaymentRepository.OnlinePayment;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online payment flow: start a payment at a provider, and apply what the provider
 * says, whether it arrives by notification, by the payer's return (followed by a status
 * query) or both, in any order. Transitions lock the payment's row, so concurrent
 * notifications run one after the other and the second finds nothing left to do.
 */
@Service
public class OnlinePayments {

	private static final Logger LOG = LoggerFactory.getLogger(OnlinePayments.class);

	private final List<PaymentProvider> providers;

	private final PaymentRepository payments;

	private final ClaimRepository claims;

	private final Bookkeeping bookkeeping;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	OnlinePayments(List<PaymentProvider> providers, PaymentRepository payments, ClaimRepository claims,
			Bookkeeping bookkeeping, AuditLog auditLog, TransactionTemplate transactions, Clock clock,
			@Value("${amtsweg.base-url}") String baseUrl) {
		this.providers = providers;
		this.payments = payments;
		this.claims = claims;
		this.bookkeeping = bookkeeping;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** The providers citizens may choose, in a stable order. */
	public List<PaymentProvider> enabledProviders() {
		return this.providers.stream().filter(PaymentProvider::enabled).toList();
	}

	/** What to pay now: the next due item's open amount. */
	public static BigDecimal amountDue(Claim claim) {
		return claim.nextDue().map((item) -> item.openAmount()).orElse(BigDecimal.ZERO);
	}

	/**
	 * Starts paying the claim's next due item with the provider.
	 * @return our payment's id and where to send the payer
	 */
	public Started start(Claim claim, String providerKey, @Nullable UUID accountId) {
		PaymentProvider provider = provider(providerKey).filter(PaymentProvider::enabled)
			.orElseThrow(() -> InvalidInputException.of("provider", "payments.pay.provider.required"));
		BigDecimal amount = amountDue(claim);
		if (amount.signum() <= 0) {
			throw InvalidInputException.of("provider", "payments.pay.nothingDue");
		}
		UUID paymentId = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.payments.insert(paymentId, claim.id(), claim.municipalityId(), provider.key(), amount, accountId,
					this.clock.instant());
			this.auditLog.record("payment.started", "payment", paymentId.toString(), claim.municipalityId(),
					claim.reference() + " " + amount.toPlainString() + " EUR " + provider.key());
		});
		// the provider is called outside our transaction: it may be a slow remote service
		PaymentProvider.Created created = provider.create(new PaymentProvider.Order(paymentId, amount, claim.purpose(),
				claim.reference(), this.baseUrl + "/bezahlen/zahlung/" + paymentId + "/rueckkehr",
				this.baseUrl + "/api/v1/payments/notifications/" + provider.key()));
		this.transactions.executeWithoutResult(
				(status) -> this.payments.attachTransaction(paymentId, created.transactionId(), this.clock.instant()));
		return new Started(paymentId, created.redirectUrl());
	}

	/** What a notification led to. */
	public enum NotificationResult {

		ACCEPTED, BAD_SIGNATURE, UNKNOWN_PROVIDER

	}

	/**
	 * Handles a provider's notification: refused (and recorded) if the signature does not
	 * fit; otherwise applied once.
	 */
	public NotificationResult notification(String providerKey, byte[] body, Map<String, String> headers) {
		Optional<PaymentProvider> provider = provider(providerKey);
		String text = new String(body, StandardCharsets.UTF_8);
		if (provider.isEmpty()) {
			return NotificationResult.UNKNOWN_PROVIDER;
		}
		Optional<PaymentProvider.Notification> notification = provider.get().verify(body, headers);
		if (notification.isEmpty()) {
			LOG.warn("Refused a payment notification from {} with a bad signature", providerKey);
			this.transactions.executeWithoutResult((status) -> {
				this.payments.logNotification(providerKey, false, "", text, this.clock.instant());
				this.auditLog.record("payment-notification.refused", "payment-notification", providerKey, null,
						"bad signature");
			});
			return NotificationResult.BAD_SIGNATURE;
		}
		PaymentProvider.Notification valid = notification.get();
		this.transactions.executeWithoutResult((status) -> {
			this.payments.logNotification(providerKey, true, valid.transactionId(), text, this.clock.instant());
			Optional<UUID> paymentId = this.payments.idByTransaction(providerKey, valid.transactionId());
			if (paymentId.isPresent()) {
				apply(paymentId.get(), valid.status());
			}
			else if (valid.status().state() == PaymentProvider.State.PAID) {
				// money for a payment we never started: keep it for finance staff
				this.bookkeeping.holdUnknown(null, "ONLINE", providerKey + ":" + valid.transactionId(), null,
						valid.transactionId(), providerKey, valid.status().amount());
			}
		});
		return NotificationResult.ACCEPTED;
	}

	/**
	 * The payer came back: ask the provider where the payment stands (the return itself
	 * proves nothing) and apply that.
	 */
	public OnlinePayment returned(UUID paymentId) {
		OnlinePayment payment = this.payments.find(paymentId)
			.orElseThrow(() -> new NotFoundException("Payment " + paymentId));
		if (!payment.status().finished() && payment.transactionId() != null) {
			PaymentProvider.Status status = provider(payment.provider()).orElseThrow().status(payment.transactionId());
			this.transactions.executeWithoutResult((tx) -> apply(paymentId, status));
		}
		return this.payments.find(paymentId).orElseThrow();
	}

	/** Applies a provider's word on a payment, once. */
	private void apply(UUID paymentId, PaymentProvider.Status status) {
		OnlinePayment payment = this.payments.lock(paymentId).orElseThrow();
		switch (status.state()) {
			case PAID -> {
				if (payment.status() == PaymentStatus.SUCCEEDED) {
					return;
				}
				this.payments.updateStatus(paymentId, PaymentStatus.SUCCEEDED, status.method(), this.clock.instant());
				Claim claim = this.claims.find(payment.claimId()).orElseThrow();
				this.bookkeeping.receive(claim.id(), paymentId, "ONLINE", paymentId.toString(), status.amount(),
						claim.debtor().name(), payment.provider() + " " + status.method());
			}
			case FAILED, CANCELLED -> {
				if (payment.status().finished()) {
					return;
				}
				PaymentStatus next = (status.state() == PaymentProvider.State.FAILED) ? PaymentStatus.FAILED
						: PaymentStatus.CANCELLED;
				this.payments.updateStatus(paymentId, next, status.method(), this.clock.instant());
				this.auditLog.record("payment." + next.name().toLowerCase(java.util.Locale.ROOT), "payment",
						paymentId.toString(), payment.municipalityId(), payment.provider());
			}
			case INITIAL -> {
			}
		}
	}

	Optional<PaymentProvider> provider(String key) {
		return this.providers.stream().filter((provider) -> provider.key().equals(key)).findFirst();
	}

	/**
	 * @param paymentId our payment
	 * @param redirectUrl the provider's page
	 */
	public record Started(UUID paymentId, URI redirectUrl) {
	}

}
