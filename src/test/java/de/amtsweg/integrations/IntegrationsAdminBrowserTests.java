package de.amtsweg.integrations;

import java.util.UUID;

import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages of the specialist systems in a real browser, checked with axe: the
 * list, the registration with its errors, the system with a new key shown once, and the
 * webhook deliveries.
 */
class IntegrationsAdminBrowserTests extends BrowserTest {

	@Test
	void anAdminRegistersASystemGetsAKeyOnceAndSeesTheDeliveries() {
		signInAsStaff("admin@musterstadt.example");
		open("/intern/admin");
		follow("main a[href='/intern/admin/schnittstellen']");
		assertThat(title()).isEqualTo("Fachverfahren und Schnittstellen");
		assertAccessibleOnDesktopAndPhone();

		follow("main a[href='/intern/admin/schnittstellen/neu']");
		submit("/intern/admin/schnittstellen/neu");
		assertThat(title()).startsWith("Fehler: ");
		assertThat(mainText()).contains("Geben Sie einen Namen ein.",
				"Wählen Sie mindestens eine Organisationseinheit.");
		assertAccessibleOnDesktopAndPhone();

		String name = "Browser-Fachverfahren " + UUID.randomUUID().toString().substring(0, 8);
		type("#name", name);
		click("#orgUnitIds");
		submit("/intern/admin/schnittstellen/neu");
		assertThat(mainText()).contains(name, "Es gibt noch keinen API-Schlüssel.");
		submit(path() + "/schluessel");
		assertThat(find("#new-key").getText()).startsWith("aw_");
		assertAccessibleOnDesktopAndPhone();

		open("/intern/admin/schnittstellen/zustellungen");
		assertThat(title()).isEqualTo("Webhook-Zustellungen");
		assertAccessibleOnDesktopAndPhone();
	}

}
