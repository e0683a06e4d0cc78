package de.amtsweg.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.LocationDetails;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.web.AdminForms.ExceptionForm;
import de.amtsweg.catalog.web.AdminForms.LocationForm;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for a municipality's locations, their opening hours and exceptions. */
@Controller
@RequestMapping("/intern/admin/katalog/standorte")
class LocationAdminController {

	private static final String NOTICE = "notice";

	private static final String BASE = "/intern/admin/katalog/standorte";

	private final ServiceCatalog catalog;

	private final CatalogAdministration administration;

	private final AdminPages pages;

	LocationAdminController(ServiceCatalog catalog, CatalogAdministration administration, AdminPages pages) {
		this.catalog = catalog;
		this.administration = administration;
		this.pages = pages;
	}

	@GetMapping
	String list(Municipality municipality, Model model) {
		this.pages.requireAdmin(municipality);
		model.addAttribute("municipality", municipality);
		model.addAttribute("locations", this.catalog.locations(municipality.id()));
		return "catalog/admin/locations";
	}

	@GetMapping("/neu")
	String newLocation(Municipality municipality, Model model) {
		this.pages.requireAdmin(municipality);
		return page(model, municipality, null, LocationForm.empty(), ExceptionForm.empty());
	}

	@PostMapping("/neu")
	String create(Municipality municipality, @ModelAttribute("form") LocationForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.pages.requireAdmin(municipality);
		try {
			UUID id = this.administration.createLocation(municipality.id(), checked(form));
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.created");
			return "redirect:" + BASE + "/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, municipality, null, form, ExceptionForm.empty());
		}
	}

	@GetMapping("/{locationId}")
	String edit(Municipality municipality, @PathVariable UUID locationId, Model model) {
		Location location = location(municipality, locationId);
		return page(model, municipality, location, LocationForm.of(location), ExceptionForm.empty());
	}

	@PostMapping("/{locationId}")
	String update(Municipality municipality, @PathVariable UUID locationId, @ModelAttribute("form") LocationForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Location location = location(municipality, locationId);
		try {
			this.administration.updateLocation(municipality.id(), locationId, checked(form));
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + BASE + "/" + locationId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, municipality, location, form, ExceptionForm.empty());
		}
	}

	@GetMapping("/{locationId}/loeschen")
	String confirmDelete(Municipality municipality, @PathVariable UUID locationId, Model model) {
		Location location = location(municipality, locationId);
		model.addAttribute("heading", "catalog.admin.delete.location.heading");
		model.addAttribute("text", "catalog.admin.delete.location.text");
		model.addAttribute("name", location.name());
		model.addAttribute("action", BASE + "/" + locationId + "/loeschen");
		model.addAttribute("back", BASE + "/" + locationId);
		return "catalog/admin/confirm";
	}

	@PostMapping("/{locationId}/loeschen")
	String delete(Municipality municipality, @PathVariable UUID locationId, RedirectAttributes redirect) {
		this.administration.deleteLocation(municipality.id(), locationId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return "redirect:" + BASE;
	}

	@PostMapping("/{locationId}/ausnahmen")
	String addException(Municipality municipality, @PathVariable UUID locationId,
			@ModelAttribute("exception") ExceptionForm exception, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Location location = location(municipality, locationId);
		try {
			this.administration.setOpeningException(municipality.id(), locationId, exception.day(),
					exception.time(exception.opens()), exception.time(exception.closes()),
					new LocalizedText(exception.note(), exception.noteEn()));
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + BASE + "/" + locationId + "#ausnahmen";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("exceptionErrors", true);
			return page(model, municipality, location, LocationForm.of(location), exception);
		}
	}

	@PostMapping("/{locationId}/ausnahmen/{exceptionId}/loeschen")
	String deleteException(Municipality municipality, @PathVariable UUID locationId, @PathVariable UUID exceptionId,
			RedirectAttributes redirect) {
		this.administration.deleteOpeningException(municipality.id(), locationId, exceptionId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return "redirect:" + BASE + "/" + locationId + "#ausnahmen";
	}

	/** The form's location, after every field was checked; all problems at once. */
	private LocationDetails checked(LocationForm form) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		LocationDetails details = form.details(problems);
		if (!problems.isEmpty()) {
			this.administration.validateLocation(details, problems);
		}
		return details;
	}

	private String page(Model model, Municipality municipality, @Nullable Location location, LocationForm form,
			ExceptionForm exception) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("location", location);
		model.addAttribute("form", form);
		model.addAttribute("exception", exception);
		model.addAttribute("action", (location != null) ? BASE + "/" + location.id() : BASE + "/neu");
		return "catalog/admin/location-form";
	}

	private Location location(Municipality municipality, UUID locationId) {
		this.pages.requireAdmin(municipality);
		return this.catalog.location(municipality.id(), locationId)
			.orElseThrow(() -> new NotFoundException("Location " + locationId));
	}

}
