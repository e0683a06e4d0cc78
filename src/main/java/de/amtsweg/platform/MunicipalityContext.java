package de.amtsweg.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which municipality a request works in. Staff always work in their own municipality. For
 * everyone else it follows from the host name, else from the citizen's choice (a cookie
 * set on {@code /gemeinde/{slug}} or the chooser page), else it is the only one served.
 * <p>
 * Controllers simply take a {@link Municipality} parameter; when none is chosen yet, the
 * citizen is sent to the chooser and comes back afterwards.
 */
@Component
public class MunicipalityContext {

	public static final String COOKIE = "amtsweg-gemeinde";

	private static final String ATTRIBUTE = MunicipalityContext.class.getName() + ".current";

	private static final Optional<Municipality> NONE = Optional.empty();

	private final Municipalities municipalities;

	public MunicipalityContext(Municipalities municipalities) {
		this.municipalities = municipalities;
	}

	@SuppressWarnings("unchecked")
	public Optional<Municipality> current(HttpServletRequest request) {
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached instanceof Optional<?> optional) {
			return (Optional<Municipality>) optional;
		}
		Optional<Municipality> resolved = resolve(request);
		request.setAttribute(ATTRIBUTE, resolved);
		return resolved;
	}

	/** Remembers the citizen's choice for a year. */
	public void choose(Municipality municipality, HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = new Cookie(COOKIE, municipality.slug());
		cookie.setPath("/");
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
		request.setAttribute(ATTRIBUTE, Optional.of(municipality));
	}

	private Optional<Municipality> resolve(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof MunicipalityMember member
				&& member.municipalityId() != null) {
			return this.municipalities.byId(member.municipalityId());
		}
		String host = request.getServerName();
		if (host != null) {
			Optional<Municipality> byHost = this.municipalities.byHostName(host.toLowerCase(Locale.ROOT));
			if (byHost.isPresent()) {
				return byHost;
			}
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					Optional<Municipality> chosen = this.municipalities.bySlug(cookie.getValue());
					if (chosen.isPresent()) {
						return chosen;
					}
				}
			}
		}
		List<Municipality> all = this.municipalities.all();
		return (all.size() == 1) ? Optional.of(all.get(0)) : NONE;
	}

}
