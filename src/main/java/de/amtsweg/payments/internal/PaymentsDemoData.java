package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import de.amtsweg.payments.Claim;
import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.Debtor;
import de.amtsweg.payments.NewClaim;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo claims for the demo citizens, as the finance system would import them (addressed
 * by e-mail, so they appear in the citizen's account on the first visit of
 * {@code /konto/finanzen}): dog tax in four quarterly instalments with a notice, a
 * parking fine already paid by bank transfer, and an open fee.
 */
@Component
@Order(DemoData.LATER_MODULES)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class PaymentsDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PaymentsDemoData.class);

	private final Claims claims;

	private final ClaimRepository repository;

	private final Bookkeeping bookkeeping;

	private final Reminders notices;

	private final Municipalities municipalities;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentsDemoData(Claims claims, ClaimRepository repository, Bookkeeping bookkeeping, Reminders notices,
			Municipalities municipalities, TransactionTemplate transactions, Clock clock) {
		this.claims = claims;
		this.repository = repository;
		this.bookkeeping = bookkeeping;
		this.notices = notices;
		this.municipalities = municipalities;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		SystemActor.run(() -> {
			int created = 0;
			for (String[] citizen : List.of(
					new String[] { "musterstadt", "erika.mustermann@example.org", "Erika Mustermann" },
					new String[] { "musterstadt", "max.mustermann@example.org", "Max Mustermann" },
					new String[] { "beispielheim", "anna.beispiel@example.org", "Anna Beispiel" })) {
				Municipality municipality = this.municipalities.bySlug(citizen[0]).orElse(null);
				if (municipality != null) {
					created += this.transactions.execute((status) -> seed(municipality, citizen[1], citizen[2]));
				}
			}
			if (created > 0) {
				log.info("Demo claims created: {}", created);
			}
		});
	}

	private int seed(Municipality municipality, String email, String name) {
		String key = "demo:" + municipality.id() + ":" + email;
		if (this.repository.idByOrigin(ClaimOrigin.IMPORT, key + ":hundesteuer").isPresent()) {
			return 0;
		}
		int year = LocalDate.now(this.clock).getYear() + 1;
		Debtor debtor = Debtor.guest(name, email);
		BigDecimal dogTax = new BigDecimal("120.00");
		Claim tax = this.claims
			.create(new NewClaim(municipality.id(), debtor, "Hundesteuer " + year, dogTax,
					NewClaim.evenly(dogTax,
							List.of(LocalDate.of(year, 2, 15), LocalDate.of(year, 5, 15), LocalDate.of(year, 8, 15),
									LocalDate.of(year, 11, 15))),
					null, ClaimOrigin.IMPORT, key + ":hundesteuer", null));
		this.notices.attachNotice(tax, Locale.GERMAN);
		LocalDate today = LocalDate.now(this.clock);
		Claim fine = this.claims.create(NewClaim.dueOn(municipality.id(), debtor, "Verwarnungsgeld Parkverstoß",
				new BigDecimal("25.00"), today.minusDays(30), ClaimOrigin.IMPORT, key + ":parken"));
		this.notices.attachNotice(fine, Locale.GERMAN);
		this.bookkeeping.receive(fine.id(), null, "BANK", key + ":parken:ueberweisung", new BigDecimal("25.00"), name,
				"Überweisung " + fine.reference());
		Claim fee = this.claims.create(NewClaim.dueOn(municipality.id(), debtor, "Gebühr Sondernutzung Umzugskarton",
				new BigDecimal("35.50"), today.plusDays(14), ClaimOrigin.IMPORT, key + ":sondernutzung"));
		this.notices.attachNotice(fee, Locale.GERMAN);
		return 3;
	}

}
