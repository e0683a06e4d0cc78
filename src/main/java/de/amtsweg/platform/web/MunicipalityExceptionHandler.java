package de.amtsweg.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a citizen who has not chosen a municipality to the chooser, and back afterwards.
 */
@ControllerAdvice
class MunicipalityExceptionHandler {

	@ExceptionHandler(MunicipalityNotChosenException.class)
	String choose(MunicipalityNotChosenException ex) {
		return "redirect:" + UriComponentsBuilder.fromPath("/gemeinde-waehlen")
			.queryParam("weiter", ex.returnPath())
			.encode()
			.build()
			.toUriString();
	}

}
