package de.amtsweg.cases.web;

import java.util.UUID;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.cases.internal.ApplicantCases;
import de.amtsweg.cases.internal.StatusLookupLimit;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The applicant's side: the status of all own requests in the account, and without an
 * account by reference number and access code (rate-limited per client).
 */
@Controller
class ApplicantCasesController {

	private static final String FOUND = ApplicantCasesController.class.getName() + ".found";

	private final ApplicantCases cases;

	private final StatusLookupLimit limit;

	ApplicantCasesController(ApplicantCases cases, StatusLookupLimit limit) {
		this.cases = cases;
		this.limit = limit;
	}

	/** The one list of the applicant's requests (it used to be here). */
	@GetMapping("/konto/antraege/stand")
	String formerList() {
		return "redirect:/konto/antraege";
	}

	@GetMapping("/konto/antraege")
	String list(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("cases", this.cases.ofAccount(citizen.accountId()));
		return "cases/my-cases";
	}

	@GetMapping("/konto/antraege/{id:[0-9a-f]{8}-[0-9a-f-]{27}}")
	String detail(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id, Model model) {
		model.addAttribute("view", this.cases.ofAccount(citizen.accountId(), id));
		model.addAttribute("noticePath", "/konto/antraege/" + id + "/bescheid");
		return "cases/my-case";
	}

	@GetMapping("/konto/antraege/{id:[0-9a-f]{8}-[0-9a-f-]{27}}/bescheid")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id) {
		return CaseInboxController.download(this.cases.noticeOfAccount(citizen.accountId(), id));
	}

	@GetMapping("/status")
	String lookupForm(Municipality municipality, Model model) {
		model.addAttribute("lookupForm", new LookupForm("", ""));
		model.addAttribute("municipality", municipality);
		return "cases/status-lookup";
	}

	@PostMapping("/status")
	String lookup(Municipality municipality, @ModelAttribute("lookupForm") LookupForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
		model.addAttribute("municipality", municipality);
		if (form.reference().isBlank()) {
			binding.rejectValue("reference", "cases.status.reference.required");
		}
		if (form.code().isBlank()) {
			binding.rejectValue("code", "cases.status.code.required");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return "cases/status-lookup";
		}
		if (!this.limit.tryLookup(request.getRemoteAddr())) {
			response.setStatus(429);
			return "cases/status-rate-limited";
		}
		var found = this.cases.byReference(municipality.id(), form.reference(), form.code());
		if (found.isEmpty()) {
			binding.reject("cases.status.notFound");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return "cases/status-lookup";
		}
		session.setAttribute(FOUND, new LookupForm(form.reference(), form.code()));
		return "redirect:/status/vorgang";
	}

	@GetMapping("/status/vorgang")
	String found(Municipality municipality, HttpSession session, Model model) {
		LookupForm form = remembered(session);
		model.addAttribute("view", this.cases.byReference(municipality.id(), form.reference(), form.code())
			.orElseThrow(() -> new NotFoundException("Case")));
		model.addAttribute("noticePath", "/status/vorgang/bescheid");
		return "cases/my-case";
	}

	@GetMapping("/status/vorgang/bescheid")
	ResponseEntity<byte[]> foundNotice(Municipality municipality, HttpSession session) {
		LookupForm form = remembered(session);
		return CaseInboxController
			.download(this.cases.noticeByReference(municipality.id(), form.reference(), form.code()));
	}

	private static LookupForm remembered(HttpSession session) {
		if (session.getAttribute(FOUND) instanceof LookupForm form) {
			return form;
		}
		throw new NotFoundException("Status look-up");
	}

	/**
	 * @param reference the case's reference number
	 * @param code the access code from the mail
	 */
	record LookupForm(String reference, String code) implements java.io.Serializable {

		LookupForm {
			reference = (reference != null) ? reference : "";
			code = (code != null) ? code : "";
		}

	}

}
