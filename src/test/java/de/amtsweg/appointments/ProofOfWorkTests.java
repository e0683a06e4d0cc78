package de.amtsweg.appointments;

import de.amtsweg.platform.ProofOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The proof-of-work's hash check, without the application (no database needed). */
class ProofOfWorkTests {

	@Test
	void aFoundSolutionHasTheLeadingZeroBitsAndAWrongOneUsuallyNot() {
		ProofOfWork.Challenge challenge = new ProofOfWork.Challenge("appointments.booking.abc.1.8.sig", 8);
		String solution = ProofOfWork.solve(challenge);
		assertThat(ProofOfWork.solves(challenge.token(), solution, 8)).isTrue();
		assertThat(ProofOfWork.solves(challenge.token(), solution, 0)).isTrue();
	}

	@Test
	void zeroDifficultyAcceptsAnything() {
		assertThat(ProofOfWork.solves("x", "anything", 0)).isTrue();
	}

}
