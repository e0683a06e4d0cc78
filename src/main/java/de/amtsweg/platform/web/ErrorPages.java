package de.amtsweg.platform.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * One error page for every status: it says in plain words what happened and what to do
 * next, never a stack trace. A server error gets a reference the citizen can quote on the
 * phone; the same reference is in the log.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 413, 429);

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		int code = EXPLAINED.contains(status.value()) ? status.value() : (status.is5xxServerError() ? 500 : 400);
		Map<String, Object> pageModel = new HashMap<>(model);
		pageModel.put("errorCode", code);
		if (code == 500) {
			String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
			pageModel.put("errorReference", reference);
			log.error("Server error {} on {} (reference {})", status.value(), model.get("path"), reference);
		}
		return new ModelAndView("error", pageModel, status);
	}

}
