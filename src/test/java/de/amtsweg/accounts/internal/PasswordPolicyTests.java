package de.amtsweg.accounts.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void aLongUncommonPasswordIsAccepted() {
		assertThat(this.policy.problem("Lange Nacht im Rathaus 7", "erika@example.org")).isEmpty();
		assertThat(this.policy.problem("kürbis-regen-amt", "erika@example.org")).isEmpty();
	}

	@Test
	void aPasswordNeedsTenCharacters() {
		assertThat(this.policy.problem("", "a@b.de")).contains("password.required");
		assertThat(this.policy.problem("Kurz-9x!", "a@b.de")).contains("password.tooShort");
		assertThat(this.policy.problem("ä".repeat(9), "a@b.de")).contains("password.tooShort");
		assertThat(this.policy.problem("x".repeat(201) + "y", "a@b.de")).contains("password.tooLong");
	}

	@Test
	void theMostCommonPasswordsAreRefusedWhateverTheirCase() {
		assertThat(this.policy.problem("1234567890", "a@b.de")).contains("password.common");
		assertThat(this.policy.problem("Basketball", "a@b.de")).contains("password.common");
		assertThat(this.policy.problem("THUNDERBIRD", "a@b.de")).contains("password.common");
	}

	@Test
	void aCommonWordWithDigitsOrSymbolsAroundItIsStillCommon() {
		assertThat(this.policy.problem("password1234", "a@b.de")).contains("password.common");
		assertThat(this.policy.problem("!!sunshine!!", "a@b.de")).contains("password.common");
		assertThat(this.policy.problem("aaaaaaaaaaaa", "a@b.de")).contains("password.common");
	}

	@Test
	void theEmailAddressIsNoPassword() {
		assertThat(this.policy.problem("erika@example.org", "Erika@Example.org")).contains("password.common");
	}

}
