package de.amtsweg.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.accounts.StaffAbsences;
import de.amtsweg.accounts.StaffAccounts;
import de.amtsweg.accounts.StaffMember;
import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NavigationLink;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Absence and deputy: a staff member marks themselves absent
 * ({@code /intern/abwesenheit}), an admin does it for a member on the staff admin pages.
 */
@Controller
class StaffAbsenceController {

	static final String OWN = "/intern/abwesenheit";

	static final String ADMIN = StaffAdminController.PATH + "/{id}/abwesenheit";

	private final StaffAbsences absences;

	private final StaffAccounts staff;

	StaffAbsenceController(StaffAbsences absences, StaffAccounts staff) {
		this.absences = absences;
		this.staff = staff;
	}

	@Bean
	static NavigationLink staffAbsenceLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "accounts.absence.link.title",
				"accounts.absence.link.description", OWN, 90, "ROLE_STAFF");
	}

	@GetMapping(OWN)
	String own(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		return page(me.staffId(), OWN, null, new AbsenceForm(null), model);
	}

	@PostMapping(OWN)
	String markOwn(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("form") AbsenceForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return mark(me, me.staffId(), OWN, null, form, binding, model, response, redirect);
	}

	@PostMapping(OWN + "/beenden")
	String endOwn(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		this.absences.markPresent(me, me.staffId());
		redirect.addFlashAttribute("notice", "accounts.absence.ended");
		return "redirect:" + OWN;
	}

	@GetMapping(ADMIN)
	String ofMember(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id, Model model) {
		StaffMember member = this.staff.get(admin, id);
		return page(id, adminPath(id), member, new AbsenceForm(null), model);
	}

	@PostMapping(ADMIN)
	String markMember(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			@ModelAttribute("form") AbsenceForm form, BindingResult binding, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffMember member = this.staff.get(admin, id);
		return mark(admin, id, adminPath(id), member, form, binding, model, response, redirect);
	}

	@PostMapping(ADMIN + "/beenden")
	String endMember(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id,
			RedirectAttributes redirect) {
		this.staff.get(admin, id);
		this.absences.markPresent(admin, id);
		redirect.addFlashAttribute("notice", "accounts.absence.ended");
		return "redirect:" + adminPath(id);
	}

	private String mark(StaffPrincipal actor, UUID staffId, String path, @Nullable StaffMember member, AbsenceForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.absences.markAbsent(actor, staffId, form.deputy());
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(staffId, path, member, form, model);
		}
		redirect.addFlashAttribute("notice", "accounts.absence.saved");
		return "redirect:" + path;
	}

	private String page(UUID staffId, String path, @Nullable StaffMember member, AbsenceForm form, Model model) {
		Map<String, String> deputies = new LinkedHashMap<>();
		this.absences.possibleDeputies(staffId)
			.forEach((colleague) -> deputies.put(colleague.id().toString(), colleague.displayName()));
		model.addAttribute("absence", this.absences.absence(staffId).orElse(null));
		model.addAttribute("deputyFor", this.absences.deputyFor(staffId));
		model.addAttribute("deputies", deputies);
		model.addAttribute("form", form);
		model.addAttribute("action", path);
		model.addAttribute("member", member);
		return "accounts/staff/absence";
	}

	private static String adminPath(UUID id) {
		return StaffAdminController.PATH + "/" + id + "/abwesenheit";
	}

	/**
	 * Marking absent.
	 *
	 * @param deputy the colleague who deputises
	 */
	record AbsenceForm(@Nullable UUID deputy) {
	}

}
