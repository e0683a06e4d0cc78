package de.amtsweg.platform.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.platform.LocalPath;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;
import de.amtsweg.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The district portal's choice of municipality: by list, by postcode, or by a link
 * {@code /gemeinde/{slug}} that a municipality's own website can point to.
 */
@Controller
class MunicipalityChoiceController {

	private final Municipalities municipalities;

	private final MunicipalityContext context;

	MunicipalityChoiceController(Municipalities municipalities, MunicipalityContext context) {
		this.municipalities = municipalities;
		this.context = context;
	}

	@GetMapping("/gemeinde-waehlen")
	String chooser(@RequestParam(name = "weiter", required = false) @Nullable String returnPath,
			@RequestParam(name = "plz", required = false) @Nullable String postcode, Model model) {
		model.addAttribute("municipalities", this.municipalities.all());
		model.addAttribute("returnPath", LocalPath.orHome(returnPath));
		if (postcode != null) {
			String code = postcode.trim();
			model.addAttribute("postcode", code);
			if (!code.matches("[0-9]{5}")) {
				model.addAttribute("postcodeError", "choice.postcode.invalid");
			}
			else {
				List<Municipality> found = this.municipalities.byPostcode(code);
				model.addAttribute("postcodeMatches", found);
				if (found.isEmpty()) {
					model.addAttribute("postcodeError", "choice.postcode.none");
				}
			}
		}
		return "platform/choose-municipality";
	}

	@PostMapping("/gemeinde-waehlen")
	String choose(@RequestParam(name = "gemeinde", required = false) @Nullable String slug,
			@RequestParam(name = "weiter", required = false) @Nullable String returnPath, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Municipality> chosen = (slug != null) ? this.municipalities.bySlug(slug) : Optional.empty();
		if (chosen.isEmpty()) {
			model.addAttribute("municipalities", this.municipalities.all());
			model.addAttribute("returnPath", LocalPath.orHome(returnPath));
			model.addAttribute("choiceError", "choice.required");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "platform/choose-municipality";
		}
		this.context.choose(chosen.get(), request, response);
		return "redirect:" + LocalPath.orHome(returnPath);
	}

	@GetMapping("/gemeinde/{slug}")
	String chooseByLink(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
		Municipality municipality = this.municipalities.bySlug(slug)
			.orElseThrow(() -> new NotFoundException("Municipality " + slug));
		this.context.choose(municipality, request, response);
		return "redirect:/";
	}

	@GetMapping("/gemeinde/{slug}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String slug) {
		Municipality municipality = this.municipalities.bySlug(slug)
			.orElseThrow(() -> new NotFoundException("Municipality " + slug));
		Municipalities.Logo logo = this.municipalities.logo(municipality.id())
			.orElseThrow(() -> new NotFoundException("Logo of " + slug));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.contentType()))
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.header("X-Content-Type-Options", "nosniff")
			.body(logo.content());
	}

}
