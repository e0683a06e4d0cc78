package de.amtsweg.payments.internal;

import java.time.LocalDate;

import de.amtsweg.payments.PaymentReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReferenceFormatTests {

	@Test
	void theDefaultFormatIsTheMunicipalityKeyARunningNumberAndCheckDigits() {
		String reference = ReferenceFormat.build("{ags:5}{seq:7}", "03499001", LocalDate.of(2026, 11, 23), 1042);
		assertThat(reference).startsWith("990010001042").hasSize(14);
		assertThat(PaymentReference.isValid(reference)).isTrue();
	}

	@Test
	void aFormatMayHoldTheYearAndFixedDigits() {
		String reference = ReferenceFormat.build("7{year:2}{seq:6}", "03499001", LocalDate.of(2026, 11, 23), 5);
		assertThat(reference).startsWith("726000005");
		assertThat(PaymentReference.isValid(reference)).isTrue();
	}

	@Test
	void aFormatWithoutRunningNumberOrWithLettersIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReferenceFormat.build("{ags:5}", "03499001", LocalDate.of(2026, 1, 1), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReferenceFormat.build("KZ{seq:6}", "03499001", LocalDate.of(2026, 1, 1), 1));
	}

}
