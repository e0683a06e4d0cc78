package de.amtsweg.platform.web;

import java.util.List;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public API: the municipalities this portal serves. */
@RestController
@RequestMapping("/api/v1/municipalities")
class MunicipalityApiController {

	private final Municipalities municipalities;

	MunicipalityApiController(Municipalities municipalities) {
		this.municipalities = municipalities;
	}

	@GetMapping
	List<MunicipalitySummary> list() {
		return this.municipalities.all()
			.stream()
			.map((Municipality m) -> new MunicipalitySummary(m.slug(), m.name(), m.ags().value(), m.state().name(),
					m.state().germanName()))
			.toList();
	}

	/**
	 * A municipality as the API shows it.
	 *
	 * @param slug short name used in paths
	 * @param name official name
	 * @param ags official municipality key
	 * @param state state code
	 * @param stateName state name
	 */
	record MunicipalitySummary(String slug, String name, String ags, String state, String stateName) {
	}

}
