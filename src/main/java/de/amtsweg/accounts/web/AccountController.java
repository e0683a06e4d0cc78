package de.amtsweg.accounts.web;

import java.util.Comparator;
import java.util.List;

import de.amtsweg.accounts.CitizenPrincipal;
import de.amtsweg.platform.NavigationLink;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The account's start page: a greeting and the links of every module that has something
 * for the citizen (area ACCOUNT), the account's own links among them.
 */
@Controller
class AccountController {

	private final List<NavigationLink> links;

	AccountController(List<NavigationLink> links) {
		this.links = links.stream()
			.filter((link) -> link.area() == NavigationLink.Area.ACCOUNT)
			.sorted(Comparator.comparingInt(NavigationLink::order).thenComparing(NavigationLink::path))
			.toList();
	}

	@GetMapping("/konto")
	String account(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
		model.addAttribute("name", citizen.displayName());
		model.addAttribute("links", this.links);
		return "accounts/account";
	}

}
