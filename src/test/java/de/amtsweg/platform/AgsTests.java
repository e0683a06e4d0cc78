package de.amtsweg.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgsTests {

	@Test
	void aKeyOfEightDigitsNamesItsStateAndDistrict() {
		Ags ags = new Ags("03499001");
		assertThat(ags.state()).isEqualTo(State.NI);
		assertThat(ags.districtKey()).isEqualTo("03499");
	}

	@Test
	void aKeyMustHaveExactlyEightDigits() {
		assertThat(Ags.problem("0349900")).contains("ags.invalid.format");
		assertThat(Ags.problem("034990011")).contains("ags.invalid.format");
		assertThat(Ags.problem("0349900a")).contains("ags.invalid.format");
		assertThatIllegalArgumentException().isThrownBy(() -> new Ags("12 345 678"));
	}

	@Test
	void aKeyMustStartWithTheCodeOfAState() {
		assertThat(Ags.problem("17000000")).contains("ags.invalid.state");
		assertThat(Ags.problem("00000000")).contains("ags.invalid.state");
		assertThat(Ags.problem("16000000")).isEmpty();
	}

}
