package de.amtsweg.platform.internal;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With no {@code url} the application starts an embedded
 * PostgreSQL whose data directory persists between runs.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code AMTSWEG_DB_URL}); blank for
 * embedded
 * @param username user of the external database ({@code AMTSWEG_DB_USER})
 * @param password password of the external database ({@code AMTSWEG_DB_PASSWORD})
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("amtsweg.database")
public record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		@DefaultValue Embedded embedded) {

	public boolean useEmbedded() {
		return this.url == null || this.url.isBlank();
	}

	/**
	 * @param dataDirectory where PostgreSQL keeps its files
	 * @param port port to listen on, 0 for any free port
	 * @param clean start from an empty data directory (tests)
	 * @param maximumPoolSize connections in the pool
	 */
	public record Embedded(@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port,
			@DefaultValue("false") boolean clean, @DefaultValue("10") int maximumPoolSize) {
	}

}
