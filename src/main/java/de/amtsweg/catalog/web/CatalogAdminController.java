package de.amtsweg.catalog.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.catalog.CatalogService;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.web.AdminForms.ActivityForm;
import de.amtsweg.catalog.web.AdminForms.AdoptForm;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for services: the municipality's catalogue, its own services with their
 * activities and fees, and the district's shared services (adopted by municipalities,
 * maintained by the portal's operators).
 */
@Controller
@RequestMapping("/intern/admin/katalog")
class CatalogAdminController {

	private static final String NOTICE = "notice";

	private final ServiceCatalog catalog;

	private final CatalogAdministration administration;

	private final AdminPages pages;

	CatalogAdminController(ServiceCatalog catalog, CatalogAdministration administration, AdminPages pages) {
		this.catalog = catalog;
		this.administration = administration;
		this.pages = pages;
	}

	@GetMapping
	String index(Municipality municipality, Model model) {
		this.pages.requireAdmin(municipality);
		model.addAttribute("municipality", municipality);
		model.addAttribute("services", this.catalog.offeredServices(municipality.id(), null, null));
		model.addAttribute("mayAdministerDistrict", this.pages.mayAdministerDistrict());
		return "catalog/admin/index";
	}

	// A service of the municipality's own catalogue

	@GetMapping("/leistungen/neu")
	String newLocal(Municipality municipality, Model model, Locale locale) {
		this.pages.requireAdmin(municipality);
		return serviceForm(model, municipality, ServiceForm.empty(), null, "/intern/admin/katalog/leistungen/neu",
				locale);
	}

