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

	@Bean
	DataSource dataSource(DatabaseProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("amtsweg");
		if (properties.useEmbedded()) {
			dataSource.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(properties.embedded()));
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
