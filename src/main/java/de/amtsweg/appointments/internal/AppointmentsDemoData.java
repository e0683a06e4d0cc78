package de.amtsweg.appointments.internal;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookable calendars for the demo municipalities: the citizens' office (ID card,
 * passport, registration certificate), the Kita administration (registration, contract,
 * payment arrears) and the tax office (payment arrears).
 */
@Component
@Order(DemoData.LATER_MODULES)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class AppointmentsDemoData implements ApplicationRunner {

	private final Municipalities municipalities;

	private final ServiceCatalog catalog;

	private final OrgUnits orgUnits;

	private final Calendars calendars;

	private final TransactionTemplate transactions;

	AppointmentsDemoData(Municipalities municipalities, ServiceCatalog catalog, OrgUnits orgUnits, Calendars calendars,
			TransactionTemplate transactions) {
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.orgUnits = orgUnits;
		this.calendars = calendars;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> {
			for (String slug : List.of("musterstadt", "beispielheim")) {
				this.municipalities.bySlug(slug).ifPresent(this::seed);
			}
		}));
	}

	private void seed(Municipality municipality) {
		if (!this.calendars.of(municipality.id()).isEmpty()) {
			return;
		}
		calendar(municipality, "buergerbuero", "Bürgerbüro", 15, 3, List.of(
				new Bookable("personalausweis", "Personalausweis beantragen", "Apply for an ID card", 15, 10, 4),
				new Bookable("reisepass", "Reisepass beantragen", "Apply for a passport", 15, 10, 4),
				new Bookable("meldebescheinigung", "Meldebescheinigung", "Registration certificate", 10, 5, 2)));
		calendar(municipality, "kita-verwaltung", "Kita-Verwaltung", 30, 1,
				List.of(new Bookable("kita-anmeldung", "Kita-Anmeldung", "Childcare registration", 30, 15, 3),
						new Bookable("kita-anmeldung", "Betreuungsvertrag abschließen", "Sign the childcare contract",
								30, 0, 1),
						new Bookable("elternbeitrag", "Zahlungsrückstände Elternbeitrag klären",
								"Settle arrears of the parental contribution", 30, 0, 1)));
		calendar(municipality, "steueramt", "Steueramt", 20, 1,
				List.of(new Bookable("grundsteuer", "Zahlungsrückstände klären", "Settle payment arrears", 20, 0, 1)));
	}

	private void calendar(Municipality municipality, String orgUnitKey, String name, int slotMinutes, int counters,
			List<Bookable> bookables) {
		Optional<OrgUnit> orgUnit = this.orgUnits.byKey(municipality.id(), orgUnitKey);
		Optional<OfferedService> first = this.catalog.offered(municipality.id(), bookables.get(0).slug());
		if (orgUnit.isEmpty() || first.isEmpty() || first.get().locations().isEmpty()) {
			return;
		}
		Location location = first.get().locations().get(0);
		UUID calendarId = this.calendars.create(municipality.id(), location.id(), orgUnit.get().id(),
				new Calendars.Settings(name + " – " + location.name(), slotMinutes, 60, 42, LocalTime.of(8, 0), 0,
						true));
		for (int i = 1; i <= counters; i++) {
			this.calendars.addCounter(municipality.id(), calendarId, "Schalter " + i);
		}
		for (Bookable bookable : bookables) {
			this.catalog.offered(municipality.id(), bookable.slug())
				.ifPresent((offered) -> this.calendars.addService(municipality.id(), calendarId,
						offered.responsibility().id(),
						new Calendars.ServiceSettings(bookable.nameDe(), bookable.nameEn(), bookable.minutes(),
								bookable.extraMinutes(), bookable.maxPersons(), 1, true)));
		}
	}

	private record Bookable(String slug, String nameDe, String nameEn, int minutes, int extraMinutes, int maxPersons) {
	}

}
