package de.amtsweg.forms.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
		List<Slot> slots = slots(page, answers);
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Slot slot : slots) {
				MultipartFile file = multipart.getFile("datei." + slot.path());
				if (file == null || file.isEmpty()) {
					if (action.equals("hochladen:" + slot.path())) {
						errors.add(slot.error("file.none"));
					}
					continue;
				}
				List<String> ids = new ArrayList<>(slot.ids(answers));
				if (ids.size() >= FormEngine.maxFiles(slot.field())) {
					errors.add(slot.error("file.tooMany", FormEngine.maxFiles(slot.field())));
					continue;
				}
				DraftFiles.Stored stored = this.files.store(loaded.draft(), slot.field(), slot.path(),
						file.getOriginalFilename() != null ? file.getOriginalFilename() : "datei", bytes(file));
				if (stored.upload() == null) {
					errors.add(slot.error(stored.problem(), stored.arguments()));
				}
				else {
					ids.add(stored.upload().id().toString());
					slot.put(answers, ids);
					anchor = slot.anchor();
				}
			}
		}
		if (action.startsWith("datei-entfernen:")) {
			String[] parts = action.split(":");
			Slot slot = slots.stream()
				.filter((candidate) -> parts.length == 3 && candidate.path().equals(parts[1]))
				.findFirst()
				.orElse(null);
			UUID uploadId = FormController.uuid((parts.length == 3) ? parts[2] : null);
			if (slot != null && uploadId != null) {
				List<String> ids = new ArrayList<>(slot.ids(answers));
				if (ids.remove(uploadId.toString())) {
					this.files.remove(loaded.draft().id(), uploadId);
				}
				slot.put(answers, ids);
				anchor = slot.anchor();
			}
		}
		boolean fileAction = action.startsWith("hochladen:") || action.startsWith("datei-entfernen:");
		if (!errors.isEmpty() || fileAction) {
			return new Outcome((anchor != null) ? anchor : "inhalt", errors);
		}
		return null;
	}

	/** Whether a page has a file field, also inside a group. */
	static boolean hasFiles(Page page) {
		return page.fields()
			.stream()
			.anyMatch((field) -> field.type() == FieldType.FILE
					|| (field.isGroup() && field.fields().stream().anyMatch((sub) -> sub.type() == FieldType.FILE)));
	}

	/**
	 * Every place on the page that takes files: a file field ({@code proof}) or a file
	 * field in one entry of a group ({@code dogs.1.proof}).
	 */
	private static List<Slot> slots(Page page, Answers answers) {
		List<Slot> slots = new ArrayList<>();
		for (Field field : page.fields()) {
			if (field.type() == FieldType.FILE) {
				slots.add(new Slot(field, field.id(), null, -1, null));
			}
			else if (field.isGroup()) {
				int entries = answers.items(field.id()).size();
				for (Field sub : field.fields()) {
					if (sub.type() != FieldType.FILE) {
						continue;
					}
					for (int i = 0; i < entries; i++) {
						slots.add(new Slot(sub, field.id() + "." + i + "." + sub.id(), field.id(), i,
								new FieldError.Item(FormEngine.itemLabel(field), i + 1)));
					}
				}
			}
		}
		return slots;
	}

	/**
	 * A place that takes files.
	 *
	 * @param field the file field
	 * @param path the name of its answer, as in posted names
	 * @param group the group holding it, or null
	 * @param index the entry of the group
	 * @param item the entry for messages ("Hund 2")
	 */
	private record Slot(Field field, String path, @Nullable String group, int index, FieldError.@Nullable Item item) {

		List<String> ids(Answers answers) {
			if (this.group == null) {
				return Answers.list(answers.get(this.path));
			}
			List<Map<String, Object>> entries = answers.items(this.group);
			return (this.index < entries.size()) ? Answers.list(entries.get(this.index).get(this.field.id()))
					: List.of();
		}

		void put(Answers answers, List<String> ids) {
			if (this.group == null) {
				answers.put(this.path, ids);
				return;
			}
			List<Map<String, Object>> entries = answers.items(this.group);
			Map<String, Object> entry = new LinkedHashMap<>(entries.get(this.index));
			entry.put(this.field.id(), ids);
			entries.set(this.index, entry);
			answers.put(this.group, entries);
		}

		String anchor() {
			return FormEngine.anchorOf(this.path);
		}

		FieldError error(@Nullable String key, Object... arguments) {
			return new FieldError(this.path, anchor(), this.field.label(), this.item, "forms.error." + key, arguments,
					null);
		}

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

	/**
	 * What a file action did.
	 *
	 * @param anchor where the page should scroll to
	 * @param errors problems, e.g. a refused file
	 */
	record Outcome(String anchor, List<FieldError> errors) {
	}

}
