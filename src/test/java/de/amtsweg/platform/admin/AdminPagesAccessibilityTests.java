package de.amtsweg.platform.admin;

import java.time.Duration;
import java.util.UUID;

import de.amtsweg.accounts.internal.StaffAccountRepository;
import de.amtsweg.accounts.internal.StaffInvitationTokens;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal area in a real browser: axe (WCAG 2.1 A/AA) on desktop and phone, no
 * sideways scrolling, and the forms work without JavaScript. Nothing is saved, so the
 * demo municipality stays as the other tests expect it.
 */
class AdminPagesAccessibilityTests extends BrowserTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	StaffAccountRepository staff;

	@Autowired
	StaffInvitationTokens invitations;

	@Test
	void theAdministrationIsAccessibleOnDesktopAndPhone() {
		signInAsStaff("admin@musterstadt.example");
		assertThat(path()).isEqualTo("/intern");
		assertAccessibleOnDesktopAndPhone();
		follow("main a[href='/intern/admin']");
		assertAccessibleOnDesktopAndPhone();

		open("/intern/admin/organisationseinheiten");
		assertAccessibleOnDesktopAndPhone();

		open("/intern/admin/personal");
		assertAccessibleOnDesktopAndPhone();
		follow("main tbody a");
		assertAccessibleOnDesktopAndPhone();
		follow("main a[href$='/rollen']");
		assertThat(title()).startsWith("Rollen von");
		assertAccessibleOnDesktopAndPhone();

		open("/intern/admin/protokoll");
		submit("/intern/admin/protokoll/pruefen");
		assertThat(mainText()).contains("Das Protokoll ist unversehrt");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void theMunicipalityEditorExplainsItsErrorsWithoutJavaScript() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		signInAsStaff("admin@musterstadt.example");
		String editor = "/intern/admin/gemeinden/" + musterstadt;
		openWithoutJavaScript(editor);
		assertAccessibleOnDesktopAndPhone();
		type("#ags", "0349900");
		type("[id='hours[MONDAY-1-opens]']", "8 Uhr");
		submit(editor);
		assertThat(pageScriptsRan()).isFalse();
		assertThat(title()).startsWith("Fehler: ");
		assertThat(find(".error-summary").getText()).contains("Der Gemeindeschlüssel besteht aus genau acht Ziffern",
				"Montag, 1. Zeitraum: Geben Sie die Öffnungszeit im Format HH:MM ein");
		assertAccessibleOnDesktopAndPhone();

		open(editor + "/logo");
		submit(editor + "/logo");
		assertThat(mainText()).contains("Wählen Sie eine Bilddatei aus.");
		assertAccessibleOnDesktopAndPhone();
	}

	@Test
	void theInvitationPageIsAccessible() {
		UUID member = this.staff.findByEmail("standesamt@musterstadt.example").orElseThrow().staffId();
		String token = this.invitations.issue(member, Duration.ofHours(1));
		open("/intern/einladung?token=" + token);
		assertThat(mainText()).contains("Legen Sie Ihr Passwort fest");
		assertAccessibleOnDesktopAndPhone();
		submit("/intern/einladung");
		assertThat(title()).startsWith("Fehler: ");
		assertAccessibleOnDesktopAndPhone();
		this.invitations.invalidate(member);

		open("/intern/einladung?token=" + token);
		assertThat(mainText()).contains("Der Link wurde schon benutzt");
		assertAccessibleOnDesktopAndPhone();
	}

}
