package de.amtsweg.accounts.internal;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Looks up citizens and staff by e-mail address for the password sign-in. */
final class AccountUserDetailsServices {

	private AccountUserDetailsServices() {
	}

	static UserDetailsService citizens(CitizenAccountRepository repository) {
		return (email) -> repository.findUserByEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("No citizen account"));
	}

	static UserDetailsService staff(StaffAccountRepository repository) {
		return (email) -> repository.findByEmail(email)
			.orElseThrow(() -> new UsernameNotFoundException("No staff account"));
	}

}
