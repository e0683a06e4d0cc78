package de.amtsweg.accounts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.internal.CitizenAccount;
import de.amtsweg.accounts.internal.Profiles;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen's personal details: a summary page and an edit page. */
@Controller
class ProfileController {

	private final Profiles profiles;

	private final Municipalities municipalities;

	private final CitizenSessions sessions;

	private final MessageSource messages;

	ProfileController(Profiles profiles, Municipalities municipalities, CitizenSessions sessions,
			MessageSource messages) {
		this.profiles = profiles;
		this.municipalities = municipalities;
		this.sessions = sessions;
		this.messages = messages;
	}

	@GetMapping("/konto/profil")
	String profile(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		CitizenAccount account = this.profiles.read(citizen.accountId());
		model.addAttribute("account", account);
		model.addAttribute("dateOfBirth", Profiles.formatDate(account.dateOfBirth()));
		model.addAttribute("homeMunicipality", (account.homeMunicipalityId() != null)
				? this.municipalities.byId(account.homeMunicipalityId()).map(Municipality::name).orElse(null) : null);
		return "accounts/profile";
	}

	@GetMapping("/konto/profil/bearbeiten")
	String editForm(@AuthenticationPrincipal CitizenPrincipal citizen, Model model, Locale locale) {
		CitizenAccount account = this.profiles.read(citizen.accountId());
		String chosen = (account.homeMunicipalityId() != null)
				? this.municipalities.byId(account.homeMunicipalityId()).map(Municipality::slug).orElse("") : "";
		ProfileForm form = new ProfileForm(account.givenName(), account.familyName(),
				Profiles.formatDate(account.dateOfBirth()), account.street(), account.postcode(), account.city(),
				account.phone(), account.preferredLanguage(), chosen);
		return edit(form, model, locale);
	}

	@PostMapping("/konto/profil/bearbeiten")
	String save(@AuthenticationPrincipal CitizenPrincipal citizen, @ModelAttribute("form") ProfileForm form,
			BindingResult result, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.profiles.change(citizen.accountId(),
					new Profiles.ProfileChange(form.givenName(), form.familyName(), form.dateOfBirth(), form.street(),
							form.postcode(), form.city(), form.phone(), form.preferredLanguage(),
							form.homeMunicipality()));
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return edit(form, model, locale);
		}
		this.sessions.refresh(citizen.accountId(), request, response);
		redirect.addFlashAttribute("notice", "profile.saved");
		return "redirect:/konto/profil";
	}

	private String edit(ProfileForm form, Model model, Locale locale) {
		model.addAttribute("form", form);
		Map<String, String> languages = new LinkedHashMap<>();
		languages.put("de", this.messages.getMessage("profile.language.de", null, locale));
		languages.put("en", this.messages.getMessage("profile.language.en", null, locale));
		model.addAttribute("languages", languages);
		List<Municipality> candidates = this.profiles.municipalitiesFor(form.postcode());
		if (candidates.size() > 1) {
			Map<String, String> options = new LinkedHashMap<>();
			candidates.forEach((municipality) -> options.put(municipality.slug(), municipality.name()));
			model.addAttribute("municipalityOptions", options);
		}
		return "accounts/profile-edit";
	}

	/**
	 * The profile as typed.
	 *
	 * @param givenName given name
	 * @param familyName family name
	 * @param dateOfBirth date of birth, e.g. 17.03.1985
	 * @param street street and house number
	 * @param postcode postcode
	 * @param city city
	 * @param phone phone number
	 * @param preferredLanguage {@code de} or {@code en}
	 * @param homeMunicipality slug of the chosen municipality when the postcode spans
	 * several
	 */
	record ProfileForm(String givenName, String familyName, String dateOfBirth, String street, String postcode,
			String city, String phone, String preferredLanguage, String homeMunicipality) {

		ProfileForm {
			givenName = FormText.orEmpty(givenName);
			familyName = FormText.orEmpty(familyName);
			dateOfBirth = FormText.orEmpty(dateOfBirth);
			street = FormText.orEmpty(street);
			postcode = FormText.orEmpty(postcode);
			city = FormText.orEmpty(city);
			phone = FormText.orEmpty(phone);
			preferredLanguage = FormText.orEmpty(preferredLanguage);
			homeMunicipality = FormText.orEmpty(homeMunicipality);
		}

	}

}
