package de.amtsweg.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Puts the version into links to webjars ({@code /webjars/htmx.org/dist/htmx.min.js}
 * becomes {@code …/htmx.org/2.0.6/dist/…}) and leaves every other link alone. Replaces
 * the {@link ResourceUrlEncodingFilter} that Spring Boot registers for Thymeleaf, which
 * looks up every link of a page (navigation, form actions) as a possible static resource
 * under the {@code /**} mapping: a link that is no file is searched for in every jar of
 * the class path again on each render, because only hits are cached. That search was a
 * third of the CPU time of a form page (see bench/forms/README.md). Our own static files
 * have no versioned names, so their links need no rewriting.
 */
class WebJarLinks extends ResourceUrlEncodingFilter {

	private static final String WEBJARS = "/webjars/";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse)) {
			throw new ServletException("WebJarLinks only supports HTTP requests");
		}
		filterChain.doFilter(request, new Links(httpRequest, httpResponse));
	}

	private static final class Links extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		Links(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public String encodeURL(String url) {
			if (url.startsWith(this.request.getContextPath() + WEBJARS) && this.request.getAttribute(
					ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR) instanceof ResourceUrlProvider provider) {
				String resolved = provider.getForRequestUrl(this.request, url);
				if (resolved != null) {
					return super.encodeURL(resolved);
				}
			}
			return super.encodeURL(url);
		}

	}

}
