package de.amtsweg.payments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;

import org.springframework.stereotype.Component;

/** Hands out new Kassenzeichen in each municipality's format. */
@Component
public class PaymentReferences {

	private final ClaimRepository claims;

	private final Municipalities municipalities;

	private final PaymentsProperties properties;

	private final Clock clock;

	PaymentReferences(ClaimRepository claims, Municipalities municipalities, PaymentsProperties properties,
			Clock clock) {
		this.claims = claims;
		this.municipalities = municipalities;
		this.properties = properties;
		this.clock = clock;
	}

	public String next(UUID municipalityId) {
		Municipality municipality = this.municipalities.get(municipalityId);
		return ReferenceFormat.build(this.properties.formatFor(municipality.slug()), municipality.ags().value(),
				LocalDate.now(this.clock), this.claims.nextSequence());
	}

}
