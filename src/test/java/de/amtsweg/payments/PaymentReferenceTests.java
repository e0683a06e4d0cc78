package de.amtsweg.payments;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentReferenceTests {

	@Test
	void checkDigitsFollowIso7064Mod97() {
		// the IBAN test vector DE89 3704 0044 0532 0130 00: BBAN + "DE00" rearranged
		String reference = PaymentReference.withCheckDigits("3704004405320130001314");
		assertThat(reference).endsWith("89");
		assertThat(PaymentReference.isValid(reference)).isTrue();
	}

	@Test
	void everySingleWrongDigitIsNoticed() {
		String reference = PaymentReference.withCheckDigits("990010001234");
		for (int position = 0; position < reference.length(); position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (reference.charAt(position) == digit) {
					continue;
				}
				String wrong = reference.substring(0, position) + digit + reference.substring(position + 1);
				assertThat(PaymentReference.isValid(wrong)).as(wrong).isFalse();
			}
		}
	}

	@Test
	void swappedNeighbouringDigitsAreNoticed() {
		String reference = PaymentReference.withCheckDigits("990010001234");
		for (int position = 0; position + 1 < reference.length(); position++) {
			if (reference.charAt(position) == reference.charAt(position + 1)) {
				continue;
			}
			String swapped = reference.substring(0, position) + reference.charAt(position + 1)
					+ reference.charAt(position) + reference.substring(position + 2);
			assertThat(PaymentReference.isValid(swapped)).as(swapped).isFalse();
		}
	}

	@Test
	void spacesDotsAndDashesBetweenGroupsAreIgnored() {
		String reference = PaymentReference.withCheckDigits("990010001234");
		String typed = reference.substring(0, 4) + " " + reference.substring(4, 8) + "-" + reference.substring(8);
		assertThat(PaymentReference.isValid(typed)).isTrue();
		assertThat(PaymentReference.normalise(typed)).isEqualTo(reference);
		assertThat(PaymentReference.isValid("abc")).isFalse();
		assertThat(PaymentReference.isValid("")).isFalse();
	}

	@Test
	void dogTaxIsSplitIntoFourInstalmentsThatAddUp() {
		var instalments = NewClaim.evenly(new java.math.BigDecimal("100.00"),
				java.util.List.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 15), LocalDate.of(2027, 8, 15),
						LocalDate.of(2027, 11, 15)));
		assertThat(instalments).extracting(NewClaim.Instalment::amount)
			.map(java.math.BigDecimal::toPlainString)
			.containsExactly("25.00", "25.00", "25.00", "25.00");
		var uneven = NewClaim.evenly(new java.math.BigDecimal("100.01"),
				java.util.List.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 15), LocalDate.of(2027, 8, 15)));
		assertThat(uneven).extracting(NewClaim.Instalment::amount)
			.map(java.math.BigDecimal::toPlainString)
			.containsExactly("33.35", "33.33", "33.33");
	}

}
