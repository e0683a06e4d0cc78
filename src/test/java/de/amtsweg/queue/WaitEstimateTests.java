package de.amtsweg.queue;

import java.time.Duration;
import java.util.List;

import de.amtsweg.queue.internal.GongSound;
import de.amtsweg.queue.internal.WaitEstimate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimated wait learnt from service times, and the gong's sound file. */
class WaitEstimateTests {

	@Test
	void withoutServiceTimesTheGroupsAssumedTimeCounts() {
		assertThat(WaitEstimate.averageServiceTime(List.of(), Duration.ofMinutes(12)))
			.isEqualTo(Duration.ofMinutes(12));
	}

	@Test
	void theAverageFollowsTheRecentServiceTimes() {
		assertThat(WaitEstimate.averageServiceTime(List.of(300L, 420L, 180L), Duration.ofMinutes(12)))
			.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void theWaitGrowsWithThePeopleAheadAndShrinksWithOpenCounters() {
		Duration fiveMinutes = Duration.ofMinutes(5);
		assertThat(WaitEstimate.of(fiveMinutes, 0, 1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(WaitEstimate.of(fiveMinutes, 3, 1)).isEqualTo(Duration.ofMinutes(20));
		assertThat(WaitEstimate.of(fiveMinutes, 3, 2)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void noOpenCounterCountsAsOne() {
		assertThat(WaitEstimate.of(Duration.ofMinutes(5), 1, 0)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void peopleSeeWholeMinutesRoundedUpAndNeverZero() {
		assertThat(WaitEstimate.minutes(Duration.ZERO)).isEqualTo(1);
		assertThat(WaitEstimate.minutes(Duration.ofSeconds(61))).isEqualTo(2);
		assertThat(WaitEstimate.minutes(Duration.ofMinutes(10))).isEqualTo(10);
	}

	@Test
	void theGongIsAPlayableWaveFileOfAboutTwoSeconds() {
		byte[] wav = GongSound.wav();
		assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(new String(wav, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WAVE");
		int dataBytes = java.nio.ByteBuffer.wrap(wav, 40, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
		assertThat(dataBytes).isEqualTo(wav.length - 44);
		double seconds = dataBytes / 2.0 / 22_050;
		assertThat(seconds).isBetween(1.5, 2.5);
		// not silence
		short loudest = 0;
		java.nio.ByteBuffer samples = java.nio.ByteBuffer.wrap(wav, 44, dataBytes)
			.order(java.nio.ByteOrder.LITTLE_ENDIAN);
		while (samples.remaining() >= 2) {
			loudest = (short) Math.max(loudest, Math.abs(samples.getShort()));
		}
		assertThat(loudest).isGreaterThan((short) 10_000);
	}

}
