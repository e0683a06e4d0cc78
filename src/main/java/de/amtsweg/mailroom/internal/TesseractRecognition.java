package de.amtsweg.mailroom.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with the {@code tesseract} command (Debian: {@code tesseract-ocr} and
 * {@code tesseract-ocr-deu}): the page is written as a PNG to a temporary file and read
 * back as plain text from tesseract's standard output. Whether it is installed is asked
 * once ({@code tesseract --list-langs}) and remembered.
 */
class TesseractRecognition implements TextRecognition {

	private static final Logger LOG = LoggerFactory.getLogger(TesseractRecognition.class);

	private final String command;

	private final String language;

	private final Duration timeout;

	private volatile @Nullable Boolean available;

	TesseractRecognition(String command, String language, Duration timeout) {
		this.command = command;
		this.language = language;
		this.timeout = timeout;
	}

	@Override
	public boolean available() {
		Boolean known = this.available;
		if (known == null) {
			known = probe();
			this.available = known;
		}
		return known;
	}

	private boolean probe() {
		try {
			Process process = new ProcessBuilder(this.command, "--list-langs").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			boolean hasLanguage = output.lines().anyMatch((line) -> line.strip().equals(this.language));
			if (!hasLanguage) {
				LOG.warn("Tesseract has no language '{}'; text recognition is not available", this.language);
			}
			return process.exitValue() == 0 && hasLanguage;
		}
		catch (IOException ex) {
			LOG.warn("Tesseract ({}) is not installed; text recognition is not available", this.command);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String recognise(BufferedImage page) {
		if (!available()) {
			throw new UnavailableException("tesseract is not installed");
		}
		Path image = null;
		Path text = null;
		try {
			image = Files.createTempFile("amtsweg-ocr-", ".png");
			ImageIO.write(page, "png", image.toFile());
			String base = image.toString().replaceAll("\\.png$", "");
			text = Path.of(base + ".txt");
			// output to a file, not a pipe: a pipe nobody reads would block tesseract
			// past the timeout
			Process process = new ProcessBuilder(List.of(this.command, image.toString(), base, "-l", this.language))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new RecognitionException("tesseract took longer than " + this.timeout);
			}
			if (process.exitValue() != 0) {
				throw new RecognitionException("tesseract ended with status " + process.exitValue());
			}
			return Files.readString(text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new RecognitionException("tesseract failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RecognitionException("interrupted", ex);
		}
		finally {
			delete(image);
			delete(text);
		}
	}

	private static void delete(@Nullable Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				LOG.debug("Could not delete {}", path, ex);
			}
		}
	}

}
