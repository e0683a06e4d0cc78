package de.amtsweg.platform.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.platform.District;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's layout needs: the current municipality (or the district portal's
 * name), and the links that switch the language on the same page.
 */
@ControllerAdvice
class PortalModelAdvice {

	private final MunicipalityContext context;

	private final Municipalities municipalities;

	PortalModelAdvice(MunicipalityContext context, Municipalities municipalities) {
		this.context = context;
		this.municipalities = municipalities;
	}

	@ModelAttribute("currentMunicipality")
	@Nullable Municipality currentMunicipality(HttpServletRequest request) {
		return this.context.current(request).orElse(null);
	}

	@ModelAttribute("portalName")
	String portalName(HttpServletRequest request) {
		Optional<Municipality> current = this.context.current(request);
		if (current.isPresent()) {
			return current.get().name();
		}
		List<District> districts = this.municipalities.districts();
		return (districts.size() == 1) ? districts.get(0).name() : "Amtsweg";
	}

	@ModelAttribute("languageLinks")
	LanguageLinks languageLinks(HttpServletRequest request) {
		return new LanguageLinks(switchTo(request, "de"), switchTo(request, "en"));
	}

	private static String switchTo(HttpServletRequest request, String language) {
		return ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("sprache", language)
			.replacePath(request.getRequestURI())
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

	/**
	 * Links to the same page in German and in English.
	 *
	 * @param german the German page
	 * @param english the English page
	 */
	record LanguageLinks(String german, String english) {
	}

}
