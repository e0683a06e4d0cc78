package de.amtsweg.queue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.queue.internal.Device;
import de.amtsweg.queue.internal.QueueAccess;
import de.amtsweg.queue.internal.QueueSetup;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting up the call system per location: service groups with their ticket prefix,
 * counters with the groups they serve, kiosks and display boards with their secret URLs.
 */
@Controller
@RequestMapping("/intern/admin/aufruf")
class QueueAdminController {

	private static final String BASE = "/intern/admin/aufruf/";

	private static final String NOTICE = "notice";

	private final ServiceCatalog catalog;

	private final QueueSetup setup;

	private final QueueAccess access;

	QueueAdminController(ServiceCatalog catalog, QueueSetup setup, QueueAccess access) {
		this.catalog = catalog;
		this.setup = setup;
		this.access = access;
	}

	/**
	 * A new service group.
	 *
	 * @param name German name
	 * @param nameEn English name
	 * @param prefix ticket prefix
	 * @param keywords words of appointment services, comma-separated
	 * @param minutes assumed service time
	 */
	record GroupForm(@Nullable String name, @Nullable String nameEn, @Nullable String prefix, @Nullable String keywords,
			@Nullable String minutes) {

		static GroupForm empty() {
			return new GroupForm("", "", "", "", "10");
		}

	}

	/**
	 * A new counter.
	 *
	 * @param name e.g. "Schalter 4"
	 * @param groups the groups it serves
	 */
	record CounterForm(@Nullable String name, @Nullable List<UUID> groups) {

		static CounterForm empty() {
			return new CounterForm("", List.of());
		}

	}

	/**
	 * A new kiosk or display board.
	 *
	 * @param kind {@code KIOSK} or {@code BOARD}
	 * @param name where it stands
	 */
	record DeviceForm(@Nullable String kind, @Nullable String name) {

		static DeviceForm empty() {
			return new DeviceForm("KIOSK", "");
		}

	}

	@GetMapping
	String locations(Municipality municipality, Model model) {
		this.access.requireAdmin(municipality.id());
		model.addAttribute("locations", this.catalog.locations(municipality.id()));
		return "queue/admin/locations";
	}

	@GetMapping("/{locationId}")
	String location(Municipality municipality, @PathVariable UUID locationId, Model model) {
		return page(municipality, locationId, GroupForm.empty(), CounterForm.empty(), DeviceForm.empty(), model);
	}

	@PostMapping("/{locationId}/gruppen")
	String addGroup(Municipality municipality, @PathVariable UUID locationId,
			@ModelAttribute("groupForm") GroupForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.setup.addGroup(municipality.id(), locationId, text(form.name()), text(form.nameEn()),
					text(form.prefix()), text(form.keywords()), text(form.minutes()));
			redirect.addFlashAttribute(NOTICE, "queue.admin.notice.saved");
			return "redirect:" + BASE + locationId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", "group");
			return page(municipality, locationId, form, CounterForm.empty(), DeviceForm.empty(), model);
		}
	}

	@PostMapping("/{locationId}/gruppen/{groupId}/loeschen")
	String deleteGroup(Municipality municipality, @PathVariable UUID locationId, @PathVariable UUID groupId,
			RedirectAttributes redirect) {
		this.setup.deleteGroup(municipality.id(), locationId, groupId);
		redirect.addFlashAttribute(NOTICE, "queue.admin.notice.deleted");
		return "redirect:" + BASE + locationId;
	}

	@PostMapping("/{locationId}/schalter")
	String addCounter(Municipality municipality, @PathVariable UUID locationId,
			@ModelAttribute("counterForm") CounterForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.setup.addCounter(municipality.id(), locationId, text(form.name()),
					(form.groups() != null) ? form.groups() : List.of());
			redirect.addFlashAttribute(NOTICE, "queue.admin.notice.saved");
			return "redirect:" + BASE + locationId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", "counter");
			return page(municipality, locationId, GroupForm.empty(), form, DeviceForm.empty(), model);
		}
	}

	@PostMapping("/{locationId}/schalter/{counterId}")
	String changeCounter(Municipality municipality, @PathVariable UUID locationId, @PathVariable UUID counterId,
			@RequestParam(name = "groups", required = false) @Nullable List<UUID> groups, RedirectAttributes redirect) {
		this.setup.setCounterGroups(municipality.id(), locationId, counterId, (groups != null) ? groups : List.of());
		redirect.addFlashAttribute(NOTICE, "queue.admin.notice.saved");
		return "redirect:" + BASE + locationId;
	}

	@PostMapping("/{locationId}/schalter/{counterId}/loeschen")
	String deleteCounter(Municipality municipality, @PathVariable UUID locationId, @PathVariable UUID counterId,
			RedirectAttributes redirect) {
		this.setup.deleteCounter(municipality.id(), locationId, counterId);
		redirect.addFlashAttribute(NOTICE, "queue.admin.notice.deleted");
		return "redirect:" + BASE + locationId;
	}

	@PostMapping("/{locationId}/geraete")
	String addDevice(Municipality municipality, @PathVariable UUID locationId,
			@ModelAttribute("deviceForm") DeviceForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Device.Kind kind = "BOARD".equals(form.kind()) ? Device.Kind.BOARD : Device.Kind.KIOSK;
			this.setup.addDevice(municipality.id(), locationId, kind, text(form.name()));
			redirect.addFlashAttribute(NOTICE, "queue.admin.notice.saved");
			return "redirect:" + BASE + locationId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", "device");
			return page(municipality, locationId, GroupForm.empty(), CounterForm.empty(), form, model);
		}
	}

	@PostMapping("/{locationId}/geraete/{deviceId}/loeschen")
	String deleteDevice(Municipality municipality, @PathVariable UUID locationId, @PathVariable UUID deviceId,
			RedirectAttributes redirect) {
		this.setup.deleteDevice(municipality.id(), locationId, deviceId);
		redirect.addFlashAttribute(NOTICE, "queue.admin.notice.deleted");
		return "redirect:" + BASE + locationId;
	}

	private String page(Municipality municipality, UUID locationId, GroupForm groupForm, CounterForm counterForm,
			DeviceForm deviceForm, Model model) {
		this.access.requireAdmin(municipality.id());
		Location location = this.setup.location(municipality.id(), locationId);
		model.addAttribute("location", location);
		model.addAttribute("groups", this.setup.groups(locationId));
		model.addAttribute("counters", this.setup.counters(locationId));
		List<Device> devices = new ArrayList<>(this.setup.devices(locationId));
		model.addAttribute("devices", devices);
		if (!model.containsAttribute("groupForm")) {
			model.addAttribute("groupForm", groupForm);
		}
		if (!model.containsAttribute("counterForm")) {
			model.addAttribute("counterForm", counterForm);
		}
		if (!model.containsAttribute("deviceForm")) {
			model.addAttribute("deviceForm", deviceForm);
		}
		return "queue/admin/location";
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