	@PostMapping("/leistungen/neu")
	String createLocal(Municipality municipality, @ModelAttribute("form") ServiceForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			UUID responsibilityId = this.administration.createLocalService(municipality.id(), form.content(),
					AdminForms.uuid(form.orgUnit()));
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.created");
			return "redirect:/intern/admin/katalog/zustaendigkeiten/" + responsibilityId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return serviceForm(model, municipality, form, null, "/intern/admin/katalog/leistungen/neu", locale);
		}
	}

	// A shared service of the district

	@GetMapping("/kreis")
	String shared(Municipality municipality, Model model) {
		this.pages.requireAdmin(municipality);
		List<CatalogService> shared = (municipality.districtId() != null)
				? this.catalog.sharedServices(municipality.districtId()) : List.of();
		Set<UUID> adopted = this.catalog.responsibilities(municipality.id())
			.stream()
			.map((responsibility) -> responsibility.serviceId())
			.collect(Collectors.toSet());
		model.addAttribute("municipality", municipality);
		model.addAttribute("shared", shared);
		model.addAttribute("adopted", adopted);
		model.addAttribute("mayAdministerDistrict", this.pages.mayAdministerDistrict());
		return "catalog/admin/shared";
	}

	@GetMapping("/kreis/neu")
	String newShared(Municipality municipality, Model model, Locale locale) {
		requireDistrictAdmin(municipality);
		return serviceForm(model, municipality, ServiceForm.empty(), null, "/intern/admin/katalog/kreis/neu", locale);
	}

	@PostMapping("/kreis/neu")
	String createShared(Municipality municipality, @ModelAttribute("form") ServiceForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		requireDistrictAdmin(municipality);
		try {
			UUID serviceId = this.administration.createSharedService(municipality.districtId(), form.content());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.created");
			return "redirect:/intern/admin/katalog/leistungen/" + serviceId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return serviceForm(model, municipality, form, null, "/intern/admin/katalog/kreis/neu", locale);
		}
	}

	@GetMapping("/kreis/{serviceId}/uebernehmen")
	String adoptForm(Municipality municipality, @PathVariable UUID serviceId, Model model) {
		this.pages.requireAdmin(municipality);
		return adoptPage(model, municipality, sharedOf(municipality, serviceId), new AdoptForm(""));
	}

	@PostMapping("/kreis/{serviceId}/uebernehmen")
	String adopt(Municipality municipality, @PathVariable UUID serviceId, @ModelAttribute("form") AdoptForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CatalogService service = sharedOf(municipality, serviceId);
		try {
			UUID responsibilityId = this.administration.adopt(municipality.id(), serviceId,
					AdminForms.uuid(form.orgUnit()));
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.adopted");
			return "redirect:/intern/admin/katalog/zustaendigkeiten/" + responsibilityId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return adoptPage(model, municipality, service, form);
		}
	}

	// Editing the description of a service (own: the municipality; shared: the portal's
	// operators)

	@GetMapping("/leistungen/{serviceId}")
	String edit(Municipality municipality, @PathVariable UUID serviceId, Model model, Locale locale) {
		CatalogService service = editable(municipality, serviceId);
		return serviceForm(model, municipality, ServiceForm.of(service), service,
				"/intern/admin/katalog/leistungen/" + serviceId, locale);
	}

	@PostMapping("/leistungen/{serviceId}")
	String update(Municipality municipality, @PathVariable UUID serviceId, @ModelAttribute("form") ServiceForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		CatalogService service = editable(municipality, serviceId);
		try {
			this.administration.updateService(serviceId, form.contentOver(service));
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:/intern/admin/katalog/leistungen/" + serviceId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return serviceForm(model, municipality, form, service, "/intern/admin/katalog/leistungen/" + serviceId,
					locale);
		}
	}

	@GetMapping("/leistungen/{serviceId}/loeschen")
	String confirmDelete(Municipality municipality, @PathVariable UUID serviceId, Model model, Locale locale) {
		CatalogService service = editable(municipality, serviceId);
		model.addAttribute("heading", "catalog.admin.delete.service.heading");
		model.addAttribute("text",
				service.shared() ? "catalog.admin.delete.service.sharedText" : "catalog.admin.delete.service.text");
		model.addAttribute("name", service.name().in(locale));
		model.addAttribute("action", "/intern/admin/katalog/leistungen/" + serviceId + "/loeschen");
		model.addAttribute("back", "/intern/admin/katalog/leistungen/" + serviceId);
		return "catalog/admin/confirm";
	}

	@PostMapping("/leistungen/{serviceId}/loeschen")
	String delete(Municipality municipality, @PathVariable UUID serviceId, RedirectAttributes redirect) {
		CatalogService service = editable(municipality, serviceId);
		this.administration.deleteService(serviceId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return service.shared() ? "redirect:/intern/admin/katalog/kreis" : "redirect:/intern/admin/katalog";
	}

	@GetMapping("/leistungen/{serviceId}/taetigkeiten/neu")
	String newActivity(Municipality municipality, @PathVariable UUID serviceId, Model model) {
		CatalogService service = editable(municipality, serviceId);
		return activityForm(model, service, null, new ActivityForm("", "", ""));
	}

	@PostMapping("/leistungen/{serviceId}/taetigkeiten/neu")
	String addActivity(Municipality municipality, @PathVariable UUID serviceId,
			@ModelAttribute("form") ActivityForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CatalogService service = editable(municipality, serviceId);
		try {
			this.administration.addActivity(serviceId, form.leikaKey(), form.localizedName());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:/intern/admin/katalog/leistungen/" + serviceId + "#taetigkeiten";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return activityForm(model, service, null, form);
		}
	}

	@GetMapping("/leistungen/{serviceId}/taetigkeiten/{activityId}")
	String editActivity(Municipality municipality, @PathVariable UUID serviceId, @PathVariable UUID activityId,
			Model model) {
		CatalogService service = editable(municipality, serviceId);
		Activity activity = activityOf(service, activityId);
		return activityForm(model, service, activity, new ActivityForm(activity.name().de(), activity.name().en(),
				(activity.leikaKey() != null) ? activity.leikaKey() : ""));
	}

	@PostMapping("/leistungen/{serviceId}/taetigkeiten/{activityId}")
	String updateActivity(Municipality municipality, @PathVariable UUID serviceId, @PathVariable UUID activityId,
			@ModelAttribute("form") ActivityForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CatalogService service = editable(municipality, serviceId);
		Activity activity = activityOf(service, activityId);
		try {
			this.administration.updateActivity(serviceId, activityId, form.leikaKey(), form.localizedName());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:/intern/admin/katalog/leistungen/" + serviceId + "#taetigkeiten";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return activityForm(model, service, activity, form);
		}
	}

	@PostMapping("/leistungen/{serviceId}/taetigkeiten/{activityId}/loeschen")
	String deleteActivity(Municipality municipality, @PathVariable UUID serviceId, @PathVariable UUID activityId,
			RedirectAttributes redirect) {
		editable(municipality, serviceId);
		this.administration.deleteActivity(serviceId, activityId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return "redirect:/intern/admin/katalog/leistungen/" + serviceId + "#taetigkeiten";
	}

	@GetMapping("/leistungen/{serviceId}/gebuehren/neu")
	String newFee(Municipality municipality, @PathVariable UUID serviceId, Model model, Locale locale) {
		CatalogService service = editable(municipality, serviceId);
		return this.pages.feeForm(model, service.name().in(locale), FeeForm.empty(),
				"/intern/admin/katalog/leistungen/" + serviceId + "/gebuehren/neu",
				"/intern/admin/katalog/leistungen/" + serviceId, locale);
	}

	@PostMapping("/leistungen/{serviceId}/gebuehren/neu")
	String addFee(Municipality municipality, @PathVariable UUID serviceId, @ModelAttribute("form") FeeForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		CatalogService service = editable(municipality, serviceId);
		try {
			this.administration.addServiceFee(serviceId, form.details());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:/intern/admin/katalog/leistungen/" + serviceId + "#gebuehren";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.pages.feeForm(model, service.name().in(locale), form,
					"/intern/admin/katalog/leistungen/" + serviceId + "/gebuehren/neu",
					"/intern/admin/katalog/leistungen/" + serviceId, locale);
		}
	}

	@PostMapping("/leistungen/{serviceId}/gebuehren/{feeId}/loeschen")
	String deleteFee(Municipality municipality, @PathVariable UUID serviceId, @PathVariable UUID feeId,
			RedirectAttributes redirect) {
		editable(municipality, serviceId);
		this.administration.deleteServiceFee(serviceId, feeId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return "redirect:/intern/admin/katalog/leistungen/" + serviceId + "#gebuehren";
	}

	// Helpers

	private String serviceForm(Model model, Municipality municipality, ServiceForm form,
			@Nullable CatalogService service, String action, Locale locale) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("form", form);
		model.addAttribute("service", service);
		model.addAttribute("action", action);
		model.addAttribute("isNewLocal", service == null && action.endsWith("/leistungen/neu"));
		model.addAttribute("orgUnits", this.pages.orgUnitOptions(municipality.id()));
		model.addAttribute("kinds", this.pages.kindOptions(locale));
		model.addAttribute("lifeSituations", this.catalog.lifeSituations());
		model.addAttribute("responsibilityId", (service != null)
				? this.catalog.responsibilityFor(municipality.id(), service.id()).map((r) -> r.id()).orElse(null)
				: null);
		return "catalog/admin/service-form";
	}

	private String activityForm(Model model, CatalogService service, @Nullable Activity activity, ActivityForm form) {
		model.addAttribute("service", service);
		model.addAttribute("activity", activity);
		model.addAttribute("form", form);
		model.addAttribute("action", "/intern/admin/katalog/leistungen/" + service.id() + "/taetigkeiten/"
				+ ((activity != null) ? activity.id().toString() : "neu"));
		return "catalog/admin/activity-form";
	}

	private String adoptPage(Model model, Municipality municipality, CatalogService service, AdoptForm form) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("service", service);
		model.addAttribute("form", form);
		model.addAttribute("orgUnits", this.pages.orgUnitOptions(municipality.id()));
		return "catalog/admin/adopt";
	}

	private CatalogService sharedOf(Municipality municipality, UUID serviceId) {
		return this.catalog.service(serviceId)
			.filter((service) -> service.shared() && service.districtId().equals(municipality.districtId()))
			.orElseThrow(() -> new NotFoundException("Shared service " + serviceId));
	}

	/**
	 * The service, if the caller may edit its description here: a local service of this
	 * municipality (its admins), or a shared one of its district (the portal's
	 * operators).
	 */
	private CatalogService editable(Municipality municipality, UUID serviceId) {
		this.pages.requireAdmin(municipality);
		CatalogService service = this.catalog.service(serviceId)
			.filter((found) -> municipality.id().equals(found.municipalityId())
					|| (found.shared() && found.districtId().equals(municipality.districtId())))
			.orElseThrow(() -> new NotFoundException("Service " + serviceId));
		if (service.shared() && !this.pages.mayAdministerDistrict()) {
			throw new AccessDeniedException("Shared services are maintained by the portal's operators");
		}
		return service;
	}

	private void requireDistrictAdmin(Municipality municipality) {
		this.pages.requireAdmin(municipality);
		if (!this.pages.mayAdministerDistrict() || municipality.districtId() == null) {
			throw new AccessDeniedException("Shared services are maintained by the portal's operators");
		}
	}

	private static Activity activityOf(CatalogService service, UUID activityId) {
		return service.activities()
			.stream()
			.filter((activity) -> activity.id().equals(activityId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Activity " + activityId));
	}

}
