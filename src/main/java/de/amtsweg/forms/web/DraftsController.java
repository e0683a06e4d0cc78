package de.amtsweg.forms.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.forms.internal.Draft;
import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.forms.internal.FormFilling.Loaded;
import de.amtsweg.forms.internal.GuestDrafts;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Drafts: a citizen's list in the account, and a guest's "save and continue later" with a
 * resume link by e-mail.
 */
@Controller
class DraftsController {

	private final FormFilling filling;

	private final GuestDrafts guests;

	private final Municipalities municipalities;

	private final MunicipalityContext context;

	private final MessageSource messages;

	DraftsController(FormFilling filling, GuestDrafts guests, Municipalities municipalities,
			MunicipalityContext context, MessageSource messages) {
		this.filling = filling;
		this.guests = guests;
		this.municipalities = municipalities;
		this.context = context;
		this.messages = messages;
	}

	@GetMapping("/konto/antraege/entwuerfe")
	String drafts(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("drafts", this.filling.draftsOf(citizen.accountId()));
		return "forms/drafts";
	}

	@GetMapping("/konto/antraege/entwuerfe/{draftId}")
	String resumeInAccount(@PathVariable String draftId, @Nullable Authentication authentication, HttpSession session,
			HttpServletRequest request, HttpServletResponse response) {
		FormFilling.Resume resume = this.filling.resume(FormController.requireUuid(draftId),
				ApplicantSession.of(authentication, session));
		return redirectTo(resume, request, response);
	}

	@GetMapping("/antrag/fortsetzen/{token}")
	String resumeByLink(@PathVariable String token, @Nullable Authentication authentication, HttpSession session,
			HttpServletRequest request, HttpServletResponse response) {
		Draft draft = this.guests.byToken(token)
			.filter((candidate) -> candidate.accountId() == null)
			.orElseThrow(() -> new NotFoundException("Resume link"));
		ApplicantSession.rememberDraft(session, draft.id());
		FormFilling.Resume resume = this.filling.resume(draft.id(), ApplicantSession.of(authentication, session));
		return redirectTo(resume, request, response);
	}

	@GetMapping("/antrag/" + FormController.KEY + "/" + FormController.DRAFT + "/speichern")
	String saveForm(@PathVariable String key, @PathVariable UUID draftId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		return saveFormPage(loaded, "", null, locale, model);
	}

	@PostMapping("/antrag/" + FormController.KEY + "/" + FormController.DRAFT + "/speichern")
	String save(@PathVariable String key, @PathVariable UUID draftId,
			@RequestParam(name = "email", defaultValue = "") String email, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, HttpServletResponse response, Locale locale,
			Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		try {
			this.guests.saveForLater(loaded, email, locale);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return saveFormPage(loaded, email,
					this.messages.getMessage(ex.problems().get(0).messageKey(), null, locale), locale, model);
		}
		return "redirect:/antrag/" + key + "/" + draftId + "/gespeichert";
	}

	@GetMapping("/antrag/" + FormController.KEY + "/" + FormController.DRAFT + "/gespeichert")
	String saved(@PathVariable String key, @PathVariable UUID draftId, Municipality municipality,
			@Nullable Authentication authentication, HttpSession session, Locale locale, Model model) {
		Loaded loaded = this.filling.load(municipality, key, draftId, ApplicantSession.of(authentication, session));
		model.addAttribute("formTitle", loaded.version().definition().title().in(locale));
		model.addAttribute("email", loaded.draft().guestEmail());
		model.addAttribute("expiresAt", loaded.draft().expiresAt());
		model.addAttribute("continueLink", FormController.checkPath(key, draftId));
		return "forms/saved";
	}

	private String saveFormPage(Loaded loaded, String email, @Nullable String error, Locale locale, Model model) {
		model.addAttribute("key", loaded.version().key());
		model.addAttribute("draftId", loaded.draft().id());
		model.addAttribute("formTitle", loaded.version().definition().title().in(locale));
		model.addAttribute("email", email);
		model.addAttribute("error", error);
		model.addAttribute("errors",
				(error != null) ? java.util.List.of(new ErrorLink("email", error)) : java.util.List.of());
		return "forms/save";
	}

	private String redirectTo(FormFilling.Resume resume, HttpServletRequest request, HttpServletResponse response) {
		Municipality municipality = this.municipalities.get(resume.municipalityId());
		if (this.context.current(request).filter((current) -> current.id().equals(municipality.id())).isEmpty()) {
			this.context.choose(municipality, request, response);
		}
		return "redirect:"
				+ ((resume.pageId() != null) ? FormController.pagePath(resume.key(), resume.draftId(), resume.pageId())
						: FormController.checkPath(resume.key(), resume.draftId()));
	}

}
