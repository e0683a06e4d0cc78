package de.amtsweg.queue.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One connection per node that LISTENs for calls and hands them to the node's display
 * boards. The connection is its own, outside the pool, since it is held for the node's
 * lifetime; when it breaks, the listener opens a new one and tells the boards to reload,
 * as calls may have been missed meanwhile.
 */
@Component
class CallListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CallListener.class);

	private static final int POLL_MILLIS = 5000;

	private final DataSource dataSource;

	private final DisplayBoards boards;

	private final QueueProperties properties;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	private volatile @Nullable Connection connection;

	private final CountDownLatch firstListen = new CountDownLatch(1);

	CallListener(DataSource dataSource, DisplayBoards boards, QueueProperties properties) {
		this.dataSource = dataSource;
		this.boards = boards;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::listen, "queue-call-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
		try {
			// boards connected right after start must not miss the first calls
			this.firstListen.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
		closeQuietly(this.connection);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Breaks the current connection, as a network failure would; for tests. */
	void dropConnection() {
		closeQuietly(this.connection);
	}

	private void listen() {
		boolean reconnecting = false;
		while (this.running) {
			try (Connection listening = open()) {
				this.connection = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + CallNotifications.CHANNEL);
				}
				this.firstListen.countDown();
				if (reconnecting) {
					log.info("Listening for calls again");
					this.boards.reloadAll();
				}
				PGConnection pg = listening.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					if (notifications == null || notifications.length == 0) {
						// a quiet connection may be a dead one; ask it
						try (Statement ping = listening.createStatement()) {
							ping.execute("select 1");
						}
						continue;
					}
					for (PGNotification notification : notifications) {
						deliver(notification.getParameter());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("The connection listening for calls failed, opening a new one: {}", ex.getMessage());
				reconnecting = true;
				try {
					Thread.sleep(this.properties.listenerReconnectDelay().toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void deliver(String payload) {
		try {
			this.boards.deliver(CallNotifications.fromJson(payload));
		}
		catch (RuntimeException ex) {
			log.warn("Unreadable call notification {}: {}", payload, ex.getMessage());
		}
	}

	private Connection open() throws SQLException {
		if (this.dataSource instanceof HikariConfig pool && pool.getJdbcUrl() != null) {
			return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		}
		return this.dataSource.getConnection();
	}

	private static void closeQuietly(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// closing a broken connection may fail; it is gone either way
			}
		}
	}

}
