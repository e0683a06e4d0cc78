package de.amtsweg.accounts.web.oidc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.amtsweg.accounts.internal.oidc.Audience;
import de.amtsweg.accounts.internal.oidc.IdentityProviderRepository;
import de.amtsweg.accounts.internal.oidc.OidcSignInProblem;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the identity providers on the two sign-in pages: those of the current municipality
 * and the portal-wide ones, for citizens or for staff; and the reason why the last
 * sign-in through a provider did not work.
 */
@Configuration(proxyBeanMethods = false)
class SignInPageProviders implements WebMvcConfigurer, HandlerInterceptor {

	static final String SIGN_IN_VIEW = "accounts/sign-in";

	private final IdentityProviderRepository providers;

	private final MunicipalityContext context;

	private final Municipalities municipalities;

	SignInPageProviders(IdentityProviderRepository providers, MunicipalityContext context,
			Municipalities municipalities) {
		this.providers = providers;
		this.context = context;
		this.municipalities = municipalities;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/anmelden", "/intern/anmelden");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || !SIGN_IN_VIEW.equals(page.getViewName())) {
			return;
		}
		boolean staff = Boolean.TRUE.equals(page.getModel().get("staff"));
		Audience audience = staff ? Audience.STAFF : Audience.CITIZEN;
		String start = staff ? "/intern/oauth2/authorization/" : "/oauth2/authorization/";
		Optional<Municipality> municipality = this.context.current(request);
		UUID municipalityId = municipality.map(Municipality::id).orElse(null);
		List<SignInOption> options = this.providers.findEnabled(audience, municipalityId)
			.stream()
			.map((provider) -> new SignInOption(provider.displayName(), start + provider.registrationId()))
			.toList();
		page.addObject("identityProviders", options);
		page.addObject("moreIdentityProvidersAfterChoice", municipality.isEmpty()
				&& this.municipalities.all().size() > 1 && this.providers.anyOfMunicipalities(audience));
		HttpSession session = request.getSession(false);
		if (session != null) {
			Object problem = session.getAttribute(OidcSignInProblem.SESSION_ATTRIBUTE);
			session.removeAttribute(OidcSignInProblem.SESSION_ATTRIBUTE);
			page.addObject("oidcProblem", problem);
		}
	}

	/**
	 * A button on the sign-in page.
	 *
	 * @param name the provider's name
	 * @param path where the sign-in starts
	 */
	record SignInOption(String name, String path) {
	}

}
