package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	@Test
	void hexIsTheLowerCaseDigestOfTheUtf8Bytes() {
		// FIPS 180-2, appendix B.1
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.hex("Straße")).isEqualTo(Sha256.hex("Straße".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aDigestFedInPartsEqualsTheDigestOfTheWhole() {
		var digest = Sha256.digest();
		digest.update("a".getBytes(StandardCharsets.US_ASCII));
		digest.update("bc".getBytes(StandardCharsets.US_ASCII));
		assertThat(digest.digest()).isEqualTo(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
	}

}
