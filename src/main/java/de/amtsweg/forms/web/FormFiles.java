package de.amtsweg.forms.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.forms.internal.Answers;
import de.amtsweg.forms.internal.FieldError;
import de.amtsweg.forms.internal.FormFilling.Loaded;
import de.amtsweg.forms.internal.Submission;
import de.amtsweg.forms.internal.definition.FormDefinition.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The file fields of a page: uploading, listing and removing files of a draft. */
@Component
class FormFiles {

	/**
	 * Handles an upload or removal action of the page, if the action is one.
	 * @return null when the action is not about files
	 */
	@Nullable Outcome handle(Loaded loaded, Page page, String action, HttpServletRequest request, Answers answers,
			Locale locale) {
		return null;
	}

	Function<String, String> names(Loaded loaded) {
		return (id) -> id;
	}

	Function<String, String> names(Submission submission) {
		return (id) -> id;
	}

	Function<String, FieldView.FileView> views(Loaded loaded) {
		return (id) -> new FieldView.FileView(id, id, "");
	}

	void discard(Loaded loaded) {
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
