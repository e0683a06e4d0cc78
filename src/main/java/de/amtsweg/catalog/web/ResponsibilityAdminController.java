package de.amtsweg.catalog.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.catalog.Activity;
import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.catalog.Contact;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.web.AdminForms.ActivityStateForm;
import de.amtsweg.catalog.web.AdminForms.ContactForm;
import de.amtsweg.catalog.web.AdminForms.ResponsibilityForm;
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

/**
 * Admin pages for a municipality's responsibility for a service: org unit, ways, local
 * note and locations; the rollout of each activity; contact persons and local fees.
 */
@Controller
@RequestMapping("/intern/admin/katalog/zustaendigkeiten/{responsibilityId}")
class ResponsibilityAdminController {

	private static final String NOTICE = "notice";

	private final ServiceCatalog catalog;

	private final CatalogAdministration administration;

	private final AdminPages pages;

	ResponsibilityAdminController(ServiceCatalog catalog, CatalogAdministration administration, AdminPages pages) {
		this.catalog = catalog;
		this.administration = administration;
		this.pages = pages;
	}

	@GetMapping
	String show(Municipality municipality, @PathVariable UUID responsibilityId, Model model, Locale locale) {
		OfferedService offered = offered(municipality, responsibilityId);
		return page(model, municipality, offered, ResponsibilityForm.of(offered.responsibility()), locale);
	}

