package de.amtsweg.platform.web;

import de.amtsweg.platform.Municipality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages every public portal must have: contact and opening hours, legal notice
 * (Impressum), privacy notice and the accessibility statement (Erklärung zur
 * Barrierefreiheit, BITV 2.0).
 */
@Controller
class InformationPagesController {

	@GetMapping("/kontakt")
	String contact(Municipality municipality, Model model) {
		model.addAttribute("municipality", municipality);
		return "platform/contact";
	}

	@GetMapping("/impressum")
	String legalNotice(Municipality municipality, Model model) {
		model.addAttribute("municipality", municipality);
		return "platform/legal-notice";
	}

	@GetMapping("/datenschutz")
	String privacy(Municipality municipality, Model model) {
		model.addAttribute("municipality", municipality);
		return "platform/privacy";
	}

	@GetMapping("/barrierefreiheit")
	String accessibility(Municipality municipality, Model model) {
		model.addAttribute("municipality", municipality);
		return "platform/accessibility";
	}

}
