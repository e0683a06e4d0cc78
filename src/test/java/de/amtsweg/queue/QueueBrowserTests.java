package de.amtsweg.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import de.amtsweg.catalog.CatalogAdministration;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.queue.QueueFixtures.Office;
import de.amtsweg.queue.internal.QueueSetup;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor's and the clerk's way through the call system in a real browser: kiosk,
 * ticket, the clerk's call, and the display board in another tab updating live.
 */
class QueueBrowserTests extends BrowserTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	CatalogAdministration catalog;

	@Autowired
	QueueSetup setup;

	private Office office;

	@BeforeEach
	void office() {
		this.office = QueueFixtures.office(this.municipalities, this.catalog, this.setup);
	}

	@Test
	void aTicketDrawnAtTheKioskIsCalledAndTheBoardShowsItLive() {
		open(this.office.boardPath());
		assertAccessibleOnDesktopAndPhone();
		desktop();
		new WebDriverWait(browser(), Duration.ofSeconds(10))
			.until((driver) -> "true".equals(find("[data-board-events]").getAttribute("data-connected")));
		String boardTab = browser().getWindowHandle();

		browser().switchTo().newWindow(WindowType.TAB);
		open(this.office.kioskPath());
		assertAccessibleOnDesktopAndPhone();
		desktop();
		waitForNextPage(() -> click("button.kiosk__choice"));
		assertThat(find(".ticket__number").getText()).isEqualTo("A001");
		assertAccessible();
		follow(".kiosk__url a");
		assertThat(mainText()).contains("A001").contains("Vor Ihnen: 0.");
		assertAccessibleOnDesktopAndPhone();
		desktop();

		signInAsStaff(QueueFixtures.CLERK);
		open("/intern/aufruf");
		assertAccessible();
		submit("/intern/aufruf/schalter/" + this.office.counter2() + "/oeffnen");
		assertThat(mainText()).contains("A001");
		assertAccessibleOnDesktopAndPhone();
		desktop();
		submit("/intern/aufruf/schalter/" + this.office.counter2() + "/naechste");
		assertThat(find("#current-number").getText()).isEqualTo("A001");

		List<String> handles = new ArrayList<>(browser().getWindowHandles());
		browser().switchTo().window(boardTab);
		new WebDriverWait(browser(), Duration.ofSeconds(10))
			.until((driver) -> "A001".equals(find("[data-board-events]").getAttribute("data-last-call")));
		assertThat(find("#calls tr:first-child .board__number").getText()).isEqualTo("A001");
		assertThat(find("#calls tr:first-child .board__counter").getText()).isEqualTo("Schalter 2");
		assertThat(find("#announcement").getText()).isEqualTo("Nummer A001 bitte zu Schalter 2.");
		assertAccessible();

		handles.remove(boardTab);
		browser().switchTo().window(handles.get(0));
		open("/intern/aufruf/uebersicht/" + this.office.locationId());
		assertThat(mainText()).contains("geöffnet, bedient A001");
		assertAccessibleOnDesktopAndPhone();
		desktop();
		open("/intern/aufruf/schalter/" + this.office.counter2());
		submit("/intern/aufruf/schalter/" + this.office.counter2() + "/schliessen");
		browser().close();
		browser().switchTo().window(boardTab);
	}

	@Test
	void theBoardWorksWithoutJavaScript() {
		openWithoutJavaScript(this.office.boardPath());
		assertThat(mainText()).contains("Noch keine Aufrufe");
	}

	@Test
	void theAdminPagesAreAccessible() {
		signInAsStaff("admin@musterstadt.example");
		open("/intern/admin/aufruf");
		assertAccessible();
		open("/intern/admin/aufruf/" + this.office.locationId());
		assertAccessibleOnDesktopAndPhone();
		desktop();
		open(this.office.kioskPath() + "/termin");
		assertAccessibleOnDesktopAndPhone();
	}

}