	@PostMapping
	String update(Municipality municipality, @PathVariable UUID responsibilityId,
			@ModelAttribute("form") ResponsibilityForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		OfferedService offered = offered(municipality, responsibilityId);
		try {
			this.administration.updateResponsibility(municipality.id(), responsibilityId, form.details());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + path(responsibilityId);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, municipality, offered, form, locale);
		}
	}

	@GetMapping("/beenden")
	String confirmEnd(Municipality municipality, @PathVariable UUID responsibilityId, Model model, Locale locale) {
		OfferedService offered = offered(municipality, responsibilityId);
		model.addAttribute("heading", "catalog.admin.delete.responsibility.heading");
		model.addAttribute("text", offered.service().shared() ? "catalog.admin.delete.responsibility.sharedText"
				: "catalog.admin.delete.service.text");
		model.addAttribute("name", offered.service().name().in(locale));
		model.addAttribute("action", path(responsibilityId) + "/beenden");
		model.addAttribute("back", path(responsibilityId));
		return "catalog/admin/confirm";
	}

	@PostMapping("/beenden")
	String end(Municipality municipality, @PathVariable UUID responsibilityId, RedirectAttributes redirect) {
		offered(municipality, responsibilityId);
		this.administration.endResponsibility(municipality.id(), responsibilityId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.ended");
		return "redirect:/intern/admin/katalog";
	}

	@GetMapping("/taetigkeiten/{activityId}")
	String activity(Municipality municipality, @PathVariable UUID responsibilityId, @PathVariable UUID activityId,
			Model model, Locale locale) {
		OfferedService offered = offered(municipality, responsibilityId);
		Activity activity = activityOf(offered, activityId);
		return activityPage(model, offered, activity,
				ActivityStateForm.of(offered.responsibility().stateOf(activityId)), locale);
	}

	@PostMapping("/taetigkeiten/{activityId}")
	String saveActivity(Municipality municipality, @PathVariable UUID responsibilityId, @PathVariable UUID activityId,
			@ModelAttribute("form") ActivityStateForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		OfferedService offered = offered(municipality, responsibilityId);
		Activity activity = activityOf(offered, activityId);
		try {
			this.administration.saveActivityState(municipality.id(), responsibilityId, activityId, form.state());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + path(responsibilityId) + "#taetigkeiten";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return activityPage(model, offered, activity, form, locale);
		}
	}

	@GetMapping("/kontakte/neu")
	String newContact(Municipality municipality, @PathVariable UUID responsibilityId, Model model) {
		return contactPage(model, offered(municipality, responsibilityId), null, new ContactForm("", "", "", ""));
	}

	@PostMapping("/kontakte/neu")
	String addContact(Municipality municipality, @PathVariable UUID responsibilityId,
			@ModelAttribute("form") ContactForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		OfferedService offered = offered(municipality, responsibilityId);
		try {
			this.administration.addContact(municipality.id(), responsibilityId, form.name(), form.role(), form.phone(),
					form.email());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + path(responsibilityId) + "#kontakte";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return contactPage(model, offered, null, form);
		}
	}

	@GetMapping("/kontakte/{contactId}")
	String editContact(Municipality municipality, @PathVariable UUID responsibilityId, @PathVariable UUID contactId,
			Model model) {
		OfferedService offered = offered(municipality, responsibilityId);
		Contact contact = contactOf(offered, contactId);
		return contactPage(model, offered, contact,
				new ContactForm(contact.name(), contact.role(), contact.phone(), contact.email()));
	}

	@PostMapping("/kontakte/{contactId}")
	String updateContact(Municipality municipality, @PathVariable UUID responsibilityId, @PathVariable UUID contactId,
			@ModelAttribute("form") ContactForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		OfferedService offered = offered(municipality, responsibilityId);
		Contact contact = contactOf(offered, contactId);
		try {
			this.administration.updateContact(municipality.id(), responsibilityId, contactId, form.name(), form.role(),
					form.phone(), form.email());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + path(responsibilityId) + "#kontakte";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return contactPage(model, offered, contact, form);
		}
	}

	@PostMapping("/kontakte/{contactId}/loeschen")
	String deleteContact(Municipality municipality, @PathVariable UUID responsibilityId, @PathVariable UUID contactId,
			RedirectAttributes redirect) {
		this.administration.deleteContact(municipality.id(), responsibilityId, contactId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return "redirect:" + path(responsibilityId) + "#kontakte";
	}

	@GetMapping("/gebuehren/neu")
	String newFee(Municipality municipality, @PathVariable UUID responsibilityId, Model model, Locale locale) {
		OfferedService offered = offered(municipality, responsibilityId);
		return this.pages.feeForm(model, offered.service().name().in(locale), FeeForm.empty(),
				path(responsibilityId) + "/gebuehren/neu", path(responsibilityId), locale);
	}

	@PostMapping("/gebuehren/neu")
	String addFee(Municipality municipality, @PathVariable UUID responsibilityId, @ModelAttribute("form") FeeForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		OfferedService offered = offered(municipality, responsibilityId);
		try {
			this.administration.addLocalFee(municipality.id(), responsibilityId, form.details());
			redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.saved");
			return "redirect:" + path(responsibilityId) + "#gebuehren";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.pages.feeForm(model, offered.service().name().in(locale), form,
					path(responsibilityId) + "/gebuehren/neu", path(responsibilityId), locale);
		}
	}

	@PostMapping("/gebuehren/{feeId}/loeschen")
	String deleteFee(Municipality municipality, @PathVariable UUID responsibilityId, @PathVariable UUID feeId,
			RedirectAttributes redirect) {
		this.administration.deleteLocalFee(municipality.id(), responsibilityId, feeId);
		redirect.addFlashAttribute(NOTICE, "catalog.admin.notice.deleted");
		return "redirect:" + path(responsibilityId) + "#gebuehren";
	}

	private String page(Model model, Municipality municipality, OfferedService offered, ResponsibilityForm form,
			Locale locale) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("offered", offered);
		model.addAttribute("service", offered.service());
		model.addAttribute("responsibility", offered.responsibility());
		model.addAttribute("form", form);
		model.addAttribute("orgUnits", this.pages.orgUnitOptions(municipality.id()));
		model.addAttribute("maturities", this.pages.maturityOptions(locale));
		model.addAttribute("locations", this.catalog.locations(municipality.id()));
		model.addAttribute("mayEditService", !offered.service().shared() || this.pages.mayAdministerDistrict());
		return "catalog/admin/responsibility";
	}

	private String activityPage(Model model, OfferedService offered, Activity activity, ActivityStateForm form,
			Locale locale) {
		model.addAttribute("offered", offered);
		model.addAttribute("activity", activity);
		model.addAttribute("form", form);
		model.addAttribute("maturities", this.pages.maturityOptions(locale));
		model.addAttribute("statuses", this.pages.statusOptions(locale));
		model.addAttribute("action", path(offered.responsibility().id()) + "/taetigkeiten/" + activity.id());
		return "catalog/admin/activity-state";
	}

	private String contactPage(Model model, OfferedService offered, @Nullable Contact contact, ContactForm form) {
		model.addAttribute("offered", offered);
		model.addAttribute("contact", contact);
		model.addAttribute("form", form);
		model.addAttribute("action", path(offered.responsibility().id()) + "/kontakte/"
				+ ((contact != null) ? contact.id().toString() : "neu"));
		return "catalog/admin/contact-form";
	}

	private OfferedService offered(Municipality municipality, UUID responsibilityId) {
		this.pages.requireAdmin(municipality);
		return this.catalog.responsibility(municipality.id(), responsibilityId)
			.flatMap((responsibility) -> this.catalog.offered(responsibility.id()))
			.orElseThrow(() -> new NotFoundException("Responsibility " + responsibilityId));
	}

	private static Activity activityOf(OfferedService offered, UUID activityId) {
		return offered.service()
			.activities()
			.stream()
			.filter((activity) -> activity.id().equals(activityId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Activity " + activityId));
	}

	private static Contact contactOf(OfferedService offered, UUID contactId) {
		return offered.responsibility()
			.contacts()
			.stream()
			.filter((contact) -> contact.id().equals(contactId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Contact " + contactId));
	}

	static String path(UUID responsibilityId) {
		return "/intern/admin/katalog/zustaendigkeiten/" + responsibilityId;
	}

}
