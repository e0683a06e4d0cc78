package de.amtsweg.appointments.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The booking page's form: the chosen calendar, services, persons and start (hidden), the
 * contact data, the one-time key and the proof-of-work.
 *
 * @param kalender calendar
 * @param dienst services
 * @param personen persons
 * @param beginn start, ISO local date-time
 * @param name name
 * @param email e-mail address
 * @param telefon phone (optional)
 * @param schluessel idempotency key
 * @param powChallenge proof-of-work challenge
 * @param powSolution proof-of-work solution (filled by the script)
 */
public record DetailsForm(@Nullable UUID kalender, @Nullable List<UUID> dienst, @Nullable Integer personen,
		@Nullable String beginn, @Nullable String name, @Nullable String email, @Nullable String telefon,
		@Nullable String schluessel, @Nullable String powChallenge, @Nullable String powSolution) {

	public List<UUID> services() {
		return (this.dienst != null) ? this.dienst : List.of();
	}

	public int persons() {
		return (this.personen != null) ? this.personen : 1;
	}

	String nameOrEmpty() {
		return (this.name != null) ? this.name.trim() : "";
	}

	String emailOrEmpty() {
		return (this.email != null) ? this.email.trim() : "";
	}

	String phoneOrEmpty() {
		return (this.telefon != null) ? this.telefon.trim() : "";
	}

	DetailsForm withChallenge(String challenge) {
		return new DetailsForm(this.kalender, this.dienst, this.personen, this.beginn, this.name, this.email,
				this.telefon, this.schluessel, challenge, null);
	}

}
