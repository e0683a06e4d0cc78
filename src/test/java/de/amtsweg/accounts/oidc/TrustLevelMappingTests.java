package de.amtsweg.accounts.oidc;

import java.util.List;
import java.util.Map;

import de.amtsweg.accounts.TrustLevel;
import de.amtsweg.accounts.internal.oidc.TrustLevelMapping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustLevelMappingTests {

	private final TrustLevelMapping builtIn = new TrustLevelMapping(Map.of());

	@Test
	void eidasLevelsOfAssuranceAreUnderstood() {
		assertThat(this.builtIn.levelOf("http://eidas.europa.eu/LoA/low")).isEqualTo(TrustLevel.LOW);
		assertThat(this.builtIn.levelOf("http://eidas.europa.eu/LoA/substantial")).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(this.builtIn.levelOf("http://eidas.europa.eu/LoA/high")).isEqualTo(TrustLevel.HIGH);
		assertThat(this.builtIn.levelOf("http://eidas.europa.eu/LoA/NotNotified/high")).isEqualTo(TrustLevel.HIGH);
	}

	@Test
	void storkLevelsThreeAndFourAreSubstantialAndHigh() {
		assertThat(this.builtIn.levelOf("STORK-QAA-Level-1")).isEqualTo(TrustLevel.LOW);
		assertThat(this.builtIn.levelOf("STORK-QAA-Level-2")).isEqualTo(TrustLevel.LOW);
		assertThat(this.builtIn.levelOf("STORK-QAA-Level-3")).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(this.builtIn.levelOf("stork-qaa-level-4")).isEqualTo(TrustLevel.HIGH);
	}

	@Test
	void germanAndEnglishWordsAndEidAreUnderstoodWhateverTheirCase() {
		assertThat(this.builtIn.levelOf("niedrig")).isEqualTo(TrustLevel.LOW);
		assertThat(this.builtIn.levelOf("Substanziell")).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(this.builtIn.levelOf("substantial")).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(this.builtIn.levelOf("HOCH")).isEqualTo(TrustLevel.HIGH);
		assertThat(this.builtIn.levelOf("HIGH")).isEqualTo(TrustLevel.HIGH);
		assertThat(this.builtIn.levelOf("eID")).isEqualTo(TrustLevel.HIGH);
	}

	@Test
	void unknownOrMissingValuesAreLow() {
		assertThat(this.builtIn.levelOf("urn:something:else")).isEqualTo(TrustLevel.LOW);
		assertThat(this.builtIn.levelOf("1")).isEqualTo(TrustLevel.LOW);
		assertThat(this.builtIn.levelOf(null)).isEqualTo(TrustLevel.LOW);
	}

	@Test
	void ofSeveralValuesTheHighestCounts() {
		assertThat(this.builtIn.levelOf(List.of("low", "STORK-QAA-Level-3", "unknown")))
			.isEqualTo(TrustLevel.SUBSTANTIAL);
	}

	@Test
	void aProvidersOwnValuesComeBeforeTheBuiltInOnes() {
		TrustLevelMapping own = new TrustLevelMapping(Map.of("2", TrustLevel.SUBSTANTIAL, "high", TrustLevel.LOW));
		assertThat(own.levelOf("2")).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(own.levelOf("HIGH")).isEqualTo(TrustLevel.LOW);
		assertThat(own.levelOf("hoch")).isEqualTo(TrustLevel.HIGH);
	}

	@Test
	void ownValuesAreReadOnePerLineAndTheFirstBadLineIsNamed() {
		TrustLevelMapping.Parsed parsed = TrustLevelMapping.parse("urn:x:a=b = high\n\n  3 = SUBSTANTIAL  \n");
		assertThat(parsed.valid()).isTrue();
		assertThat(parsed.values()).containsExactly(Map.entry("urn:x:a=b", TrustLevel.HIGH),
				Map.entry("3", TrustLevel.SUBSTANTIAL));
		assertThat(TrustLevelMapping.parse(TrustLevelMapping.format(parsed.values())).values())
			.isEqualTo(parsed.values());

		assertThat(TrustLevelMapping.parse("a = LOW\nb = sehr hoch").badLine()).isEqualTo(2);
		assertThat(TrustLevelMapping.parse("= HIGH").badLine()).isEqualTo(1);
		assertThat(TrustLevelMapping.parse("nur ein Wert").badLine()).isEqualTo(1);
	}

}
