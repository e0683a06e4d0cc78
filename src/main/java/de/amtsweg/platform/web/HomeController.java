package de.amtsweg.platform.web;

import java.util.Comparator;
import java.util.List;

import de.amtsweg.platform.NavigationLink;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public start page. */
@Controller
class HomeController {

	private final List<NavigationLink> links;

	HomeController(List<NavigationLink> links) {
		this.links = links.stream()
			.filter((link) -> link.area() == NavigationLink.Area.HOME)
			.sorted(Comparator.comparingInt(NavigationLink::order))
			.toList();
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("links", this.links);
		return "platform/home";
	}

}
