package de.amtsweg.forms.internal;

import java.util.List;
import java.util.Objects;

import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.platform.ContentTypes;
import de.amtsweg.platform.VirusScanner;
import org.jspecify.annotations.Nullable;

/**
 * Whether an uploaded file may be kept: its type as its first bytes show (never its name
 * or what the browser claims), allowed by the field, not too large, and clean.
 */
public final class UploadCheck {

	private final VirusScanner scanner;

	private final int maxFileSizeKb;

	public UploadCheck(VirusScanner scanner, int maxFileSizeKb) {
		this.scanner = scanner;
		this.maxFileSizeKb = maxFileSizeKb;
	}

	/**
	 * Checks the file for the field.
	 * @return the detected media type and no problem, or the problem (message key of the
	 * forms bundle with the label as first argument)
	 */
	public Result check(Field field, byte[] content) {
		if (content.length == 0) {
			return Result.problem("file.empty");
		}
		int limitKb = Math.min(Objects.requireNonNullElse(field.maxSizeKb(), this.maxFileSizeKb), this.maxFileSizeKb);
		if (content.length > limitKb * 1024L) {
			return Result.problem("file.tooLarge", Math.max(1, Math.round(limitKb / 1024.0)));
		}
		String type = ContentTypes.detectAllowed(content, ContentTypes.PDF_PNG_JPEG);
		List<String> kinds = field.accept().isEmpty() ? List.of("pdf", "jpeg", "png") : field.accept();
		if (type == null || !kinds.contains(kind(type))) {
			return Result.problem("file.type",
					String.join(", ", kinds.stream().map((kind) -> kind.toUpperCase(java.util.Locale.ROOT)).toList()));
		}
		VirusScanner.Verdict verdict;
		try {
			verdict = this.scanner.scan(content);
		}
		catch (VirusScanner.ScannerUnavailableException ex) {
			return Result.problem("file.scanUnavailable");
		}
		if (!verdict.clean()) {
			return Result.problem("file.infected");
		}
		return new Result(type, null, new Object[0]);
	}

	private static String kind(String mediaType) {
		return switch (mediaType) {
			case "application/pdf" -> "pdf";
			case "image/png" -> "png";
			default -> "jpeg";
		};
	}

	/**
	 * @param mediaType the detected type when accepted
	 * @param problem message key (without {@code forms.error.}) when refused
	 * @param arguments further message arguments
	 */
	public record Result(@Nullable String mediaType, @Nullable String problem, Object[] arguments) {

		static Result problem(String key, Object... arguments) {
			return new Result(null, key, arguments);
		}

		public boolean accepted() {
			return this.problem == null;
		}

	}

}
