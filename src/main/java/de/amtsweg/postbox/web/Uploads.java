package de.amtsweg.postbox.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.postbox.NewAttachment;
import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/** What the postbox pages take from a request: chosen files and dates. */
final class Uploads {

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private Uploads() {
	}

	/** The files chosen in the form; an empty file input sends one empty part. */
	static List<NewAttachment> of(@Nullable List<MultipartFile> files) {
		List<NewAttachment> attachments = new ArrayList<>();
		if (files == null) {
			return attachments;
		}
		for (MultipartFile file : files) {
			if (file == null || file.isEmpty()) {
				continue;
			}
			try {
				attachments.add(new NewAttachment(Objects.requireNonNullElse(file.getOriginalFilename(), "datei"),
						Objects.requireNonNullElse(file.getContentType(), "application/octet-stream"),
						file.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return attachments;
	}

	/**
	 * A day as a date field sends it ({@code 2026-03-02}) or as people type it
	 * ({@code 2.3.2026}); null when empty.
	 */
	static @Nullable LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text.strip(), GERMAN);
			}
			catch (DateTimeParseException again) {
				throw InvalidInputException.of(field, "postbox.error.replyBy.invalid");
			}
		}
	}

	static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
