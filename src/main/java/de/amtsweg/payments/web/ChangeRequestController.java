package de.amtsweg.payments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.payments.Claim;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.internal.ChangeRequests;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Änderung mitteilen" for one claim of the finances page: what changed, in the citizen's
 * words, then on through the prefilled contact form to the responsible unit. Only the
 * claim's debtor (or a member of its debtor organisation) finds it; others get 404.
 */
@Controller
class ChangeRequestController {

	private static final String PATH = "/konto/finanzen/{claimId}/aenderung";

	private final Claims claims;

	private final ClaimAccess access;

	private final ChangeRequests changeRequests;

	private final Clock clock;

	private final MessageSource messages;

	ChangeRequestController(Claims claims, ClaimAccess access, ChangeRequests changeRequests, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.claims = claims;
		this.access = access;
		this.changeRequests = changeRequests;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String form(@PathVariable UUID claimId, Authentication authentication, Locale locale, Model model) {
		Claim claim = own(claimId, authentication);
		model.addAttribute("changeForm", new ChangeForm("", ""));
		return page(claim, locale, model);
	}

	@PostMapping(PATH)
	String send(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID claimId,
			@ModelAttribute("changeForm") ChangeForm form, BindingResult binding, Authentication authentication,
			Locale locale, Model model, HttpServletResponse response) {
		Claim claim = own(claimId, authentication);
		try {
			return "redirect:" + this.changeRequests.start(claim, citizen.accountId(), form.kind(), form.text());
		}
		catch (InvalidInputException ex) {
			ex.addTo(binding);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return page(claim, locale, model);
		}
	}

	private String page(Claim claim, Locale locale, Model model) {
		model.addAttribute("claim", ClaimView.of(claim, locale, LocalDate.now(this.clock)));
		Map<String, String> kinds = new LinkedHashMap<>();
		ChangeRequests.KINDS
			.forEach((kind) -> kinds.put(kind, this.messages.getMessage("payments.change.kind." + kind, null, locale)));
		model.addAttribute("kinds", kinds);
		return "payments/change-request";
	}

	private Claim own(UUID claimId, Authentication authentication) {
		return this.claims.get(claimId)
			.filter((claim) -> this.access.owns(claim, authentication))
			.orElseThrow(() -> new NotFoundException("Claim " + claimId));
	}

	/**
	 * What changed.
	 *
	 * @param kind one of {@link ChangeRequests#KINDS}
	 * @param text the citizen's words
	 */
	record ChangeForm(String kind, String text) {

		ChangeForm {
			kind = (kind != null) ? kind : "";
			text = (text != null) ? text : "";
		}

	}

}
