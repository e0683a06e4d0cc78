package de.amtsweg.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.District;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityDetails;
import de.amtsweg.platform.State;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Municipalities and districts in the administration. A portal admin sees, creates and
 * changes all of them; a municipality's admin only their own, and another one's pages do
 * not exist for them.
 */
@Controller
class MunicipalityAdminController {

	static final String PATH = "/intern/admin/gemeinden";

	static final String DISTRICT_PATH = "/intern/admin/landkreise";

	private static final String FORM_PAGE = "platform/admin/municipality-form";

	private static final String LOGO_PAGE = "platform/admin/municipality-logo";

	private final Municipalities municipalities;

	MunicipalityAdminController(Municipalities municipalities) {
		this.municipalities = municipalities;
	}

	@GetMapping(PATH)
	String list(Authentication authentication, Model model) {
		AdminViewer viewer = AdminViewer.of(authentication);
		List<Municipality> visible = this.municipalities.all()
			.stream()
			.filter((municipality) -> viewer.administers(municipality.id()))
			.toList();
		model.addAttribute("municipalities", visible);
		model.addAttribute("districts", viewer.portalAdmin() ? this.municipalities.districts() : List.of());
		model.addAttribute("districtNames", districtNames());
		model.addAttribute("portalAdmin", viewer.portalAdmin());
		return "platform/admin/municipalities";
	}

	@GetMapping(PATH + "/neu")
	String newMunicipality(Authentication authentication, Model model) {
		AdminViewer.of(authentication).requirePortalAdmin();
		// A district portal's new municipality most likely lies in that district.
		List<District> districts = this.municipalities.districts();
		MunicipalityForm form = (districts.size() == 1)
				? MunicipalityForm.inDistrict(districts.get(0).id(), districts.get(0).state().name())
				: MunicipalityForm.empty();
		return form(form, null, model);
	}

	@PostMapping(PATH + "/neu")
	String create(Authentication authentication, @ModelAttribute("form") MunicipalityForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		AdminViewer.of(authentication).requirePortalAdmin();
		if (!saved(form, result, this.municipalities::create)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, null, model);
		}
		redirect.addFlashAttribute("notice", "admin.municipality.created");
		redirect.addFlashAttribute("noticeName", form.name().trim());
		return "redirect:" + PATH;
	}

	@GetMapping(PATH + "/{id}")
	String edit(Authentication authentication, @PathVariable UUID id, Model model) {
		Municipality municipality = administered(authentication, id);
		return form(MunicipalityForm.of(municipality), municipality, model);
	}

	@PostMapping(PATH + "/{id}")
	String update(Authentication authentication, @PathVariable UUID id, @ModelAttribute("form") MunicipalityForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Municipality municipality = administered(authentication, id);
		if (!saved(form, result, (details) -> this.municipalities.update(id, details))) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(form, municipality, model);
		}
		redirect.addFlashAttribute("notice", "admin.municipality.saved");
		redirect.addFlashAttribute("noticeName", form.name().trim());
		return "redirect:" + PATH;
	}

	@GetMapping(PATH + "/{id}/logo")
	String logo(Authentication authentication, @PathVariable UUID id, Model model) {
		model.addAttribute("form", new LogoForm(null));
		model.addAttribute("municipality", administered(authentication, id));
		return LOGO_PAGE;
	}

	@PostMapping(PATH + "/{id}/logo")
	String uploadLogo(Authentication authentication, @PathVariable UUID id, @ModelAttribute("form") LogoForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Municipality municipality = administered(authentication, id);
		MultipartFile file = form.logo();
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("logo", "admin.logo.required");
			}
			this.municipalities.changeLogo(id, file.getBytes());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("municipality", municipality);
			return LOGO_PAGE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		redirect.addFlashAttribute("notice", "admin.logo.changed");
		return "redirect:" + PATH + "/" + id + "/logo";
	}

	@PostMapping(PATH + "/{id}/logo/entfernen")
	String removeLogo(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
		administered(authentication, id);
		this.municipalities.removeLogo(id);
		redirect.addFlashAttribute("notice", "admin.logo.removed");
		return "redirect:" + PATH + "/" + id + "/logo";
	}

	@GetMapping(DISTRICT_PATH + "/neu")
	String newDistrict(Authentication authentication, Model model) {
		AdminViewer.of(authentication).requirePortalAdmin();
		return districtForm(new DistrictForm("", "", ""), model);
	}

	@PostMapping(DISTRICT_PATH + "/neu")
	String createDistrict(Authentication authentication, @ModelAttribute("form") DistrictForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		AdminViewer.of(authentication).requirePortalAdmin();
		try {
			this.municipalities.createDistrict(form.slug(), form.name(), form.state());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return districtForm(form, model);
		}
		redirect.addFlashAttribute("notice", "admin.district.created");
		redirect.addFlashAttribute("noticeName", form.name().trim());
		return "redirect:" + PATH;
	}

	private Municipality administered(Authentication authentication, UUID id) {
		AdminViewer.of(authentication).requireAdministers(id);
		return this.municipalities.get(id);
	}

	/**
	 * Saves the form if every field is right; else puts every problem, those of the
	 * service and those of the opening hours, into the binding result.
	 */
	private boolean saved(MunicipalityForm form, BindingResult result, Consumer<MunicipalityDetails> save) {
		OpeningHoursInput.Parsed hours = OpeningHoursInput.parse(form.hours());
		MunicipalityDetails details = form.details(hours.periods());
		try {
			if (hours.problems().isEmpty()) {
				save.accept(details);
				return true;
			}
			this.municipalities.check(details);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		if (!hours.problems().isEmpty()) {
			new InvalidInputException(hours.problems()).addTo(result);
		}
		return false;
	}

	private String form(MunicipalityForm form, @Nullable Municipality municipality, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("municipality", municipality);
		model.addAttribute("states", states());
		Map<String, String> districts = new LinkedHashMap<>();
		this.municipalities.districts().forEach((district) -> districts.put(district.id().toString(), district.name()));
		model.addAttribute("districtOptions", districts);
		model.addAttribute("days", OpeningHoursInput.DAYS);
		model.addAttribute("periods", List.of(1, 2));
		return FORM_PAGE;
	}

	private String districtForm(DistrictForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("states", states());
		return "platform/admin/district-form";
	}

	private Map<UUID, String> districtNames() {
		Map<UUID, String> names = new LinkedHashMap<>();
		this.municipalities.districts().forEach((District district) -> names.put(district.id(), district.name()));
		return names;
	}

	/** States by name; their names are the same in both languages. */
	private static Map<String, String> states() {
		Map<String, String> states = new LinkedHashMap<>();
		Arrays.stream(State.values())
			.sorted(Comparator.comparing(State::germanName))
			.forEach((state) -> states.put(state.name(), state.germanName()));
		return states;
	}

	/**
	 * The logo upload.
	 *
	 * @param logo the chosen file
	 */
	record LogoForm(@Nullable MultipartFile logo) {
	}

	/**
	 * A new district.
	 *
	 * @param name name, e.g. "Landkreis Musterkreis"
	 * @param slug short name
	 * @param state state code
	 */
	record DistrictForm(String name, String slug, String state) {

		DistrictForm {
			name = (name != null) ? name : "";
			slug = (slug != null) ? slug : "";
			state = (state != null) ? state : "";
		}

	}

}
