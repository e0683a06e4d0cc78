package de.amtsweg.queue.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.catalog.Location;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo call system of the Bürgerbüro Musterstadt: two service groups (A Ausweise und
 * Pässe, M Meldewesen), three counters, a kiosk and a display board whose fixed URLs the
 * README names.
 */
@Component
@Order(DemoData.LATER_MODULES)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class QueueDemoData implements ApplicationRunner {

	static final String KIOSK_TOKEN = "demo-kiosk-musterstadt-buergerbuero";

	static final String BOARD_TOKEN = "demo-anzeige-musterstadt-buergerbuero";

	private static final Logger log = LoggerFactory.getLogger(QueueDemoData.class);

	private final Municipalities municipalities;

	private final ServiceCatalog catalog;

	private final QueueSetup setup;

	private final TransactionTemplate transactions;

	private final String baseUrl;

	QueueDemoData(Municipalities municipalities, ServiceCatalog catalog, QueueSetup setup,
			TransactionTemplate transactions, @Value("${amtsweg.base-url}") String baseUrl) {
		this.municipalities = municipalities;
		this.catalog = catalog;
		this.setup = setup;
		this.transactions = transactions;
		this.baseUrl = baseUrl;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Municipality> musterstadt = this.municipalities.bySlug("musterstadt");
		if (musterstadt.isEmpty()) {
			return;
		}
		UUID municipalityId = musterstadt.get().id();
		Optional<Location> office = this.catalog.locations(municipalityId)
			.stream()
			.filter((location) -> "buergerbuero".equals(location.key()))
			.findFirst();
		if (office.isEmpty()) {
			return;
		}
		UUID locationId = office.get().id();
		if (this.setup.groups(locationId).isEmpty()) {
			SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> {
				UUID ids = this.setup.addGroup(municipalityId, locationId, "Ausweise und Pässe",
						"ID cards and passports", "A", "Personalausweis, Reisepass, Kinderreisepass, Ausweis", "12");
				UUID registration = this.setup.addGroup(municipalityId, locationId, "Meldewesen", "Registration", "M",
						"Anmeldung, Ummeldung, Abmeldung, Meldebescheinigung, Wohnsitz", "8");
				this.setup.addCounter(municipalityId, locationId, "Schalter 1", List.of(ids, registration));
				this.setup.addCounter(municipalityId, locationId, "Schalter 2", List.of(ids));
				this.setup.addCounter(municipalityId, locationId, "Schalter 3", List.of(registration));
				this.setup.addDevice(municipalityId, locationId, Device.Kind.KIOSK, "Eingang", KIOSK_TOKEN);
				this.setup.addDevice(municipalityId, locationId, Device.Kind.BOARD, "Wartebereich", BOARD_TOKEN);
			}));
		}
		log.info(
				"Demo call system of the Bürgerbüro Musterstadt: kiosk {}/aufruf/kiosk/{}, display board {}/aufruf/anzeige/{}",
				this.baseUrl, KIOSK_TOKEN, this.baseUrl, BOARD_TOKEN);
	}

}
