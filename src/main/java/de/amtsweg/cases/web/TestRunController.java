package de.amtsweg.cases.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.internal.RouteVersion;
import de.amtsweg.cases.internal.RouteVersions;
import de.amtsweg.cases.internal.TestCase;
import de.amtsweg.cases.internal.TestRuns;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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
 * Testbetrieb of a draft route version for the admin: start it, create test cases from
 * sample data or the data of a case, work them (also for the clerks of a task's group),
 * then "Version freigeben" (after a confirmation) or "Testbetrieb verwerfen".
 */
@Controller
class TestRunController {

	static final String RUN = RouteAdminController.BASE + "/{caseTypeId}/laufwege/{routeId}/testbetrieb";

	static final String WORK = "/intern/testbetrieb";

	private final TestRuns testRuns;

	private final RouteVersions routes;

	private final OrgUnits orgUnits;

	private final MessageSource messages;

	TestRunController(TestRuns testRuns, RouteVersions routes, OrgUnits orgUnits, MessageSource messages) {
		this.testRuns = testRuns;
		this.routes = routes;
		this.orgUnits = orgUnits;
		this.messages = messages;
	}

	@GetMapping(RUN)
	String page(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality, Model model) {
		return page(municipality, caseTypeId, routeId, new TestCaseForm("", "", "", ""), model);
	}

	@PostMapping(RUN + "/starten")
	String start(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality,
			RedirectAttributes redirect) {
		try {
			this.testRuns.start(municipality.id(), caseTypeId, routeId);
			redirect.addFlashAttribute("notice", "cases.testRun.started");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("notice", ex.problems().get(0).messageKey());
		}
		return "redirect:" + path(caseTypeId, routeId);
	}

	@PostMapping(RUN + "/vorgaenge")
	String create(@PathVariable UUID caseTypeId, @PathVariable UUID routeId,
			@ModelAttribute("testCaseForm") TestCaseForm form, BindingResult binding, Municipality municipality,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			String sample = form.beispieldaten();
			String reference = null;
			if (!form.vorgang().isBlank()) {
				// the data of an existing case (an audited read), as in the dry run
				sample = this.routes.sampleFromCase(municipality.id(), form.vorgang());
				reference = form.vorgang().strip().toUpperCase(Locale.ROOT);
			}
			TestCase testCase = this.testRuns.create(municipality.id(), caseTypeId, routeId, new TestRuns.NewTestCase(
					RouteAdminController.pairs(sample), reference, form.antragsteller(), uuid(form.einheit())));
			redirect.addFlashAttribute("notice", "cases.testRun.created");
			redirect.addFlashAttribute("noticeName", testCase.label());
			return "redirect:" + WORK + "/" + testCase.id();
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return page(municipality, caseTypeId, routeId, form, model);
		}
	}

	@GetMapping(RUN + "/freigeben")
	String confirmPromotion(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality,
			Model model) {
		model.addAttribute("entry", this.routes.caseType(municipality.id(), caseTypeId));
		model.addAttribute("page", this.testRuns.page(municipality.id(), caseTypeId, routeId));
		return "cases/admin/test-run-promote";
	}

	@PostMapping(RUN + "/freigeben")
	String promote(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality,
			RedirectAttributes redirect) {
		try {
			RouteVersion route = this.testRuns.promote(municipality.id(), caseTypeId, routeId);
			redirect.addFlashAttribute("notice", "cases.testRun.promoted");
			redirect.addFlashAttribute("noticeName", route.version());
			return "redirect:" + RouteAdminController.BASE + "/" + caseTypeId;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("notice", ex.problems().get(0).messageKey());
			return "redirect:" + path(caseTypeId, routeId);
		}
	}

	@PostMapping(RUN + "/verwerfen")
	String discard(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality,
			RedirectAttributes redirect) {
		this.testRuns.discard(municipality.id(), caseTypeId, routeId);
		redirect.addFlashAttribute("notice", "cases.testRun.discarded");
		return "redirect:" + path(caseTypeId, routeId);
	}

	@GetMapping(WORK + "/{id}")
	String testCase(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Locale locale, Model model) {
		return work(staff, id, locale, new CaseInboxController.TaskForm(null, "", ""), model);
	}

	@PostMapping(WORK + "/{id}/aufgaben/{taskId}")
	String complete(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, @PathVariable String taskId,
			@ModelAttribute("taskForm") CaseInboxController.TaskForm form, BindingResult binding, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.testRuns.complete(staff, id, taskId, form.result(), form.reason(), form.noticeText());
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return work(staff, id, locale, form, model);
		}
		redirect.addFlashAttribute("notice", "cases.task.completed");
		return "redirect:" + WORK + "/" + id;
	}

	private String work(StaffPrincipal staff, UUID id, Locale locale, CaseInboxController.TaskForm form, Model model) {
		TestRuns.TestCaseDetails details = this.testRuns.details(staff, id);
		model.addAttribute("details", details);
		model.addAttribute("orgUnit",
				this.orgUnits.get(details.testCase().municipalityId(), details.testCase().orgUnitId()));
		model.addAttribute("taskForm", form);
		Map<String, String> options = new LinkedHashMap<>();
		for (CaseResult result : CaseResult.values()) {
			options.put(result.name(), this.messages.getMessage(result.messageKey(), null, locale));
		}
		model.addAttribute("resultOptions", options);
		return "cases/test-case";
	}

	private String page(Municipality municipality, UUID caseTypeId, UUID routeId, TestCaseForm form, Model model) {
		model.addAttribute("entry", this.routes.caseType(municipality.id(), caseTypeId));
		model.addAttribute("page", this.testRuns.page(municipality.id(), caseTypeId, routeId));
		Map<String, String> units = new LinkedHashMap<>();
		for (OrgUnit unit : this.orgUnits.of(municipality.id())) {
			units.put(unit.id().toString(), unit.name());
		}
		model.addAttribute("units", units);
		model.addAttribute("testCaseForm", form);
		return "cases/admin/test-run";
	}

	private static String path(UUID caseTypeId, UUID routeId) {
		return RouteAdminController.BASE + "/" + caseTypeId + "/laufwege/" + routeId + "/testbetrieb";
	}

	private static @Nullable UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A new test case.
	 *
	 * @param vorgang reference of a case whose data it takes (optional)
	 * @param beispieldaten sample data, "name=value" per line
	 * @param antragsteller an applicant's name (optional)
	 * @param einheit the org unit whose group gets the tasks
	 */
	record TestCaseForm(String vorgang, String beispieldaten, String antragsteller, String einheit) {

		TestCaseForm {
			vorgang = (vorgang != null) ? vorgang : "";
			beispieldaten = (beispieldaten != null) ? beispieldaten : "";
			antragsteller = (antragsteller != null) ? antragsteller : "";
			einheit = (einheit != null) ? einheit : "";
		}

	}

}
