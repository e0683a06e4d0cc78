package de.amtsweg.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.accounts.internal.AccountDeletion;
import de.amtsweg.accounts.internal.AccountSecurity;
import de.amtsweg.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Deleting the service account, confirmed with the password. */
@Controller
class AccountDeletionController {

	private final AccountDeletion deletion;

	private final AccountSecurity security;

	private final CitizenSessions sessions;

	AccountDeletionController(AccountDeletion deletion, AccountSecurity security, CitizenSessions sessions) {
		this.deletion = deletion;
		this.security = security;
		this.sessions = sessions;
	}

	@GetMapping("/konto/loeschen")
	String form(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		return page(citizen, new DeletionForm("", false), model);
	}

	@PostMapping("/konto/loeschen")
	String delete(@AuthenticationPrincipal CitizenPrincipal citizen, @ModelAttribute("form") DeletionForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			this.deletion.delete(citizen.accountId(), form.password(), form.isConfirmed(), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(citizen, form, model);
		}
		this.sessions.signOut(request, response);
		return "redirect:/konto-geloescht";
	}

	@GetMapping("/konto-geloescht")
	String deleted() {
		return "accounts/account-deleted";
	}

	private String page(CitizenPrincipal citizen, DeletionForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("hasPassword", this.security.account(citizen.accountId()).hasPassword());
		model.addAttribute("consequences", this.deletion.consequences(citizen.accountId()));
		return "accounts/delete-account";
	}

	/**
	 * Confirming the deletion.
	 *
	 * @param password the password (accounts with one)
	 * @param confirmed the confirmation box (accounts without a password)
	 */
	record DeletionForm(String password, @Nullable Boolean confirmed) {

		DeletionForm {
			password = FormText.orEmpty(password);
		}

		boolean isConfirmed() {
			return Boolean.TRUE.equals(this.confirmed);
		}
	}

}
