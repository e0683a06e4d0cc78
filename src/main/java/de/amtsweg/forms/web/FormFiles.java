package de.amtsweg.forms.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.DraftFiles;
import de.amtsweg.forms.internal.DraftFiles.Upload;
import de.amtsweg.forms.internal.FieldError;
import de.amtsweg.forms.internal.FormEngine;
import de.amtsweg.forms.internal.FormFilling.Loaded;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.forms.internal.definition.FieldType;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The file fields of a page: a file chosen in the page is stored whichever button was
 * pressed ("upload" or "continue"); "remove" takes one off again.
 */
@Component
class FormFiles {

	private final DraftFiles files;

	FormFiles(DraftFiles files) {
		this.files = files;
	}

	/**
	 * Stores files posted with the page and handles a removal.
	 * @return null when the request was not about files and nothing was uploaded
	 */
	@Nullable Outcome handle(Loaded loaded, Page page, String action, HttpServletRequest request, Answers answers,
			Locale locale) {
		List<FieldError> errors = new ArrayList<>();
		String anchor = null;
		boolean uploaded = false;
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Field field : page.fields()) {
				if (field.type() != FieldType.FILE) {
					continue;
				}
				MultipartFile file = multipart.getFile("datei." + field.id());
				if (file == null || file.isEmpty()) {
					if (action.equals("hochladen:" + field.id())) {
						errors.add(error(field, "file.none"));
					}
					continue;
				}
				List<String> ids = new ArrayList<>(Answers.list(answers.get(field.id())));
				if (ids.size() >= FormEngine.maxFiles(field)) {
					errors.add(error(field, "file.tooMany", FormEngine.maxFiles(field)));
					continue;
				}
				DraftFiles.Stored stored = this.files.store(loaded.draft(), field,
						file.getOriginalFilename() != null ? file.getOriginalFilename() : "datei", bytes(file));
				if (stored.upload() == null) {
					errors.add(error(field, stored.problem(), stored.arguments()));
				}
				else {
					ids.add(stored.upload().id().toString());
					answers.put(field.id(), ids);
					uploaded = true;
					anchor = field.id();
				}
			}
		}
		if (action.startsWith("datei-entfernen:")) {
			String[] parts = action.split(":");
			Field field = page.fields()
				.stream()
				.filter((candidate) -> candidate.type() == FieldType.FILE && parts.length == 3
						&& candidate.id().equals(parts[1]))
				.findFirst()
				.orElse(null);
			UUID uploadId = FormController.uuid((parts.length == 3) ? parts[2] : null);
			if (field != null && uploadId != null) {
				List<String> ids = new ArrayList<>(Answers.list(answers.get(field.id())));
				if (ids.remove(uploadId.toString())) {
					this.files.remove(loaded.draft().id(), uploadId);
				}
				answers.put(field.id(), ids);
				anchor = field.id();
			}
		}
		boolean fileAction = action.startsWith("hochladen:") || action.startsWith("datei-entfernen:");
		if (!errors.isEmpty() || fileAction) {
			return new Outcome((anchor != null) ? anchor : "inhalt", errors);
		}
		return null;
	}

	Function<String, String> names(Loaded loaded) {
		return this.files.names(this.files.ofDraft(loaded.draft().id()));
	}

	Function<String, String> names(Submission submission) {
		return this.files.names(this.files.ofSubmission(submission.id()));
	}

	Function<String, FieldView.FileView> views(Loaded loaded) {
		Map<String, Upload> uploads = this.files.ofDraft(loaded.draft().id())
			.stream()
			.collect(Collectors.toMap((upload) -> upload.id().toString(), (upload) -> upload));
		return (id) -> {
			Upload upload = uploads.get(id);
			return (upload != null) ? new FieldView.FileView(id, upload.fileName(), size(upload.size()))
					: new FieldView.FileView(id, id, "");
		};
	}

	private static String size(long bytes) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
		format.setMaximumFractionDigits(1);
		return (bytes < 1024 * 1024) ? format.format(Math.max(1, bytes / 1024.0)) + " KB"
				: format.format(bytes / (1024.0 * 1024.0)) + " MB";
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FieldError error(Field field, @Nullable String key, Object... arguments) {
		return new FieldError(field.id(), field.id(), field.label(), null, "forms.error." + key, arguments, null);
	}

	/**
	 * What a file action did.
	 *
	 * @param anchor where the page should scroll to
	 * @param errors problems, e.g. a refused file
	 */
	record Outcome(String anchor, List<FieldError> errors) {
	}

}
