package de.amtsweg.queue.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.queue.internal.Counter;
import de.amtsweg.queue.internal.CounterDesk;
import de.amtsweg.queue.internal.QueueAccess;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.queue.internal.ServiceGroup;
import de.amtsweg.queue.internal.TicketStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's counter: sign in to a counter, see its line, call the next or a chosen
 * ticket, call again, finish as done or no-show, hand on, close the counter.
 */
@Controller
@RequestMapping("/intern/aufruf")
class CounterController {

	private static final String DESK = "/intern/aufruf/schalter/";

	private final ServiceCatalog catalog;

	private final QueueSetup setup;

	private final CounterDesk desk;

	private final QueueAccess access;

	CounterController(ServiceCatalog catalog, QueueSetup setup, CounterDesk desk, QueueAccess access) {
		this.catalog = catalog;
		this.setup = setup;
		this.desk = desk;
		this.access = access;
	}

	/**
	 * A location with its counters.
	 *
	 * @param location the location
	 * @param counters its counters
	 */
	record LocationCounters(Location location, List<Counter> counters) {

	}

	@GetMapping
	String choose(Municipality municipality, Model model) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		List<LocationCounters> locations = new ArrayList<>();
		for (Location location : this.catalog.locations(municipality.id())) {
			List<Counter> counters = this.setup.counters(location.id());
			if (!counters.isEmpty()) {
				locations.add(new LocationCounters(location, counters));
			}
		}
		model.addAttribute("locations", locations);
		model.addAttribute("current", this.desk.counterOf(staff.staffId()).orElse(null));
		model.addAttribute("staffId", staff.staffId());
		return "queue/counters";
	}

	@PostMapping("/schalter/{counterId}/oeffnen")
	String open(Municipality municipality, @PathVariable UUID counterId,
			@RequestParam(defaultValue = "false") boolean takeOver, RedirectAttributes redirect) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		Counter counter = counter(municipality, counterId);
		if (!this.desk.open(counter, staff.staffId(), takeOver)) {
			redirect.addFlashAttribute("problem", "queue.counter.occupied");
			return "redirect:/intern/aufruf";
		}
		return "redirect:" + DESK + counterId;
	}

	@GetMapping("/schalter/{counterId}")
	String desk(Municipality municipality, @PathVariable UUID counterId, Model model, Locale locale) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		Counter counter = counter(municipality, counterId);
		List<ServiceGroup> groups = this.setup.groups(counter.locationId());
		Map<UUID, ServiceGroup> groupsById = new LinkedHashMap<>();
		groups.forEach((group) -> groupsById.put(group.id(), group));
		Map<String, String> targets = new LinkedHashMap<>();
		for (ServiceGroup group : groups) {
			targets.put("gruppe:" + group.id(), group.name(locale));
		}
		for (Counter other : this.setup.counters(counter.locationId())) {
			if (!other.id().equals(counter.id())) {
				targets.put("schalter:" + other.id(), other.name());
			}
		}
		model.addAttribute("view", this.desk.view(counter));
		model.addAttribute("atCounter", staff.staffId().equals(counter.openedBy()));
		model.addAttribute("groups", groupsById);
		model.addAttribute("targets", targets);
		model.addAttribute("locale", locale);
		return "queue/counter";
	}

	@PostMapping("/schalter/{counterId}/naechste")
	String callNext(Municipality municipality, @PathVariable UUID counterId, RedirectAttributes redirect) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		if (this.desk.callNext(counter(municipality, counterId), staff.staffId()).isEmpty()) {
			redirect.addFlashAttribute("problem", "queue.counter.nobodyWaiting");
		}
		return "redirect:" + DESK + counterId;
	}

	@PostMapping("/schalter/{counterId}/aufrufen/{ticketId}")
	String call(Municipality municipality, @PathVariable UUID counterId, @PathVariable UUID ticketId) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		this.desk.call(counter(municipality, counterId), staff.staffId(), ticketId);
		return "redirect:" + DESK + counterId;
	}

	@PostMapping("/schalter/{counterId}/erneut")
	String recall(Municipality municipality, @PathVariable UUID counterId) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		this.desk.recall(counter(municipality, counterId), staff.staffId());
		return "redirect:" + DESK + counterId;
	}

	@PostMapping("/schalter/{counterId}/erledigt")
	String done(Municipality municipality, @PathVariable UUID counterId) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		this.desk.finish(counter(municipality, counterId), staff.staffId(), TicketStatus.DONE);
		return "redirect:" + DESK + counterId;
	}

	@PostMapping("/schalter/{counterId}/nicht-erschienen")
	String noShow(Municipality municipality, @PathVariable UUID counterId) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		this.desk.finish(counter(municipality, counterId), staff.staffId(), TicketStatus.NO_SHOW);
		return "redirect:" + DESK + counterId;
	}

	@PostMapping("/schalter/{counterId}/weiterleiten")
	String transfer(Municipality municipality, @PathVariable UUID counterId,
			@RequestParam(defaultValue = "") String target) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		this.desk.transfer(counter(municipality, counterId), staff.staffId(), target);
		return "redirect:" + DESK + counterId;
	}

	@PostMapping("/schalter/{counterId}/schliessen")
	String close(Municipality municipality, @PathVariable UUID counterId) {
		StaffPrincipal staff = this.access.requireStaffOf(municipality.id());
		this.desk.close(counter(municipality, counterId), staff.staffId());
		return "redirect:/intern/aufruf";
	}

	/**
	 * A refused action (the ticket was taken meanwhile, the counter is someone else's)
	 * comes back to the counter page with the reason.
	 */
	@ExceptionHandler(InvalidInputException.class)
	String refused(InvalidInputException ex, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletRequest request) {
		redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		String path = request.getRequestURI();
		int desk = path.indexOf(DESK);
		if (desk >= 0) {
			String rest = path.substring(desk + DESK.length());
			int slash = rest.indexOf('/');
			return "redirect:" + DESK + ((slash >= 0) ? rest.substring(0, slash) : rest);
		}
		return "redirect:/intern/aufruf";
	}

	private Counter counter(Municipality municipality, UUID counterId) {
		return this.setup.counter(municipality.id(), counterId)
			.orElseThrow(() -> new NotFoundException("Counter " + counterId));
	}

}
