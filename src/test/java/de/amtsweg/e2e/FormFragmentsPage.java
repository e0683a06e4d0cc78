package de.amtsweg.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page that exists only in the tests: every fragment of {@code fragments/form.html} in
 * one form, so that {@link FormFragmentsTests} can check the library itself, with and
 * without errors. Submitting it empty fails every field.
 */
@Controller
class FormFragmentsPage {

	static final String PATH = "/e2e/formularbausteine";

	@GetMapping(PATH)
	String show(Model model) {
		model.addAttribute("form", new FragmentsForm(null, null, null, null, null, false));
		model.addAttribute("failed", false);
		return page(model);
	}

	@PostMapping(PATH)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String submit(@ModelAttribute("form") FragmentsForm form, BindingResult result, Model model) {
		result.rejectValue("name", "e2e.name", "Geben Sie Ihren Namen ein.");
		result.rejectValue("email", "e2e.email", "Geben Sie eine E-Mail-Adresse wie name@example.org ein.");
		result.rejectValue("notes", "e2e.notes", "Die Bemerkungen sind zu lang.");
		result.rejectValue("choice", "e2e.choice", "Wählen Sie, wie Sie den Bescheid erhalten möchten.");
		result.rejectValue("state", "e2e.state", "Wählen Sie ein Bundesland.");
		result.rejectValue("consent", "e2e.consent", "Bestätigen Sie, dass Sie die Hinweise gelesen haben.");
		result.reject("e2e.global", "Der Antrag konnte nicht gespeichert werden.");
		model.addAttribute("failed", true);
		return page(model);
	}

	private static String page(Model model) {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("post", "Per Post");
		choices.put("postfach", "In mein Postfach");
		Map<String, String> states = new LinkedHashMap<>();
		states.put("NI", "Niedersachsen");
		states.put("HB", "Bremen");
		model.addAttribute("choices", choices);
		model.addAttribute("states", states);
		return "e2e/form-fragments";
	}

	/**
	 * The form of the page.
	 *
	 * @param name a required text
	 * @param email an optional address with a hint
	 * @param notes an optional long text
	 * @param choice one of {@code choices}
	 * @param state one of {@code states}
	 * @param consent a declaration
	 */
	record FragmentsForm(@Nullable String name, @Nullable String email, @Nullable String notes, @Nullable String choice,
			@Nullable String state, boolean consent) {
	}

}
