package de.amtsweg.platform.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The org units of a municipality: list, create, change. A municipality's admin works on
 * their own municipality; a portal admin picks one first ({@code ?gemeinde=<slug>}).
 */
@Controller
class OrgUnitAdminController {

	static final String PATH = "/intern/admin/organisationseinheiten";

	private static final String FORM_PAGE = "platform/admin/org-unit-form";

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	OrgUnitAdminController(Municipalities municipalities, OrgUnits orgUnits) {
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
	}

	@GetMapping(PATH)
	String list(Authentication authentication, @RequestParam(name = "gemeinde", required = false) @Nullable String slug,
			Model model) {
		AdminViewer viewer = AdminViewer.of(authentication);
		Municipality municipality = chosen(viewer, slug);
		model.addAttribute("portalAdmin", viewer.portalAdmin());
		model.addAttribute("municipalities", viewer.portalAdmin() ? this.municipalities.all() : List.of());
		model.addAttribute("municipality", municipality);
		model.addAttribute("orgUnits", (municipality != null) ? this.orgUnits.of(municipality.id()) : List.of());
		return "platform/admin/org-units";
	}

	@GetMapping(PATH + "/neu")
	String newOrgUnit(Authentication authentication,
			@RequestParam(name = "gemeinde", required = false) @Nullable String slug, Model model) {
		Municipality municipality = required(chosen(AdminViewer.of(authentication), slug));
		return form(new OrgUnitForm("", "", "", ""), municipality, null, model);
	}

	@PostMapping(PATH + "/neu")
	String create(Authentication authentication,
			@RequestParam(name = "gemeinde", required = false) @Nullable String slug,
			@ModelAttribute("form") OrgUnitForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Municipality municipality = required(chosen(AdminViewer.of(authentication), slug));
		try {
			this.orgUnits.create(municipality.id(), form.key(), form.name(), form.email(), form.phone());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, municipality, null, model);
		}
		redirect.addFlashAttribute("notice", "admin.orgUnit.created");
		redirect.addFlashAttribute("noticeName", form.name().trim());
		return "redirect:" + listPath(municipality);
	}

	@GetMapping(PATH + "/{id}")
	String edit(Authentication authentication, @PathVariable UUID id, Model model) {
		OrgUnit unit = administered(authentication, id);
		return form(new OrgUnitForm(unit.name(), unit.key(), unit.email(), unit.phone()),
				this.municipalities.get(unit.municipalityId()), unit, model);
	}

	@PostMapping(PATH + "/{id}")
	String update(Authentication authentication, @PathVariable UUID id, @ModelAttribute("form") OrgUnitForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		OrgUnit unit = administered(authentication, id);
		Municipality municipality = this.municipalities.get(unit.municipalityId());
		try {
			this.orgUnits.update(unit.municipalityId(), id, form.key(), form.name(), form.email(), form.phone());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, municipality, unit, model);
		}
		redirect.addFlashAttribute("notice", "admin.orgUnit.saved");
		redirect.addFlashAttribute("noticeName", form.name().trim());
		return "redirect:" + listPath(municipality);
	}

	/**
	 * The municipality the page works on: the admin's own, or the one a portal admin
	 * chose (none yet: null).
	 */
	private @Nullable Municipality chosen(AdminViewer viewer, @Nullable String slug) {
		if (!viewer.portalAdmin()) {
			return this.municipalities.get(Objects.requireNonNull(viewer.municipalityId()));
		}
		if (slug == null || slug.isBlank()) {
			return null;
		}
		return this.municipalities.bySlug(slug.trim()).orElseThrow(() -> new NotFoundException("Municipality " + slug));
	}

	private static Municipality required(@Nullable Municipality municipality) {
		if (municipality == null) {
			throw new NotFoundException("No municipality chosen");
		}
		return municipality;
	}

	private OrgUnit administered(Authentication authentication, UUID id) {
		OrgUnit unit = this.orgUnits.byId(id).orElseThrow(() -> new NotFoundException("Org unit " + id));
		AdminViewer viewer = AdminViewer.of(authentication);
		if (!viewer.administers(unit.municipalityId())) {
			throw new NotFoundException("Org unit " + id);
		}
		return unit;
	}

	private static String listPath(Municipality municipality) {
		return UriComponentsBuilder.fromPath(PATH).queryParam("gemeinde", municipality.slug()).build().toUriString();
	}

	private static String form(OrgUnitForm form, Municipality municipality, @Nullable OrgUnit unit, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("municipality", municipality);
		model.addAttribute("orgUnit", unit);
		return FORM_PAGE;
	}

	/**
	 * An org unit as typed.
	 *
	 * @param name display name
	 * @param key short stable name
	 * @param email functional mailbox
	 * @param phone phone number
	 */
	record OrgUnitForm(String name, String key, String email, String phone) {

		OrgUnitForm {
			name = (name != null) ? name : "";
			key = (key != null) ? key : "";
			email = (email != null) ? email : "";
			phone = (phone != null) ? phone : "";
		}

	}

}
