package de.amtsweg.queue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.catalog.LocalizedText;
import de.amtsweg.catalog.LocationDetails;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.queue.internal.Device;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call system of its own for each test: a fresh location of Musterstadt with two groups
 * (A, M), three counters and a kiosk and a board, so tests never see each other's
 * tickets.
 */
public final class QueueFixtures {

	public static final String CLERK = "buergerbuero@musterstadt.example";

	public static final String OTHER_CLERK = "standesamt@musterstadt.example";

	private QueueFixtures() {
	}

	/**
	 * A test office.
	 *
	 * @param municipalityId Musterstadt
	 * @param locationId the fresh location
	 * @param ids group A (ID cards)
	 * @param registration group M (registration)
	 * @param counter1 serves A and M
	 * @param counter2 serves A
	 * @param counter3 serves M
	 * @param kiosk the kiosk
	 * @param board the display board
	 */
	public record Office(UUID municipalityId, UUID locationId, UUID ids, UUID registration, UUID counter1,
			UUID counter2, UUID counter3, Device kiosk, Device board) {

		public String kioskPath() {
			return "/aufruf/kiosk/" + this.kiosk.token();
		}

		public String boardPath() {
			return "/aufruf/anzeige/" + this.board.token();
		}

	}

	public static Office office(Municipalities municipalities, CatalogAdministration catalog, QueueSetup setup) {
		return SystemActor.call(() -> {
			UUID municipalityId = municipalities.bySlug("musterstadt").orElseThrow().id();
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			UUID locationId = catalog.createLocation(municipalityId,
					new LocationDetails("test-" + suffix, "Testbüro " + suffix, "Am Test 1", "31999", "Musterstadt",
							LocalizedText.EMPTY, null, null, "", "", List.of()));
			UUID ids = setup.addGroup(municipalityId, locationId, "Ausweise und Pässe", "ID cards", "A",
					"Personalausweis, Reisepass", "10");
			UUID registration = setup.addGroup(municipalityId, locationId, "Meldewesen", "Registration", "M",
					"Anmeldung, Meldebescheinigung", "5");
			UUID counter1 = setup.addCounter(municipalityId, locationId, "Schalter 1", List.of(ids, registration));
			UUID counter2 = setup.addCounter(municipalityId, locationId, "Schalter 2", List.of(ids));
			UUID counter3 = setup.addCounter(municipalityId, locationId, "Schalter 3", List.of(registration));
			setup.addDevice(municipalityId, locationId, Device.Kind.KIOSK, "Eingang");
			setup.addDevice(municipalityId, locationId, Device.Kind.BOARD, "Wartebereich");
			List<Device> devices = setup.devices(locationId);
			Device kiosk = devices.stream().filter((d) -> d.kind() == Device.Kind.KIOSK).findFirst().orElseThrow();
			Device board = devices.stream().filter((d) -> d.kind() == Device.Kind.BOARD).findFirst().orElseThrow();
			return new Office(municipalityId, locationId, ids, registration, counter1, counter2, counter3, kiosk,
					board);
		});
	}

	/** A staff session signed in with the demo password. */
	public static WebSession staff(WebSession session, String email) {
		return session.signInAsStaff(email);
	}

	/**
	 * Draws a ticket at the kiosk page like a visitor; returns the ticket page's path.
	 */
	public static String draw(WebSession visitor, Office office, UUID groupId) {
		visitor.get(office.kioskPath());
		WebSession.Page drawn = visitor.submit(office.kioskPath(), Map.of("group", groupId.toString()));
		assertThat(drawn.isRedirect()).as("drawing a ticket").isTrue();
		return drawn.location().orElseThrow();
	}

}
