package de.amtsweg.integrations.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.integrations.internal.OAuthTokens;
import de.amtsweg.integrations.internal.OAuthTokens.Error;
import de.amtsweg.integrations.internal.OAuthTokens.Outcome;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint for specialist systems: the client credentials grant (RFC
 * 6749 §4.4) with client authentication by HTTP Basic or by the form parameters
 * {@code client_id} and {@code client_secret} (§2.3.1, never both), errors as in §5.2.
 */
@RestController
class OAuthTokenController {

	private final OAuthTokens tokens;

	private final MessageSource messages;

	OAuthTokenController(OAuthTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@PostMapping(ApiKeySecurity.TOKEN_PATH)
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		Locale locale = (request.getHeader("Accept-Language") != null) ? request.getLocale() : Locale.GERMAN;
		String contentType = request.getContentType();
		if (contentType == null
				|| !MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType))) {
			return error(Error.INVALID_REQUEST, "integrations.oauth.form", locale);
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
		String clientId = request.getParameter("client_id");
		String clientSecret = request.getParameter("client_secret");
		if (basic) {
			if (clientSecret != null) {
				return error(Error.INVALID_REQUEST, "integrations.oauth.twoMethods", locale);
			}
			String[] credentials = basic(authorization.substring(6).strip());
			if (credentials == null || (clientId != null && !clientId.equals(credentials[0]))) {
				return error(Error.INVALID_CLIENT, "integrations.oauth.invalidClient", locale);
			}
			clientId = credentials[0];
			clientSecret = credentials[1];
		}
		String grantType = request.getParameter("grant_type");
		if (grantType == null || grantType.isBlank()) {
			return error(Error.INVALID_REQUEST, "integrations.oauth.grantType.missing", locale);
		}
		if (!"client_credentials".equals(grantType)) {
			return error(Error.UNSUPPORTED_GRANT_TYPE, "integrations.oauth.grantType.unsupported", locale);
		}
		if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
			return error(Error.INVALID_CLIENT, "integrations.oauth.invalidClient", locale);
		}
		Outcome outcome = this.tokens.issue(clientId, clientSecret, request.getParameter("scope"));
		if (outcome.error() != null) {
			return error(outcome.error(), "integrations.oauth." + switch (outcome.error()) {
				case INVALID_SCOPE -> "invalidScope";
				case TOO_MANY_REQUESTS -> "tooManyRequests";
				default -> "invalidClient";
			}, locale);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", outcome.accessToken());
		body.put("token_type", "Bearer");
		body.put("expires_in", outcome.expiresIn());
		body.put("scope", outcome.scope());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	private ResponseEntity<Map<String, Object>> error(Error error, String messageKey, Locale locale) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status())
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON);
		if (error == Error.INVALID_CLIENT) {
			// §5.2: 401 names the scheme a client can authenticate with
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"amtsweg\"");
		}
		if (error == Error.TOO_MANY_REQUESTS) {
			response.header(HttpHeaders.RETRY_AFTER, "60");
		}
		return response.body(
				Map.of("error", error.code(), "error_description", this.messages.getMessage(messageKey, null, locale)));
	}

	/** Client id and secret from a Basic header (each form-urlencoded, §2.3.1). */
	private static String @Nullable [] basic(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 1) {
				return null;
			}
			return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
