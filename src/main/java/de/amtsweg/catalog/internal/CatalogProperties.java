package de.amtsweg.catalog.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalogue.
 *
 * @param finderCache how long a node keeps a finder result for the same query
 * ({@code AMTSWEG_CATALOG_FINDER_CACHE}); any change of the catalogue ends it at once on
 * every node, the time only bounds it; zero switches the cache off
 * @param finderCacheSize how many results a node keeps at most
 */
@ConfigurationProperties("amtsweg.catalog")
public record CatalogProperties(@DefaultValue("PT2M") Duration finderCache,
		@DefaultValue("20000") int finderCacheSize) {
}
