package de.amtsweg.accounts.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.OrganisationRole;
import de.amtsweg.accounts.internal.LegalForm;
import de.amtsweg.accounts.internal.OrganisationDetails;
import de.amtsweg.accounts.internal.Organisations;
import de.amtsweg.accounts.internal.Organisations.OrganisationView;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation accounts: the citizen's list, creating one, and one organisation's page
 * with its members. Organisations of others answer 404; changes by members who are not
 * admins answer 403.
 */
@Controller
class OrganisationController {

	private final Organisations organisations;

	private final MessageSource messages;

	OrganisationController(Organisations organisations, MessageSource messages) {
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/konto/organisationen")
	String list(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("memberships", this.organisations.of(citizen.accountId()));
		return "accounts/organisations";
	}

	@GetMapping("/konto/organisationen/neu")
	String createForm(Model model, Locale locale) {
		return form(OrganisationForm.empty(), null, model, locale);
	}

	@PostMapping("/konto/organisationen/neu")
	String create(@AuthenticationPrincipal CitizenPrincipal citizen, @ModelAttribute("form") OrganisationForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID id;
		try {
			id = this.organisations.create(citizen.accountId(), form.details());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, null, model, locale);
		}
		redirect.addFlashAttribute("notice", "organisation.notice.created");
		return "redirect:/konto/organisationen/" + id;
	}

	@GetMapping("/konto/organisationen/{id}")
	String show(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id, Model model, Locale locale) {
		OrganisationView view = this.organisations.view(citizen.accountId(), id);
		return page(view, new MemberForm("", OrganisationRole.MEMBER.name()), model, locale);
	}

	@GetMapping("/konto/organisationen/{id}/bearbeiten")
	String editForm(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id, Model model,
			Locale locale) {
		OrganisationView view = this.organisations.view(citizen.accountId(), id);
		if (!view.viewerIsAdmin()) {
			throw new AccessDeniedException("Only admins change an organisation");
		}
		return form(OrganisationForm.of(view.organisation().details()), id, model, locale);
	}

	@PostMapping("/konto/organisationen/{id}/bearbeiten")
	String edit(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
			@ModelAttribute("form") OrganisationForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.organisations.update(citizen.accountId(), id, form.details());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, id, model, locale);
		}
		redirect.addFlashAttribute("notice", "organisation.notice.changed");
		return "redirect:/konto/organisationen/" + id;
	}

	@PostMapping("/konto/organisationen/{id}/mitglieder")
	String addMember(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
			@ModelAttribute("form") MemberForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.organisations.addMember(citizen.accountId(), id, form.email(), form.role());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(this.organisations.view(citizen.accountId(), id), form, model, locale);
		}
		redirect.addFlashAttribute("notice", "organisation.notice.memberAdded");
		return "redirect:/konto/organisationen/" + id;
	}

	@PostMapping("/konto/organisationen/{id}/mitglieder/{memberId}/rolle")
	String changeRole(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
			@PathVariable UUID memberId, @RequestParam(name = "role", defaultValue = "") String role, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.organisations.changeRole(citizen.accountId(), id, memberId, role);
		}
		catch (InvalidInputException ex) {
			return refused(citizen, id, ex, model, locale, response);
		}
		redirect.addFlashAttribute("notice", "organisation.notice.roleChanged");
		return "redirect:/konto/organisationen/" + id;
	}

	@PostMapping("/konto/organisationen/{id}/mitglieder/{memberId}/entfernen")
	String removeMember(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
			@PathVariable UUID memberId, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.organisations.removeMember(citizen.accountId(), id, memberId);
		}
		catch (InvalidInputException ex) {
			return refused(citizen, id, ex, model, locale, response);
		}
		redirect.addFlashAttribute("notice", "organisation.notice.memberRemoved");
		return "redirect:/konto/organisationen/" + id;
	}

	@PostMapping("/konto/organisationen/{id}/verlassen")
	String leave(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.organisations.leave(citizen.accountId(), id);
		}
		catch (InvalidInputException ex) {
			return refused(citizen, id, ex, model, locale, response);
		}
		redirect.addFlashAttribute("notice", "organisation.notice.left");
		return "redirect:/konto/organisationen";
	}

	/** Back to the organisation's page with the reason an action was refused. */
	private String refused(CitizenPrincipal citizen, UUID id, InvalidInputException ex, Model model, Locale locale,
			HttpServletResponse response) {
		MemberForm form = new MemberForm("", OrganisationRole.MEMBER.name());
		BindingResult result = new MapBindingResult(new LinkedHashMap<>(Map.of("email", "", "role", "")), "form");
		ex.addTo(result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String view = page(this.organisations.view(citizen.accountId(), id), form, model, locale);
		// After the form: adding the form to the model would drop a binding result added
		// before it.
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		return view;
	}

	private String page(OrganisationView view, MemberForm form, Model model, Locale locale) {
		model.addAttribute("view", view);
		model.addAttribute("organisation", view.organisation());
		model.addAttribute("legalForm", legalFormLabel(view.organisation().details().legalForm(), locale));
		model.addAttribute("form", form);
		model.addAttribute("roles", roles(locale));
		return "accounts/organisation";
	}

	private String form(OrganisationForm form, @Nullable UUID id, Model model, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("organisationId", id);
		Map<String, String> legalForms = new LinkedHashMap<>();
		for (LegalForm legalForm : LegalForm.values()) {
			legalForms.put(legalForm.name(), legalFormLabel(legalForm.name(), locale));
		}
		model.addAttribute("legalForms", legalForms);
		return "accounts/organisation-form";
	}

	private Map<String, String> roles(Locale locale) {
		Map<String, String> roles = new LinkedHashMap<>();
		for (OrganisationRole role : OrganisationRole.values()) {
			roles.put(role.name(), this.messages.getMessage("organisation.role." + role.name(), null, locale));
		}
		return roles;
	}

	private String legalFormLabel(String code, Locale locale) {
		return this.messages.getMessage("organisation.legalForm." + code, null, code, locale);
	}

	/**
	 * An organisation's details as typed.
	 *
	 * @param name name
	 * @param legalForm code of the legal form
	 * @param registerNumber register entry
	 * @param street street and house number
	 * @param postcode postcode
	 * @param city city
	 * @param email contact address
	 * @param phone phone number
	 */
	record OrganisationForm(String name, String legalForm, String registerNumber, String street, String postcode,
			String city, String email, String phone) {

		OrganisationForm {
			name = FormText.orEmpty(name);
			legalForm = FormText.orEmpty(legalForm);
			registerNumber = FormText.orEmpty(registerNumber);
			street = FormText.orEmpty(street);
			postcode = FormText.orEmpty(postcode);
			city = FormText.orEmpty(city);
			email = FormText.orEmpty(email);
			phone = FormText.orEmpty(phone);
		}

		static OrganisationForm empty() {
			return new OrganisationForm("", "", "", "", "", "", "", "");
		}

		static OrganisationForm of(OrganisationDetails details) {
			return new OrganisationForm(details.name(), details.legalForm(), details.registerNumber(), details.street(),
					details.postcode(), details.city(), details.email(), details.phone());
		}

		OrganisationDetails details() {
			return new OrganisationDetails(this.name, this.legalForm, this.registerNumber, this.street, this.postcode,
					this.city, this.email, this.phone);
		}
	}

	/**
	 * Adding a member.
	 *
	 * @param email the member's service account address
	 * @param role the role to give
	 */
	record MemberForm(String email, String role) {

		MemberForm {
			email = FormText.orEmpty(email);
			role = FormText.orEmpty(role);
		}

	}

}
