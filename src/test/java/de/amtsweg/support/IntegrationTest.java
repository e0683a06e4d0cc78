package de.amtsweg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a free port, on a fresh
 * embedded PostgreSQL with the demo data, sending mail to {@link TestMailServer}. All
 * subclasses share one application context, so keep their configuration identical: no
 * extra annotations that change the context (no @MockitoBean, no @TestPropertySource).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import(TestBeans.class)
public abstract class IntegrationTest {

	/**
	 * One port for the whole run, known before the application starts so mails link to
	 * it.
	 */
	protected static final int PORT = freePort();

	@Autowired
	protected MutableClock clock;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("amtsweg.mail.host", () -> "127.0.0.1");
		registry.add("amtsweg.mail.port", TestMailServer::port);
		registry.add("server.port", () -> PORT);
		registry.add("amtsweg.base-url", () -> "http://localhost:" + PORT);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	protected SwitchableVirusScanner virusScanner;

	@AfterEach
	void resetClock() {
		this.clock.reset();
		this.virusScanner.reset();
	}

	/** A fresh HTTP client with its own cookies, like a new browser. */
	protected WebSession newSession() {
		return new WebSession(baseUrl());
	}

	protected String baseUrl() {
		return "http://localhost:" + PORT;
	}

}
