package de.amtsweg.queue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.queue.internal.CheckInRules;
import de.amtsweg.queue.internal.ServiceGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which line an appointment code leads to, against a small appointment book. */
class CheckInRulesTests {

	private final UUID municipality = UUID.randomUUID();

	private final UUID office = UUID.randomUUID();

	private final ServiceGroup ids = group("A", List.of("Personalausweis", "Reisepass"));

	private final ServiceGroup registration = group("M", List.of("Anmeldung"));

	private final Book book = new Book();

	@Test
	void anAppointmentJoinsTheGroupWhoseKeywordItsServiceContains() {
		ScheduledVisit visit = this.book.add("K7-2291", this.office, "Wohnsitz: Anmeldung einer Wohnung");
		CheckInRules.Outcome outcome = decide("K7-2291");
		assertThat(outcome).isInstanceOfSatisfying(CheckInRules.Found.class, (found) -> {
			assertThat(found.visit()).isEqualTo(visit);
			assertThat(found.group()).isEqualTo(this.registration);
			assertThat(found.source()).isSameAs(this.book);
		});
	}

	@Test
	void keywordsMatchRegardlessOfCase() {
		this.book.add("X1", this.office, "REISEPASS beantragen");
		assertThat(decide("X1")).isInstanceOfSatisfying(CheckInRules.Found.class,
				(found) -> assertThat(found.group()).isEqualTo(this.ids));
	}

	@Test
	void anAppointmentOfAServiceNoGroupNamesJoinsTheFirstGroup() {
		this.book.add("X2", this.office, "Beglaubigung");
		assertThat(decide("X2")).isInstanceOfSatisfying(CheckInRules.Found.class,
				(found) -> assertThat(found.group()).isEqualTo(this.ids));
	}

	@Test
	void theCodeReachesTheAppointmentSystemWithoutSurroundingBlanks() {
		this.book.add("AB-12", this.office, "Personalausweis");
		assertThat(decide("  AB-12 \n")).isInstanceOf(CheckInRules.Found.class);
		assertThat(this.book.asked).containsExactly("AB-12");
	}

	@Test
	void anUnknownCodeIsRefused() {
		this.book.add("X3", this.office, "Personalausweis");
		assertThat(decide("X4")).isInstanceOf(CheckInRules.Unknown.class);
	}

	@Test
	void anEmptyCodeIsNotEvenLookedUp() {
		assertThat(decide("   ")).isInstanceOf(CheckInRules.Unknown.class);
		assertThat(this.book.asked).isEmpty();
	}

	@Test
	void withoutAnAppointmentSystemEveryCodeIsUnknown() {
		assertThat(CheckInRules.decide(List.of(), this.municipality, this.office, List.of(this.ids), "X5"))
			.isInstanceOf(CheckInRules.Unknown.class);
	}

	@Test
	void anAppointmentAtAnotherLocationIsRefused() {
		this.book.add("X6", UUID.randomUUID(), "Personalausweis");
		assertThat(decide("X6")).isInstanceOf(CheckInRules.ElsewhereLocated.class);
	}

	@Test
	void aLocationWithoutGroupsCannotQueueAnyone() {
		this.book.add("X7", this.office, "Personalausweis");
		assertThat(CheckInRules.decide(List.of(this.book), this.municipality, this.office, List.of(), "X7"))
			.isInstanceOf(CheckInRules.NoGroup.class);
	}

	@Test
	void theSecondAppointmentSystemIsAskedWhenTheFirstDoesNotKnowTheCode() {
		Book other = new Book();
		other.add("X8", this.office, "Anmeldung");
		assertThat(CheckInRules.decide(List.of(this.book, other), this.municipality, this.office,
				List.of(this.ids, this.registration), "X8"))
			.isInstanceOfSatisfying(CheckInRules.Found.class, (found) -> assertThat(found.source()).isSameAs(other));
	}

	private CheckInRules.Outcome decide(String code) {
		return CheckInRules.decide(List.of(this.book), this.municipality, this.office,
				List.of(this.ids, this.registration), code);
	}

	private ServiceGroup group(String prefix, List<String> keywords) {
		return new ServiceGroup(UUID.randomUUID(), this.municipality, this.office, "Gruppe " + prefix, "", prefix,
				keywords, 10, 0);
	}

	/** A small appointment book, as the appointments module would answer. */
	final class Book implements AppointmentCheckIns {

		final Map<String, ScheduledVisit> visits = new HashMap<>();

		final List<String> asked = new ArrayList<>();

		final List<UUID> arrived = new ArrayList<>();

		ScheduledVisit add(String code, UUID locationId, String service) {
			ScheduledVisit visit = new ScheduledVisit(UUID.randomUUID(), locationId, List.of(service),
					LocalDateTime.of(2026, 11, 23, 10, 30), 1);
			this.visits.put(code, visit);
			return visit;
		}

		@Override
		public Optional<ScheduledVisit> find(UUID municipalityId, String code) {
			this.asked.add(code);
			return municipalityId.equals(CheckInRulesTests.this.municipality)
					? Optional.ofNullable(this.visits.get(code)) : Optional.empty();
		}

		@Override
		public void markArrived(UUID appointmentId) {
			this.arrived.add(appointmentId);
		}

	}

}
