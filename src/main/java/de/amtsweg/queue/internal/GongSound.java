package de.amtsweg.queue.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The display board's gong, synthesised rather than copied: two bell-like tones (a
 * falling major third, each a fundamental with two softer overtones and an exponential
 * decay) as a 16-bit mono WAV file.
 */
public final class GongSound {

	static final int SAMPLE_RATE = 22_050;

	private static final byte[] WAV = synthesise();

	private GongSound() {
	}

	public static byte[] wav() {
		return WAV.clone();
	}

	private static byte[] synthesise() {
		double[] tones = { 659.25, 523.25 };
		double toneSeconds = 0.9;
		int toneSamples = (int) (SAMPLE_RATE * toneSeconds);
		int samples = toneSamples * tones.length;
		ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (double frequency : tones) {
			for (int i = 0; i < toneSamples; i++) {
				double t = (double) i / SAMPLE_RATE;
				double attack = Math.min(1.0, t / 0.01);
				double envelope = attack * Math.exp(-3.5 * t);
				double value = Math.sin(2 * Math.PI * frequency * t) + 0.4 * Math.sin(2 * Math.PI * frequency * 2 * t)
						+ 0.15 * Math.sin(2 * Math.PI * frequency * 3.01 * t);
				pcm.putShort((short) Math.round(value / 1.55 * envelope * 0.8 * Short.MAX_VALUE));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		header.putInt(36 + pcm.capacity());
		header.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		header.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		header.putInt(16);
		header.putShort((short) 1);
		header.putShort((short) 1);
		header.putInt(SAMPLE_RATE);
		header.putInt(SAMPLE_RATE * 2);
		header.putShort((short) 2);
		header.putShort((short) 16);
		header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		header.putInt(pcm.capacity());
		out.writeBytes(header.array());
		out.writeBytes(pcm.array());
		return out.toByteArray();
	}

}
