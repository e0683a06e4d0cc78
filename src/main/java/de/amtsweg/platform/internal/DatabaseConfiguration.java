package de.amtsweg.platform.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one data source: an external PostgreSQL when {@code AMTSWEG_DB_URL} is set,
 * otherwise the embedded server.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * The embedded server's lease for this context. The data source depends on it, so
	 * Spring closes the data source (and everything using it, such as the event registry)
	 * before it releases the server.
	 */
	@Bean
	EmbeddedPostgresServer.Lease embeddedPostgres(DatabaseProperties properties) {
		return properties.useEmbedded() ? EmbeddedPostgresServer.lease(properties.embedded())
				: EmbeddedPostgresServer.Lease.NONE;
	}

	@Bean
	DataSource dataSource(DatabaseProperties properties, EmbeddedPostgresServer.Lease embeddedPostgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("amtsweg");
		if (properties.useEmbedded()) {
			dataSource.setJdbcUrl(embeddedPostgres.jdbcUrl());
			dataSource.setUsername("postgres");
			dataSource.setMaximumPoolSize(properties.embedded().maximumPoolSize());
		}
		else {
			dataSource.setJdbcUrl(properties.url());
			dataSource.setUsername(properties.username());
			dataSource.setPassword(properties.password());
		}
		return dataSource;
	}

}
