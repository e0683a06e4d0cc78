package de.amtsweg.accounts.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions of an account on every node. Spring Session keeps them in
 * {@code spring_session}, indexed by the principal's name, which for a password sign-in
 * is the e-mail address.
 */
@Component
public class AccountSessions {

	private final JdbcClient jdbc;

	public AccountSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ends every session of the address but the one given (if any). */
	public int endAllExcept(String email, @Nullable String keptSessionId) {
		return this.jdbc.sql("""
				delete from spring_session
				where lower(principal_name) = lower(:email) and (cast(:kept as text) is null or session_id <> :kept)""")
			.param("email", email.trim())
			.param("kept", keptSessionId)
			.update();
	}

	public int endAll(String email) {
		return endAllExcept(email, null);
	}

}
