package de.amtsweg.integrations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.integrations.internal.OAuthTokens;
import de.amtsweg.integrations.internal.SpecialistSystemPrincipal;
import de.amtsweg.integrations.internal.SpecialistSystems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of specialist systems: the API under {@value #PATH} has a filter chain
 * of its own, ahead of the portal's, in which only an API key counts
 * ({@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}). No session, no
 * cookie: a browser's sign-in gives no access here, so a forged cross-site request has
 * nothing to borrow and the chain needs no CSRF token. Each key is rate limited. The
 * bearer may also be an OAuth2 access token from {@value #TOKEN_PATH} (client
 * credentials), which this chain serves too; a token counts against the rate of the
 * client secret it was issued for.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeySecurity {

	static final String PATH = "/api/v1/fachverfahren";

	static final String TOKEN_PATH = "/api/v1/oauth/token";

	static final String ROLE = "ROLE_SPECIALIST_SYSTEM";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Bean
	@Order(0)
	SecurityFilterChain specialistSystemChain(HttpSecurity http, SpecialistSystems systems, OAuthTokens tokens,
			MessageSource messages) throws Exception {
		http.securityMatcher(PATH + "/**", TOKEN_PATH)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PATH + "/openapi.yaml", TOKEN_PATH)
				.permitAll()
				.anyRequest()
				.hasAuthority(ROLE))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.addFilterBefore(new ApiKeyFilter(systems, tokens, messages), AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(request, response, messages, 401,
						"integrations.api.unauthorized"))
				.accessDeniedHandler((request, response, ex) -> problem(request, response, messages, 401,
						"integrations.api.unauthorized")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	static void problem(HttpServletRequest request, HttpServletResponse response, MessageSource messages, int status,
			String messageKey) throws IOException {
		Locale locale = (request.getHeader("Accept-Language") != null) ? request.getLocale() : Locale.GERMAN;
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write(JSON.writeValueAsString(Map.of("type", "about:blank", "status", status, "title",
					messages.getMessage(messageKey + ".title", null, locale), "detail",
					messages.getMessage(messageKey, null, locale), "instance", request.getRequestURI())));
	}

	/**
	 * Turns a valid key into the system's authentication; refuses an unknown or revoked
	 * key at once (401) and a key over its rate (429).
	 */
	static final class ApiKeyFilter extends OncePerRequestFilter {

		private final SpecialistSystems systems;

		private final OAuthTokens tokens;

		private final MessageSource messages;

		ApiKeyFilter(SpecialistSystems systems, OAuthTokens tokens, MessageSource messages) {
			this.systems = systems;
			this.tokens = tokens;
			this.messages = messages;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Optional<String> key = key(request);
			if (key.isEmpty() || TOKEN_PATH.equals(request.getServletPath())) {
				chain.doFilter(request, response);
				return;
			}
			Optional<SpecialistSystemPrincipal> principal = this.systems.authenticate(key.get())
				.or(() -> this.tokens.authenticate(key.get()));
			if (principal.isEmpty()) {
				problem(request, response, this.messages, 401, "integrations.api.unauthorized");
				return;
			}
			if (!this.systems.allowRequest(principal.get())) {
				response.setHeader("Retry-After", "60");
				problem(request, response, this.messages, 429, "integrations.api.tooManyRequests");
				return;
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
					List.of(new SimpleGrantedAuthority(ROLE))));
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

		private static Optional<String> key(HttpServletRequest request) {
			String authorization = request.getHeader("Authorization");
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return Optional.of(authorization.substring(7).strip());
			}
			String apiKey = request.getHeader("X-Api-Key");
			return (apiKey != null && !apiKey.isBlank()) ? Optional.of(apiKey.strip()) : Optional.empty();
		}

	}

}
