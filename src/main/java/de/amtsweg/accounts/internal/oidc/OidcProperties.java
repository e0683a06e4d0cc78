package de.amtsweg.accounts.internal.oidc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sign-in over OpenID Connect; the providers themselves are managed on
 * the admin page.
 *
 * @param discoveryRefresh how long a provider's discovered configuration is used before
 * it is fetched again ({@code AMTSWEG_OIDC_DISCOVERY_REFRESH}); a change on the admin
 * page takes effect at once
 */
@ConfigurationProperties("amtsweg.oidc")
public record OidcProperties(@DefaultValue("PT1H") Duration discoveryRefresh) {
}
