package de.amtsweg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import de.amtsweg.forms.internal.InputFormats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputFormatsTests {

	@Test
	void ibansAreCheckedByMod97() {
		assertThat(InputFormats.ibanProblem("DE89 3704 0044 0532 0130 00")).isNull();
		assertThat(InputFormats.ibanProblem("de89370400440532013000")).isNull();
		assertThat(InputFormats.ibanProblem("DE89 3704 0044 0532 0130 01")).isEqualTo("checksum");
		assertThat(InputFormats.ibanProblem("DE89 3704 0044 0532 0130")).isEqualTo("length");
		assertThat(InputFormats.ibanProblem("3704 0044 0532 0130 00")).isEqualTo("format");
		assertThat(InputFormats.ibanProblem("AT61 1904 3002 3457 3201")).isNull();
		assertThat(InputFormats.formatIban("de89370400440532013000")).isEqualTo("DE89 3704 0044 0532 0130 00");
	}

	@Test
	void amountsAreReadTheGermanWay() {
		assertThat(InputFormats.number("12,50")).isEqualTo(new BigDecimal("12.50"));
		assertThat(InputFormats.number("1.234,56 €")).isEqualTo(new BigDecimal("1234.56"));
		assertThat(InputFormats.number("12.5")).isEqualTo(new BigDecimal("12.5"));
		assertThat(InputFormats.number("drei")).isNull();
		assertThat(InputFormats.number("1,2,3")).isNull();
	}

	@Test
	void datesMustBeReal() {
		assertThat(InputFormats.date(Map.of("day", "29", "month", "2", "year", "2024")))
			.isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(InputFormats.date(Map.of("day", "29", "month", "2", "year", "2023"))).isNull();
		assertThat(InputFormats.date(Map.of("day", "1", "month", "13", "year", "2023"))).isNull();
		assertThat(InputFormats.date(Map.of("day", "1", "month", "1", "year", "23"))).isNull();
	}

}
