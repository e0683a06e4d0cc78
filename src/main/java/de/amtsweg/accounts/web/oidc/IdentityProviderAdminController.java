package de.amtsweg.accounts.web.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.internal.oidc.Audience;
import de.amtsweg.accounts.internal.oidc.IdentityProvider;
import de.amtsweg.accounts.internal.oidc.IdentityProviders;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages of the identity providers: list, add, change, switch off. */
@Controller
@RequestMapping(IdentityProviderAdminController.PATH)
class IdentityProviderAdminController {

	static final String PATH = "/intern/admin/anmeldedienste";

	private final IdentityProviders providers;

	private final Municipalities municipalities;

	private final MessageSource messages;

	private final String baseUrl;

	IdentityProviderAdminController(IdentityProviders providers, Municipalities municipalities, MessageSource messages,
			@Value("${amtsweg.base-url}") String baseUrl) {
		this.providers = providers;
		this.municipalities = municipalities;
		this.messages = messages;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
		List<IdentityProvider> visible = this.providers.visibleTo(admin);
		Map<UUID, String> names = new LinkedHashMap<>();
		this.municipalities.all().forEach((municipality) -> names.put(municipality.id(), municipality.name()));
		model.addAttribute("providers",
				visible.stream()
					.map((provider) -> new Row(provider,
							(provider.municipalityId() != null) ? names.getOrDefault(provider.municipalityId(), "")
									: null,
							this.providers.mayManage(admin, provider.municipalityId())))
					.toList());
		model.addAttribute("mayCreate",
				this.providers.choosesMunicipality(admin) || this.providers.mayManage(admin, admin.municipalityId()));
		return "accounts/identity-providers/list";
	}

	@GetMapping("/neu")
	String newProvider(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
		if (!this.providers.choosesMunicipality(admin) && !this.providers.mayManage(admin, admin.municipalityId())) {
			throw new AccessDeniedException("Not an admin of a municipality");
		}
		return form(admin, IdentityProviderForm.blank(admin.municipalityId()), null, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal StaffPrincipal admin, @ModelAttribute("form") IdentityProviderForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.providers.create(admin, form.details());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invalid", true);
			return form(admin, form, null, model);
		}
		redirect.addFlashAttribute("saved", form.displayName().trim());
		return "redirect:" + PATH;
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String id, Model model) {
		IdentityProvider provider = this.providers.get(admin, parse(id));
		return form(admin, IdentityProviderForm.of(provider), provider, model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable String id,
			@ModelAttribute("form") IdentityProviderForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		IdentityProvider provider = this.providers.get(admin, parse(id));
		try {
			this.providers.update(admin, provider.id(), form.details());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invalid", true);
			return form(admin, form, provider, model);
		}
		redirect.addFlashAttribute("saved", form.displayName().trim());
		return "redirect:" + PATH;
	}

	private String form(StaffPrincipal admin, IdentityProviderForm form, @Nullable IdentityProvider provider,
			Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		// The same object as bound, or the model would drop its binding result. The page
		// never renders the secret (a password field stays empty).
		model.addAttribute("form", form);
		model.addAttribute("provider", provider);
		Map<String, String> audiences = new LinkedHashMap<>();
		for (Audience audience : Audience.values()) {
			audiences.put(audience.name(),
					this.messages.getMessage("oidc.provider.audience." + audience.name(), null, locale));
		}
		model.addAttribute("audienceOptions", audiences);
		if (this.providers.choosesMunicipality(admin)) {
			Map<String, String> options = new LinkedHashMap<>();
			options.put("", this.messages.getMessage("oidc.provider.municipality.portal", null, locale));
			this.municipalities.all()
				.forEach((municipality) -> options.put(municipality.id().toString(), municipality.name()));
			model.addAttribute("municipalityOptions", options);
		}
		else {
			UUID own = admin.municipalityId();
			model.addAttribute("fixedMunicipality",
					(own != null) ? this.municipalities.byId(own).map(Municipality::name).orElse("") : "");
		}
		model.addAttribute("builtInTrustLevels", this.providers.builtInTrustLevels());
		if (provider != null) {
			model.addAttribute("redirectUri", this.baseUrl + ((provider.audience() == Audience.STAFF) ? "/intern" : "")
					+ "/login/oauth2/code/" + provider.registrationId());
		}
		return "accounts/identity-providers/form";
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("Identity provider " + id);
		}
	}

	/**
	 * A line of the list.
	 *
	 * @param provider the provider
	 * @param municipalityName the municipality it serves, null for the whole portal
	 * @param editable whether the viewer may change it
	 */
	record Row(IdentityProvider provider, @Nullable String municipalityName, boolean editable) {
	}

}
