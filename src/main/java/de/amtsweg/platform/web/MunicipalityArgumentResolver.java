package de.amtsweg.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take the current {@link Municipality} as a parameter. */
class MunicipalityArgumentResolver implements HandlerMethodArgumentResolver {

	private final MunicipalityContext context;

	MunicipalityArgumentResolver(MunicipalityContext context) {
		this.context = context;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Municipality.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		return this.context.current(request).orElseThrow(() -> new MunicipalityNotChosenException(returnPath(request)));
	}

	private static String returnPath(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "/";
		}
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

}
