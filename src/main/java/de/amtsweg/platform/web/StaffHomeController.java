package de.amtsweg.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.platform.MunicipalityContext;
import de.amtsweg.platform.MunicipalityMember;
import de.amtsweg.platform.NavigationLink;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The hubs of the internal area: the staff start page and the admin start page. Each
 * shows the links that modules declare for it and that the viewer may follow.
 */
@Controller
class StaffHomeController {

	private final List<NavigationLink> links;

	private final MunicipalityContext context;

	StaffHomeController(List<NavigationLink> links, MunicipalityContext context) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
		this.context = context;
	}

	@GetMapping("/intern")
	String staffHome(Authentication authentication, HttpServletRequest request, Model model) {
		boolean operator = authentication.getPrincipal() instanceof MunicipalityMember member
				&& member.municipalityId() == null;
		model.addAttribute("municipality", operator ? null : this.context.current(request).orElse(null));
		model.addAttribute("links", visible(NavigationLink.Area.STAFF, authentication));
		return "platform/staff-home";
	}

	@GetMapping("/intern/admin")
	String adminHome(Authentication authentication, Model model) {
		model.addAttribute("links", visible(NavigationLink.Area.ADMIN, authentication));
		return "platform/admin/home";
	}

	/**
	 * The hub's links the viewer may follow, in their order; a path that two links lead
	 * to (e.g. one for each of two roles) appears once.
	 */
	List<NavigationLink> visible(NavigationLink.Area area, Authentication authentication) {
		Map<String, NavigationLink> byPath = new LinkedHashMap<>();
		for (NavigationLink link : this.links) {
			if (link.area() == area && (link.requiredAuthority() == null
					|| AdminViewer.has(authentication, link.requiredAuthority()))) {
				byPath.putIfAbsent(link.path(), link);
			}
		}
		return List.copyOf(byPath.values());
	}

}
