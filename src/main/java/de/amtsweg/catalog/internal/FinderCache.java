package de.amtsweg.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import de.amtsweg.catalog.SearchResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finder results of this node. Citizens ask the same few questions over and over, so a
 * result is kept until the catalogue changes (sequence {@code catalog_version}, moved on
 * by triggers on every table the finder reads, so other nodes' changes count too) or its
 * time is up.
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
public class FinderCache {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maximumSize;

	private volatile Duration timeToLive;

	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

	public FinderCache(JdbcClient jdbc, Clock clock, CatalogProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.timeToLive = properties.finderCache();
		this.maximumSize = properties.finderCacheSize();
	}

	public SearchResult get(UUID municipalityId, String query, @Nullable String lifeSituation, boolean onlineOnly,
			int limit, Supplier<SearchResult> search) {
		if (this.timeToLive.isZero()) {
			return search.get();
		}
		long version = this.jdbc.sql("select last_value from catalog_version").query(Long.class).single();
		Key key = new Key(municipalityId, query, lifeSituation, onlineOnly, limit);
		Instant now = this.clock.instant();
		Entry cached = this.entries.get(key);
		if (cached != null && cached.version() == version && now.isBefore(cached.expires())) {
			return cached.result();
		}
		SearchResult result = search.get();
		if (this.entries.size() >= this.maximumSize) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry(result, version, now.plus(this.timeToLive)));
		return result;
	}

	/** Only for the search benchmark, which measures the finder without cache. */
	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
		this.entries.clear();
	}

	public Optional<Duration> timeToLive() {
		return this.timeToLive.isZero() ? Optional.empty() : Optional.of(this.timeToLive);
	}

	private record Key(UUID municipalityId, String query, @Nullable String lifeSituation, boolean onlineOnly,
			int limit) {
	}

	private record Entry(SearchResult result, long version, Instant expires) {
	}

}
