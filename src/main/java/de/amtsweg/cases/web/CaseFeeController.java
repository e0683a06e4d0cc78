package de.amtsweg.cases.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.cases.internal.CaseFees;
import de.amtsweg.payments.Claim;
import de.amtsweg.platform.InvalidInputException;

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
 * "Gebühr/Forderung festsetzen" on a case: amount, purpose and due date; the claim goes
 * to the applicant's finances, payable online.
 */
@Controller
class CaseFeeController {

	private static final String PATH = CaseInboxController.PATH + "/{id}/forderung";

	private final CaseFees fees;

	CaseFeeController(CaseFees fees) {
		this.fees = fees;
	}

	@GetMapping(PATH)
	String form(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model) {
		model.addAttribute("caseId", id);
		model.addAttribute("caseReference", this.fees.reference(staff, id));
		model.addAttribute("feeForm", new FeeForm("", "", "", UUID.randomUUID().toString()));
		return "cases/fee";
	}

	@PostMapping(PATH)
	String set(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id,
			@ModelAttribute("feeForm") FeeForm form, BindingResult binding, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID requestKey = requestKey(form.requestKey());
		try {
			Claim claim = this.fees.set(staff, id, requestKey, form.amount(), form.purpose(), form.dueDate());
			redirect.addFlashAttribute("notice", "cases.fee.saved");
			redirect.addFlashAttribute("noticeName", claim.reference());
			return "redirect:" + CaseInboxController.PATH + "/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("caseId", id);
			model.addAttribute("caseReference", this.fees.reference(staff, id));
			model.addAttribute("error", true);
			return "cases/fee";
		}
	}

	private static UUID requestKey(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return UUID.randomUUID();
		}
	}

	/**
	 * The claim as the clerk types it.
	 *
	 * @param amount e.g. {@code 25,00}
	 * @param purpose what it is for, e.g. "Verwaltungsgebühr Ausnahmegenehmigung"
	 * @param dueDate {@code TT.MM.JJJJ}
	 * @param requestKey makes a repeated request set the claim once
	 */
	record FeeForm(String amount, String purpose, String dueDate, String requestKey) {

		FeeForm {
			amount = (amount != null) ? amount : "";
			purpose = (purpose != null) ? purpose : "";
			dueDate = (dueDate != null) ? dueDate : "";
			requestKey = (requestKey != null) ? requestKey : "";
		}

	}

}
